/**
 * A PNG of part of the page drawn from its DOM (html-to-image), for the
 * browser and as the desktop app's fallback. The map's canvases come out
 * drawn because both keep their drawing buffer (see map/create-map.ts).
 */
import { toBlob } from 'html-to-image';
import { markLiveState } from './live-state';

/** Marks an element left out of PNGs, such as the button that takes them. */
export const SKIP_ATTRIBUTE = 'data-snapshot-skip';

/** `root` as a PNG at the screen's pixel density. */
export async function capturePng(root: HTMLElement): Promise<Blob> {
  const state = markLiveState(root);
  try {
    const blob = await toBlob(root, {
      pixelRatio: window.devicePixelRatio || 1,
      // The page background, which the cloned DOM would otherwise leave transparent.
      backgroundColor: getComputedStyle(document.body).backgroundColor,
      // The app uses the system's fonts only, so the style sheet html-to-image puts into the
      // clone for web fonts carries the scrolling instead. It lives inside the drawn SVG image,
      // not in the page, so the page's style-src policy neither applies nor needs loosening.
      skipFonts: true,
      fontEmbedCSS: state.scrollCss,
      filter: (node) => !(node instanceof Element && node.hasAttribute(SKIP_ATTRIBUTE)),
    });
    if (!blob) throw new Error('the page could not be drawn into a PNG');
    return blob;
  } finally {
    state.unmark();
  }
}

/** Hands `blob` to the browser as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken its copy once the click returns; a moment later is safe on every engine.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
