/** The side panel's way to the settings view (the cache, its retention and compaction). */
import type { ReactElement } from 'react';
import { navigate } from '../route/use-route';
import './settings.css';

export function SettingsLink(): ReactElement {
  return (
    <button
      type="button"
      className="settings-link"
      data-testid="open-settings"
      title="The alert cache, its retention and compaction"
      onClick={() => navigate({ view: 'settings' })}
    >
      Settings
    </button>
  );
}
