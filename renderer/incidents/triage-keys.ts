/**
 * The triage keyboard: what each key does in the incident views. Kept apart
 * from the DOM so that the mapping is tested on its own.
 */
import type { IncidentStatus } from '../../shared/vocab';
import { SNAPSHOT_KEY_LABEL } from '../capture/snapshot-key';

export type TriageCommand =
  | { kind: 'move'; by: number }
  | { kind: 'open' }
  | { kind: 'status'; status: IncidentStatus }
  | { kind: 'search' }
  | { kind: 'help' }
  | { kind: 'back' };

/** Every shortcut with what it does, for the help overlay. */
export const SHORTCUTS: [key: string, what: string][] = [
  ['j / ↓', 'next incident'],
  ['k / ↑', 'previous incident'],
  ['Enter', 'open the incident'],
  ['a', 'acknowledge'],
  ['i', 'investigating'],
  ['r', 'resolve'],
  ['f', 'false positive'],
  ['/', 'search'],
  ['?', 'this help'],
  // Bound on every view by capture/use-snapshot-key.ts; listed so that the help names it.
  [SNAPSHOT_KEY_LABEL, 'save a PNG of this view'],
  ['Esc', 'close the record, the incident, then the list'],
];

/** The command of a key press, or undefined for keys that do nothing here. */
export function triageCommand(key: string, readOnly: boolean): TriageCommand | undefined {
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case 'Enter':
      return { kind: 'open' };
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
    case 'Escape':
      return { kind: 'back' };
  }
  if (readOnly) return undefined;
  const status = (
    { a: 'acknowledged', i: 'investigating', r: 'resolved', f: 'false-positive' } as const
  )[key as 'a' | 'i' | 'r' | 'f'];
  return status ? { kind: 'status', status } : undefined;
}
