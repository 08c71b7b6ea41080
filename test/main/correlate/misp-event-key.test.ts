/**
 * One MISP event is one incident: every alert carrying the event's
 * signature gets one key, however far apart in time and place.
 */
import { describe, expect, it } from 'vitest';
import { correlationKey, DEFAULT_CORRELATION } from '../../../main/correlate/correlation-key';
import { mispEventSignature } from '../../../main/parsers/misp/event-signature';
import { makeAlert } from '../store/helpers';

describe('correlation key of MISP events', () => {
  const signature = mispEventSignature('5B646415-7B48-40D5-86B4-C0070ACD0835');
  const alert = (id: string, ip: string, sectors: string[] = []) =>
    makeAlert({ id, signature, source: { ip }, sectors: sectors as never, kind: 'indicator' });

  it('keys every alert of one event by the event alone, with no gap', () => {
    const first = correlationKey(alert('misp:a', '203.0.113.1'), DEFAULT_CORRELATION);
    const other = correlationKey(alert('misp:b', '198.51.100.7', ['energy']), DEFAULT_CORRELATION);
    expect(first.digest).toBe(other.digest);
    expect(first.gapMs).toBe(Infinity);
    expect(first.signature).toBe('misp-event--5b646415-7b48-40d5-86b4-c0070acd0835');
    expect(first.target).toBeUndefined();
  });

  it('gives two events two keys', () => {
    const otherEvent = makeAlert({
      id: 'misp:c',
      signature: mispEventSignature('57c4445b-c548-4654-af0b-4be3950d210f'),
    });
    expect(correlationKey(otherEvent, DEFAULT_CORRELATION).digest).not.toBe(
      correlationKey(alert('misp:a', '203.0.113.1'), DEFAULT_CORRELATION).digest,
    );
  });
});
