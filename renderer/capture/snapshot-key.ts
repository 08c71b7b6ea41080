/**
 * The key that saves a PNG of the view: Shift+P, on every analyst view and
 * on the wall, which has a keyboard but no pointer. Shifted so that a stray
 * "p" never saves a file; left to fields, where it is a capital letter.
 */

/** The key as the help overlay names it. */
export const SNAPSHOT_KEY_LABEL = 'Shift+P';

/** The parts of a key press the decision needs. */
export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
}

/** True when the press, outside a text field, asks for a PNG. */
export function isSnapshotKey(press: KeyPress, inField: boolean): boolean {
  return (
    !inField &&
    !press.repeat &&
    press.shiftKey &&
    !press.ctrlKey &&
    !press.metaKey &&
    !press.altKey &&
    // Caps lock turns Shift+P into "p".
    press.key.toLowerCase() === 'p'
  );
}
