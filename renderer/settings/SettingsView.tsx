/**
 * The settings view, over the map: the cache file and what it holds, the
 * retention policy and what it last removed, the last compaction, and a
 * button to compact now (not for a cache open read-only).
 */
import { useState, type ReactElement } from 'react';
import type { CacheInfo } from '../../shared/cache';
import { useApi } from '../api/api-context';
import { useLiveQuery } from '../api/use-live-query';
import { scopedLogger } from '../log';
import { CacheStateBanner } from '../panel/CacheStateBanner';
import { navigate } from '../route/use-route';
import { describePolicy, describeRetentionRun, formatBytes, formatMoment } from './cache-text';
import './settings.css';

const log = scopedLogger('settings');

const REFRESH_MS = 5000;

function Fact({ label, value, id }: { label: string; value: string; id: string }): ReactElement {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={`cache-${id}`}>{value}</dd>
    </>
  );
}

function CacheFacts({ info }: { info: CacheInfo }): ReactElement {
  const span =
    info.oldestObservedAt === undefined || info.newestObservedAt === undefined
      ? 'no alerts'
      : `${formatMoment(info.oldestObservedAt)} – ${formatMoment(info.newestObservedAt)}`;
  return (
    <dl className="cache-facts">
      <Fact label="File" id="file" value={`${info.file}${info.readOnly ? ' (read-only)' : ''}`} />
      <Fact label="Size" id="size" value={formatBytes(info.sizeBytes)} />
      <Fact label="Reclaimable" id="reclaimable" value={formatBytes(info.reclaimableBytes)} />
      <Fact label="Alerts" id="alerts" value={info.alerts.toLocaleString()} />
      <Fact label="Incidents" id="incidents" value={info.incidents.toLocaleString()} />
      <Fact label="Observed" id="observed" value={span} />
    </dl>
  );
}

/** Runs compaction and hands back the info it answers with. */
function CompactButton({
  info,
  done,
}: {
  info: CacheInfo;
  done: (info: CacheInfo) => void;
}): ReactElement {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const compact = async () => {
    setBusy(true);
    setProblem(undefined);
    const answer = await api.call('compactCache', {});
    setBusy(false);
    if (answer.ok) done(answer.value);
    else {
      log.warn(`compactCache failed: ${answer.error.message}`);
      setProblem(answer.error.message);
    }
  };
  return (
    <div className="compact">
      <button
        type="button"
        data-testid="compact-now"
        disabled={info.readOnly || busy}
        title={info.readOnly ? 'The cache is open read-only: nothing can be removed.' : undefined}
        onClick={() => void compact()}
      >
        {busy ? 'Compacting…' : 'Compact now'}
      </button>
      <span className="muted">
        Applies the retention policy, then gives free space back to the disk.
      </span>
      {problem && (
        <p className="compact-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function SettingsView(): ReactElement {
  const live = useLiveQuery('getCacheInfo', (api) => api.call('getCacheInfo', {}), REFRESH_MS, []);
  // A compaction's answer is shown until the next regular answer replaces it.
  const [compacted, setCompacted] = useState<{ info: CacheInfo; over?: CacheInfo }>();
  const info = compacted && compacted.over === live ? compacted.info : live;
  return (
    <section
      className="view-over-map settings-view"
      data-testid="settings-view"
      aria-label="Settings"
    >
      <div className="filter-bar">
        <div className="filter-row">
          <button type="button" className="back" onClick={() => navigate({ view: 'map' })}>
            ← Map
          </button>
          <h2>Settings</h2>
        </div>
      </div>
      <CacheStateBanner />
      {info ? (
        <div className="settings-body">
          <section aria-label="Cache">
            <h3>Alert cache</h3>
            <CacheFacts info={info} />
          </section>
          <section aria-label="Retention">
            <h3>Retention</h3>
            <p data-testid="retention-policy">{describePolicy(info.retention, info.readOnly)}</p>
            <p data-testid="last-retention">
              Last run:{' '}
              {info.lastRetention
                ? describeRetentionRun(info.lastRetention)
                : 'none has removed anything yet.'}
            </p>
          </section>
          <section aria-label="Compaction">
            <h3>Compaction</h3>
            <p data-testid="last-compaction">
              Last compaction:{' '}
              {info.lastCompaction
                ? `${formatMoment(info.lastCompaction.at)}, ${formatBytes(info.lastCompaction.freedBytes)} given back.`
                : 'never.'}
            </p>
            <CompactButton info={info} done={(next) => setCompacted({ info: next, over: live })} />
          </section>
        </div>
      ) : (
        <p className="empty">Loading…</p>
      )}
    </section>
  );
}
