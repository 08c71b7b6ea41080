import { describe, expect, it } from 'vitest';
import { triageCommand } from '../../renderer/incidents/triage-keys';

describe('triage keys', () => {
  it('maps the documented keys', () => {
    expect(triageCommand('j', false)).toEqual({ kind: 'move', by: 1 });
    expect(triageCommand('k', false)).toEqual({ kind: 'move', by: -1 });
    expect(triageCommand('Enter', false)).toEqual({ kind: 'open' });
    expect(triageCommand('a', false)).toEqual({ kind: 'status', status: 'acknowledged' });
    expect(triageCommand('r', false)).toEqual({ kind: 'status', status: 'resolved' });
    expect(triageCommand('f', false)).toEqual({ kind: 'status', status: 'false-positive' });
    expect(triageCommand('/', false)).toEqual({ kind: 'search' });
    expect(triageCommand('?', false)).toEqual({ kind: 'help' });
    expect(triageCommand('x', false)).toBeUndefined();
  });

  it('changes nothing for a read-only client, but still moves and opens', () => {
    expect(triageCommand('a', true)).toBeUndefined();
    expect(triageCommand('r', true)).toBeUndefined();
    expect(triageCommand('j', true)).toEqual({ kind: 'move', by: 1 });
    expect(triageCommand('Enter', true)).toEqual({ kind: 'open' });
  });
});
