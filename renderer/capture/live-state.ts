/**
 * What a clone of the DOM loses and a PNG must keep: the state of switches
 * and how far each list is scrolled. Both live in properties that cloning
 * drops, so they are written into attributes before the clone is taken.
 */

/** Numbers each scrolled element, for the stylesheet that scrolls its copy. */
const SCROLL_ATTRIBUTE = 'data-snapshot-scroll';

/**
 * Writes each switch's state into its `checked` attribute: a clone takes
 * the attribute, not the live state React sets, and a layer switched off
 * would show as on. Once a switch has been set, its attribute no longer
 * changes what it shows, so the page is unchanged.
 */
function mirrorSwitches(root: HTMLElement): void {
  for (const input of root.querySelectorAll<HTMLInputElement>(
    'input[type=checkbox], input[type=radio]',
  )) {
    input.toggleAttribute('checked', input.checked);
  }
}

/** The live state of the page under `root`, written down for a clone. */
export interface MarkedState {
  /**
   * A stylesheet for the clone that shifts the children of each scrolled
   * element by its offset, so that the copy shows the rows that were on
   * screen rather than the top of every list; empty when nothing is scrolled.
   */
  scrollCss: string;
  /** Removes the marks from the page again. */
  unmark(): void;
}

/** Marks the switches with their state and every scrolled element under `root` with a number. */
export function markLiveState(root: HTMLElement): MarkedState {
  mirrorSwitches(root);
  const marked: Element[] = [];
  const rules: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.scrollTop <= 0 && element.scrollLeft <= 0) continue;
    marked.push(element);
    element.setAttribute(SCROLL_ATTRIBUTE, String(marked.length));
    // `translate` adds to any transform a child already has, such as a virtual row's; the
    // clone carries every computed style inline, hence !important.
    rules.push(
      `[${SCROLL_ATTRIBUTE}="${marked.length}"] > * { translate: ${-element.scrollLeft}px ${-element.scrollTop}px !important; }`,
    );
  }
  return {
    scrollCss: rules.join('\n'),
    unmark() {
      for (const element of marked) element.removeAttribute(SCROLL_ATTRIBUTE);
    },
  };
}
