import type { StateCreator } from 'zustand';
import type { NotableIncident } from '../../shared/notable';
import type { AppState } from './app-state';

/** A notification shown in the page, with when it appeared. */
export interface Toast extends NotableIncident {
  shownAt: number;
}

/** The most toasts on screen; a burst keeps the newest. */
export const MAX_TOASTS = 4;

/** Announcements of new incidents, newest first. */
export interface ToastsSlice {
  toasts: Toast[];
  showToasts(notable: NotableIncident[], now: number): void;
  dismissToast(incidentId: string): void;
  /** Drops the toasts shown before `cutoff`. */
  expireToasts(cutoff: number): void;
}

/** Creates the toasts slice, empty. */
export const createToastsSlice: StateCreator<AppState, [], [], ToastsSlice> = (set) => ({
  toasts: [],
  showToasts: (notable, now) =>
    set(({ toasts }) => ({
      toasts: [
        ...[...notable].reverse().map((item) => ({ ...item, shownAt: now })),
        ...toasts,
      ].slice(0, MAX_TOASTS),
    })),
  dismissToast: (incidentId) =>
    set(({ toasts }) => ({ toasts: toasts.filter((toast) => toast.incidentId !== incidentId) })),
  expireToasts: (cutoff) =>
    set(({ toasts }) =>
      toasts.some((toast) => toast.shownAt < cutoff)
        ? { toasts: toasts.filter((toast) => toast.shownAt >= cutoff) }
        : {},
    ),
});
