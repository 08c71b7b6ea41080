/** The list of keyboard shortcuts, shown over the incident views by `?`. */
import type { ReactElement } from 'react';
import { SHORTCUTS } from './triage-keys';

export function HelpOverlay({ onClose }: { onClose(): void }): ReactElement {
  return (
    <div
      className="help-overlay"
      role="dialog"
      aria-label="Keyboard shortcuts"
      data-testid="help"
      onClick={onClose}
    >
      <div className="help-card">
        <h2>Keyboard</h2>
        <dl>
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">Status keys act on the highlighted incident.</p>
      </div>
    </div>
  );
}
