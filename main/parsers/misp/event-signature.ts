/**
 * The signature every alert of one MISP event carries. A MISP event is one
 * incident: the correlator keys all alerts with this signature by it alone.
 */

/** What begins the signature of an alert that came from a MISP event. */
export const MISP_EVENT_SIGNATURE_PREFIX = 'misp-event--';

/** The signature of the alerts of the MISP event `uuid`. */
export function mispEventSignature(uuid: string): string {
  return `${MISP_EVENT_SIGNATURE_PREFIX}${uuid.toLowerCase()}`;
}
