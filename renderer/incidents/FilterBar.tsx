/**
 * The triage list's filters: every change is written to the route, so a
 * filtered list is a link that can be reopened. Free text is applied once
 * typing pauses.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { IncidentFilter } from '../../shared/incident-filter';
import { INCIDENT_STATUSES, SECTORS, SEVERITIES, TLP_LEVELS } from '../../shared/vocab';
import { navigate } from '../route/use-route';
import type { IncidentsRoute } from '../route/route';
import { useAppStore } from '../store/use-app-store';
import { ExportControl } from './ExportControl';
import { SORT_LABELS, STATUS_LABELS, sectorLabel } from './labels';

const TEXT_PAUSE_MS = 300;

/** Time windows offered, as how far back from now they reach. */
const WINDOWS: [label: string, ms: number | undefined][] = [
  ['Any time', undefined],
  ['Last hour', 3_600_000],
  ['Last 24 hours', 86_400_000],
  ['Last 7 days', 7 * 86_400_000],
  ['Last 30 days', 30 * 86_400_000],
];

export const SEARCH_INPUT_ID = 'incident-search';

type ListKey = 'severity' | 'status' | 'tlp';

export function FilterBar({ route }: { route: IncidentsRoute }): ReactElement {
  const { filter } = route;
  const feeds = useAppStore((state) => state.feeds);
  const [text, setText] = useState(filter.text ?? '');
  const [country, setCountry] = useState(filter.country ?? '');

  const apply = (change: Partial<IncidentFilter>) => {
    const next: Record<string, unknown> = { ...filter, ...change };
    for (const key of Object.keys(next)) {
      const value = next[key];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
        delete next[key];
      }
    }
    navigate({ ...route, filter: next as IncidentFilter, alert: undefined });
  };

  // A route changed elsewhere (back, a link) replaces what the fields hold.
  const [shown, setShown] = useState({ text: filter.text, country: filter.country });
  if (shown.text !== filter.text || shown.country !== filter.country) {
    setShown({ text: filter.text, country: filter.country });
    setText(filter.text ?? '');
    setCountry(filter.country ?? '');
  }
  // When the time window was chosen is not kept; it is judged from when the bar appeared.
  const [now] = useState(() => Date.now());
  useEffect(() => {
    if (text === (filter.text ?? '')) return;
    const timer = setTimeout(() => apply({ text: text.trim() || undefined }), TEXT_PAUSE_MS);
    return () => clearTimeout(timer);
    // Only typing starts the pause; `apply` reads the route of the moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const toggle = <K extends ListKey>(key: K, value: NonNullable<IncidentFilter[K]>[number]) => {
    const current = (filter[key] ?? []) as string[];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    apply({ [key]: next });
  };
  const chips = <K extends ListKey>(
    key: K,
    values: readonly NonNullable<IncidentFilter[K]>[number][],
    label: (value: string) => string,
  ) => (
    <div className="chips" role="group" aria-label={key}>
      {values.map((value) => (
        <button
          key={value}
          type="button"
          className={`chip chip-${key}-${value.replace('+', '-')}`}
          aria-pressed={((filter[key] ?? []) as string[]).includes(value)}
          onClick={() => toggle(key, value)}
        >
          {label(value)}
        </button>
      ))}
    </div>
  );

  const windowMs = filter.from === undefined ? undefined : now - filter.from;
  const windowLabel = WINDOWS.find(
    ([, ms]) => ms !== undefined && windowMs !== undefined && windowMs <= ms * 1.01,
  )?.[0];

  return (
    <div className="filter-bar" data-testid="filter-bar">
      <div className="filter-row">
        <button type="button" className="back" onClick={() => navigate({ view: 'map' })}>
          ← Map
        </button>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          placeholder="Search title, signature, target, network   ( / )"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label="Search incidents"
        />
        <select
          aria-label="Sort"
          value={filter.sort ?? 'lastSeen'}
          onChange={(event) => apply({ sort: event.target.value as IncidentFilter['sort'] })}
        >
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-row">
        {chips('severity', SEVERITIES, (value) => value)}
        {chips(
          'status',
          INCIDENT_STATUSES,
          (value) => STATUS_LABELS[value as keyof typeof STATUS_LABELS],
        )}
        {chips('tlp', TLP_LEVELS, (value) => `TLP:${value.toUpperCase()}`)}
      </div>
      <div className="filter-row">
        <select
          aria-label="Sector"
          value={filter.sector ?? ''}
          onChange={(event) =>
            apply({ sector: (event.target.value || undefined) as IncidentFilter['sector'] })
          }
        >
          <option value="">Any sector</option>
          {[...SECTORS, 'unknown' as const].map((sector) => (
            <option key={sector} value={sector}>
              {sectorLabel(sector)}
            </option>
          ))}
        </select>
        <input
          aria-label="Country"
          className="country-input"
          placeholder="Country (CN)"
          maxLength={2}
          value={country}
          onChange={(event) => {
            const code = event.target.value.toUpperCase();
            setCountry(code);
            // A country is applied once it is a whole code, or cleared.
            if (code === '' || /^[A-Z]{2}$/.test(code)) apply({ country: code || undefined });
          }}
        />
        <select
          aria-label="Feed"
          value={filter.feed ?? ''}
          onChange={(event) => apply({ feed: event.target.value || undefined })}
        >
          <option value="">Any feed</option>
          {feeds.map((feed) => (
            <option key={feed.id} value={feed.id}>
              {feed.id}
            </option>
          ))}
          {filter.feed && !feeds.some((feed) => feed.id === filter.feed) && (
            <option value={filter.feed}>{filter.feed}</option>
          )}
        </select>
        <select
          aria-label="Time range"
          value={windowLabel ?? (filter.from === undefined ? 'Any time' : 'Custom')}
          onChange={(event) => {
            const ms = WINDOWS.find(([label]) => label === event.target.value)?.[1];
            apply({ from: ms === undefined ? undefined : Date.now() - ms, to: undefined });
          }}
        >
          {WINDOWS.map(([label]) => (
            <option key={label}>{label}</option>
          ))}
          {filter.from !== undefined && !windowLabel && <option>Custom</option>}
        </select>
        <ExportControl scope={{ filter }} label="Export the listed incidents" />
      </div>
    </div>
  );
}
