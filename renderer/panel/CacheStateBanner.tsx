/**
 * A persistent banner while the cache does not take new alerts: blue for
 * a read-only review (naming the file), red with the reason for a full
 * disk or a write error. It goes by itself once ingest resumes.
 */
import type { ReactElement } from 'react';
import { cacheBanner } from '../settings/cache-text';
import { useAppStore } from '../store/use-app-store';
import '../settings/settings.css';

export function CacheStateBanner({ compact = false }: { compact?: boolean }): ReactElement | null {
  const state = useAppStore((store) => store.cache);
  const banner = state && cacheBanner(state);
  if (!banner || !state) return null;
  return (
    <div
      className={`cache-banner cache-banner-${banner.tone}${compact ? ' cache-banner-compact' : ''}`}
      role={banner.tone === 'danger' ? 'alert' : 'status'}
      data-testid="cache-banner"
      data-state={state.state}
      title={banner.text}
    >
      {banner.text}
    </div>
  );
}
