/**
 * Suricata's classification descriptions (classification.config, as Snort
 * and Emerging Threats ship it) folded into Lagebild's category set, so that
 * the same kind of attack has one name whichever sensor saw it.
 */

// Exact descriptions and classtype names whose meaning is clear.
const KNOWN: ReadonlyMap<string, string> = new Map([
  ['not suspicious traffic', 'not-suspicious'],
  ['unknown traffic', 'unknown'],
  ['potentially bad traffic', 'suspicious'],
  ['bad-unknown', 'suspicious'],
  ['attempted information leak', 'recon'],
  ['information leak', 'recon'],
  ['large scale information leak', 'recon'],
  ['decode of an rpc query', 'recon'],
  ['device retrieving external ip address detected', 'recon'],
  ['attempted denial of service', 'dos'],
  ['denial of service', 'dos'],
  ['detection of a denial of service attack', 'dos'],
  ['attempted user privilege gain', 'exploit'],
  ['unsuccessful user privilege gain', 'exploit'],
  ['successful user privilege gain', 'exploit'],
  ['attempted administrator privilege gain', 'exploit'],
  ['successful administrator privilege gain', 'exploit'],
  ['executable code was detected', 'exploit'],
  ['exploit kit activity detected', 'exploit'],
  ['a network trojan was detected', 'malware'],
  ['trojan-activity', 'malware'],
  ['possibly unwanted program detected', 'malware'],
  ['malware command and control activity detected', 'c2'],
  ['domain observed used for c2 detected', 'c2'],
  ['detection of a network scan', 'scan'],
  ['attempt to login by a default username and password', 'brute-force'],
  ['an attempted login using a suspicious username was detected', 'brute-force'],
  ['web application attack', 'web-attack'],
  ['access to a potentially vulnerable web application', 'web-attack'],
  ['potential corporate privacy violation', 'policy'],
  ['inappropriate content was detected', 'policy'],
  ['successful credential theft detected', 'phishing'],
  ['possible social engineering attempted', 'phishing'],
  ['crypto currency mining activity detected', 'coin-mining'],
]);

// Fallback for descriptions not in the table (local rules, other rule sets), first hit wins.
const KEYWORDS: readonly (readonly [string, string])[] = [
  ['command and control', 'c2'],
  ['c2', 'c2'],
  ['ddos', 'ddos'],
  ['denial of service', 'dos'],
  ['trojan', 'malware'],
  ['malware', 'malware'],
  ['ransomware', 'malware'],
  ['phish', 'phishing'],
  ['brute', 'brute-force'],
  ['scan', 'scan'],
  ['exploit', 'exploit'],
  ['privilege gain', 'exploit'],
  ['web application', 'web-attack'],
  ['policy', 'policy'],
  ['information leak', 'recon'],
  ['recon', 'recon'],
];

/** Lagebild's category for a Suricata alert.category; '' or absent is 'uncategorized'. */
export function eveCategory(category: string | undefined): string {
  // Real descriptions are short; the cut keeps hostile ones cheap.
  const text = (category ?? '').slice(0, 200).trim().toLowerCase();
  if (text === '') return 'uncategorized';
  const known = KNOWN.get(text);
  if (known) return known;
  const words = ` ${text.replace(/[^a-z0-9]+/g, ' ')} `;
  for (const [keyword, mapped] of KEYWORDS) {
    if (words.includes(` ${keyword}`)) return mapped;
  }
  return slug(text);
}

/** `text` as a lower-case slug of at most 100 chars, e.g. "misc activity" → "misc-activity". */
function slug(text: string): string {
  const dashed = text.replace(/[^a-z0-9]+/g, '-').slice(0, 100);
  const trimmed = dashed.replace(/^-+/, '').replace(/-+$/, '');
  return trimmed === '' ? 'uncategorized' : trimmed;
}
