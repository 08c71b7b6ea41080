/** Reads a PNG screenshot to tell a drawn map from a blank or black one. */
import { PNG } from 'pngjs';

/** How varied the picture is: distinct colours (coarsely binned) and the share of near-black pixels. */
export function describePixels(png: Buffer): {
  distinctColours: number;
  darkShare: number;
  meanLuma: number;
} {
  const image = PNG.sync.read(png);
  const colours = new Set<number>();
  let dark = 0;
  let luma = 0;
  const pixels = image.width * image.height;
  for (let i = 0; i < image.data.length; i += 4) {
    const r = image.data[i]!;
    const g = image.data[i + 1]!;
    const b = image.data[i + 2]!;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    luma += y;
    if (y < 8) dark += 1;
  }
  return { distinctColours: colours.size, darkShare: dark / pixels, meanLuma: luma / pixels };
}
