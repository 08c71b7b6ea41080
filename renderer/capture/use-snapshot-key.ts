/**
 * Saves a PNG of the view on Shift+P, and when the desktop app's menu asks.
 * `view` is read at that moment, so it always names what is on screen.
 */
import { useEffect, useRef } from 'react';
import { isSnapshotKey } from './snapshot-key';
import { saveSnapshot } from './save-snapshot';

// Inputs that take no typing, where Shift+P is free: a focused layer switch must not block it.
const UNTYPED_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
]);

/** True when `target` takes typed text, where Shift+P is a capital P. */
const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
    (target instanceof HTMLInputElement && !UNTYPED_INPUTS.has(target.type)));

export function useSnapshotKey(view: string): void {
  const current = useRef(view);
  useEffect(() => {
    current.current = view;
  }, [view]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isSnapshotKey(event, isField(event.target))) return;
      event.preventDefault();
      void saveSnapshot(current.current);
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = window.lagebildSnapshot?.onRequest(() => void saveSnapshot(current.current));
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu?.();
    };
  }, []);
}
