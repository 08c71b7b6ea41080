/**
 * One alert's raw record as its feed delivered it, pretty-printed when it
 * is JSON, with a button that copies it.
 */
import { useState, type ReactElement } from 'react';
import { navigate } from '../route/use-route';
import type { IncidentsRoute } from '../route/route';
import { useAppStore } from '../store/use-app-store';

/** The record indented for reading; text that is not JSON is shown as it is. */
export function prettyRecord(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

export function RawRecord({ route }: { route: IncidentsRoute }): ReactElement {
  const raw = useAppStore((state) => state.raw);
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>();
  const shown = raw && raw.id === route.alert ? raw : undefined;
  const text = shown ? prettyRecord(shown.raw) : '';
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <aside className="raw-record" aria-label="Raw record" data-testid="raw-record">
      <header>
        <h3>{shown ? shown.title : 'Raw record'}</h3>
        <button type="button" onClick={copy} disabled={!shown}>
          {copied === 'yes'
            ? 'Copied'
            : copied === 'failed'
              ? 'Copy failed: select the text'
              : 'Copy'}
        </button>
        <button
          type="button"
          onClick={() => navigate({ ...route, alert: undefined })}
          aria-label="Close raw record"
        >
          ✕
        </button>
      </header>
      {shown ? (
        <>
          <p className="raw-meta">
            {shown.feed} · {shown.kind} · TLP:{shown.tlp.toUpperCase()} · id {shown.id}
          </p>
          <pre className="raw-text" data-testid="raw-text">
            {text}
          </pre>
        </>
      ) : (
        <p className="empty">Loading the record…</p>
      )}
    </aside>
  );
}
