/**
 * The Export control of the incident views: a format and a TLP ceiling,
 * then a download, or publishing to a TAXII collection when sharing is
 * configured. The ceiling starts at GREEN, the most that may leave the SOC
 * without a decision; the main process applies it and the client's own.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { DEFAULT_EXPORT_TLP, EXPORT_FORMATS, type ExportFormat } from '../../shared/export';
import { TLP_LEVELS, type Tlp } from '../../shared/vocab';
import { useApi } from '../api/api-context';
import {
  downloadExport,
  publishExport,
  type ExportOutcome,
  type ExportScope,
} from './export-actions';

const FORMAT_LABELS: Record<ExportFormat, string> = {
  stix: 'STIX 2.1',
  misp: 'MISP event',
  csv: 'CSV',
};

type Destination = { name: string; title?: string };

export function ExportControl({
  scope,
  label,
}: {
  scope: ExportScope;
  label: string;
}): ReactElement {
  const api = useApi();
  const [format, setFormat] = useState<ExportFormat>('stix');
  const [tlp, setTlp] = useState<Tlp>(DEFAULT_EXPORT_TLP);
  const [destinations, setDestinations] = useState<Destination[]>([]);
  const [destination, setDestination] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome>();
  const details = useRef<HTMLDetailsElement>(null);

  // Like a menu, the open panel closes on a click elsewhere, so it never hides what lies below.
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const element = details.current;
      if (element?.open && !element.contains(event.target as Node)) element.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, []);

  useEffect(() => {
    let current = true;
    void api.call('listShareDestinations', {}).then((result) => {
      if (!current || !result.ok) return;
      setDestinations(result.value);
      setDestination(result.value[0]?.name ?? '');
    });
    return () => {
      current = false;
    };
  }, [api]);

  const run = async (work: () => Promise<ExportOutcome>) => {
    setBusy(true);
    setOutcome(await work());
    setBusy(false);
  };
  const selection = { ...scope, tlp };

  return (
    <details className="export-control" data-testid="export-control" ref={details}>
      <summary>Export</summary>
      <div className="export-body" role="group" aria-label={label}>
        <select
          aria-label="Export format"
          value={format}
          onChange={(event) => setFormat(event.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {FORMAT_LABELS[value]}
            </option>
          ))}
        </select>
        <select
          aria-label="TLP ceiling"
          value={tlp}
          onChange={(event) => setTlp(event.target.value as Tlp)}
        >
          {TLP_LEVELS.map((level) => (
            <option key={level} value={level}>
              up to TLP:{level.toUpperCase()}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(() => downloadExport(api, format, selection))}
        >
          Download
        </button>
        {destinations.length > 0 && (
          <>
            <select
              aria-label="TAXII destination"
              value={destination}
              onChange={(event) => setDestination(event.target.value)}
            >
              {destinations.map((item) => (
                <option key={item.name} value={item.name}>
                  {item.title ?? item.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={busy || destination === ''}
              onClick={() => void run(() => publishExport(api, destination, selection))}
            >
              Publish to TAXII
            </button>
          </>
        )}
        {outcome && (
          <p
            className={`export-outcome${outcome.failed ? ' failed' : ''}`}
            role="status"
            data-testid="export-outcome"
          >
            {outcome.message}
          </p>
        )}
      </div>
    </details>
  );
}
