/** The side panel's "PNG" button, which also binds Shift+P: a PNG of the view for a report. */
import './capture.css';
import { useState, type ReactElement } from 'react';
import { useRoute } from '../route/use-route';
import { saveSnapshot } from './save-snapshot';
import { SNAPSHOT_KEY_LABEL } from './snapshot-key';
import { useSnapshotKey } from './use-snapshot-key';
import { analystViewName } from './view-name';

export function SnapshotButton(): ReactElement {
  const view = analystViewName(useRoute());
  const [saving, setSaving] = useState(false);
  useSnapshotKey(view);

  const save = async () => {
    setSaving(true);
    await saveSnapshot(view);
    setSaving(false);
  };

  return (
    <button
      type="button"
      className="snapshot-button"
      data-testid="snapshot-button"
      title={`Save a PNG of this view (${SNAPSHOT_KEY_LABEL})`}
      disabled={saving}
      onClick={() => void save()}
      // Left out of the PNG it takes: "Saving…" has no place in a report.
      data-snapshot-skip=""
    >
      {saving ? 'Saving…' : 'PNG'}
    </button>
  );
}
