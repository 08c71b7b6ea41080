/**
 * Colours shared by the map and the panel. Severities use the Okabe–Ito
 * palette, which stays distinct under the common colour-vision deficiencies;
 * from medium up their lightness also falls with rising severity, so the
 * order survives even in greyscale.
 */
import { SEVERITIES, type Severity } from '../shared/vocab';

/** An RGB colour as deck.gl takes it. */
export type Rgb = [number, number, number];

/** Each severity's colour. */
export const SEVERITY_RGB: Record<Severity, Rgb> = {
  info: [140, 155, 171],
  low: [86, 180, 233],
  medium: [240, 228, 66],
  high: [230, 159, 0],
  critical: [213, 94, 0],
};

/**
 * Publishes the severity colours as CSS custom properties (--severity-high, …)
 * on `element`, so the stylesheet uses the same values as the map without
 * any inline style, which the CSP forbids.
 */
export function applySeverityColours(element: HTMLElement): void {
  for (const severity of SEVERITIES) {
    element.style.setProperty(`--severity-${severity}`, `rgb(${SEVERITY_RGB[severity].join(' ')})`);
  }
}
