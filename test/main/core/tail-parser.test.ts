import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config';
import { tailParser } from '../../../main/core/tail-parser';
import { readSample } from '../parsers/samples';

describe('file-tail formats', () => {
  const tail = (format: string) => ({
    feeds: [{ id: 't', type: 'file-tail', path: '/var/log/x.log', format }],
  });

  it('accepts every line format and refuses a document format, naming the key', () => {
    for (const format of ['eve', 'zeek', 'wazuh', 'cowrie', 'ecs', 'abusech', 'spamhaus-drop']) {
      expect(() => parseConfig(tail(format), 'test.json', '/'), format).not.toThrow();
    }
    for (const format of ['stix21', 'kev', 'csaf']) {
      expect(() => parseConfig(tail(format), 'test.json', '/'), format).toThrow(
        /format.*a file-tail reads a line format/s,
      );
    }
  });

  it('reads a Zeek TSV row after a restart mid-file by the header at the file start', () => {
    const text = readSample('zeek/zeek-btest_notice.log');
    const path = join(mkdtempSync(join(tmpdir(), 'lagebild-tail-')), 'notice.log');
    writeFileSync(path, text);
    const row = text.split('\n').find((line) => line.startsWith('1342'))!;
    const result = tailParser('zeek', path).parse(row, `${path}:10`);
    expect(result.ok && result.alerts[0]?.signature).toBe('zeek:Test_Notice');
    expect(tailParser('zeek', join(path, 'missing')).parse(row, 'x').ok).toBe(false);
    expect(tailParser('wazuh', path).framing).toBe('lines');
  });
});
