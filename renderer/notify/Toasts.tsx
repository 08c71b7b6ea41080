/**
 * New incidents announced in a corner of the page; each opens its incident
 * when clicked and leaves by itself after a while.
 */
import { useEffect, type ReactElement } from 'react';
import { navigate } from '../route/use-route';
import { useAppStore } from '../store/use-app-store';
import { formatTime } from '../panel/format';

const SHOWN_MS = 15_000;

export function Toasts(): ReactElement {
  const toasts = useAppStore((state) => state.toasts);
  const dismiss = useAppStore((state) => state.dismissToast);
  const expire = useAppStore((state) => state.expireToasts);

  useEffect(() => {
    if (toasts.length === 0) return;
    const timer = setInterval(() => expire(Date.now() - SHOWN_MS), 1000);
    return () => clearInterval(timer);
  }, [toasts.length, expire]);

  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.incidentId}
          className={`toast sev-${toast.severity}`}
          role="status"
          data-testid="toast"
        >
          <button
            type="button"
            className="toast-body"
            onClick={() => {
              dismiss(toast.incidentId);
              navigate({ view: 'incidents', filter: {}, incident: toast.incidentId });
            }}
          >
            <span className="toast-kind">New {toast.severity} incident</span>
            <span className="toast-title">{toast.title}</span>
            <span className="toast-time">{formatTime(toast.observedAt)}</span>
          </button>
          <button
            type="button"
            className="toast-close"
            aria-label="Dismiss"
            onClick={() => dismiss(toast.incidentId)}
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
