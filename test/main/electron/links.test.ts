import { describe, expect, it } from 'vitest';
import { externalLinkTarget } from '../../../main/electron/links';

describe('external links', () => {
  it('lets plain https links out, normalized', () => {
    expect(externalLinkTarget('https://attack.mitre.org/techniques/T1059/')).toBe(
      'https://attack.mitre.org/techniques/T1059/',
    );
    expect(externalLinkTarget('HTTPS://NVD.NIST.GOV/vuln/detail/CVE-2024-3400')).toBe(
      'https://nvd.nist.gov/vuln/detail/CVE-2024-3400',
    );
  });

  it('keeps every other scheme in', () => {
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'smb://share/x',
      'javascript:alert(1)',
      'mailto:soc@example.org',
      'ms-msdt:/id PCWDiagnostic',
      'lagebild://app/index.html',
      'not a url',
    ]) {
      expect(externalLinkTarget(url), url).toBeUndefined();
    }
  });

  it('refuses links with credentials and overlong links', () => {
    expect(externalLinkTarget('https://bank.example@evil.example/')).toBeUndefined();
    expect(externalLinkTarget('https://user:pw@example.org/')).toBeUndefined();
    expect(externalLinkTarget(`https://example.org/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});
