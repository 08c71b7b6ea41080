import { describe, expect, it } from 'vitest';
import { alertId } from '../../../main/parsers/alert-id';

describe('alertId', () => {
  it('is 22 base64url characters', () => {
    expect(alertId('suricata-eve', '{"a":1}')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('is the same on every run', () => {
    // Pinned so that a change of derivation, which would duplicate every stored alert, fails here.
    expect(alertId('suricata-eve', 'x')).toBe('Fx3FIarkS7K7LcdpCS_IfA');
  });

  it('keeps source and native id apart', () => {
    expect(alertId('ab', 'c')).not.toBe(alertId('a', 'bc'));
    expect(alertId('stix', 'x')).not.toBe(alertId('suricata-eve', 'x'));
  });
});
