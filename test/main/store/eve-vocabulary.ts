/**
 * What generated EVE alerts are made of: real Emerging Threats rules and
 * the hosts, paths and agents that show up around them.
 */

/** A Suricata rule as alerts name it; severity 1 is the most severe. */
export interface Rule {
  sid: number;
  rev: number;
  severity: number;
  signature: string;
  category: string;
}

/** Rules, the most frequently firing first. */
export const RULES: Rule[] = [
  {
    sid: 2024833,
    rev: 3,
    severity: 1,
    signature: 'ET POLICY Observed IP Lookup Domain (l2 .io in TLS SNI)',
    category: 'Potential Corporate Privacy Violation',
  },
  {
    sid: 2100498,
    rev: 7,
    severity: 2,
    signature: 'GPL ATTACK_RESPONSE id check returned root',
    category: 'Potentially Bad Traffic',
  },
  {
    sid: 2001219,
    rev: 20,
    severity: 2,
    signature: 'ET SCAN Potential SSH Scan',
    category: 'Attempted Information Leak',
  },
  {
    sid: 2013028,
    rev: 7,
    severity: 2,
    signature: 'ET POLICY curl User-Agent Outbound',
    category: 'Attempted Information Leak',
  },
  {
    sid: 2027865,
    rev: 4,
    severity: 2,
    signature: 'ET INFO Observed DNS Query to .cloud TLD',
    category: 'Potentially Bad Traffic',
  },
  {
    sid: 2008578,
    rev: 6,
    severity: 2,
    signature: 'ET SCAN Sipvicious Scan',
    category: 'Attempted Information Leak',
  },
  {
    sid: 2402000,
    rev: 6941,
    severity: 2,
    signature: 'ET DROP Dshield Block Listed Source group 1',
    category: 'Misc Attack',
  },
  {
    sid: 2522442,
    rev: 4729,
    severity: 2,
    signature: 'ET TOR Known Tor Relay/Router (Not Exit) Node Traffic group 443',
    category: 'Misc Attack',
  },
  {
    sid: 2030358,
    rev: 2,
    severity: 1,
    signature: 'ET EXPLOIT Possible Zyxel Authentication Bypass Inbound (CVE-2020-9054)',
    category: 'Attempted Administrator Privilege Gain',
  },
  {
    sid: 2034647,
    rev: 3,
    severity: 1,
    signature: 'ET EXPLOIT Apache log4j RCE Attempt (http ldap) (CVE-2021-44228)',
    category: 'Attempted Administrator Privilege Gain',
  },
  {
    sid: 2019284,
    rev: 3,
    severity: 1,
    signature: 'ET MALWARE Possible Dridex Download',
    category: 'A Network Trojan was detected',
  },
  {
    sid: 2023883,
    rev: 2,
    severity: 2,
    signature: 'ET DNS Query to a *.top domain - Likely Hostile',
    category: 'Potentially Bad Traffic',
  },
  {
    sid: 2210045,
    rev: 2,
    severity: 3,
    signature: 'SURICATA STREAM Packet with invalid ack',
    category: 'Generic Protocol Command Decode',
  },
  {
    sid: 2221034,
    rev: 1,
    severity: 3,
    signature: 'SURICATA HTTP Request unrecognized authorization method',
    category: 'Generic Protocol Command Decode',
  },
  {
    sid: 2013504,
    rev: 6,
    severity: 3,
    signature: 'ET POLICY GNU/Linux APT User-Agent Outbound likely related to package management',
    category: 'Not Suspicious Traffic',
  },
  {
    sid: 2027758,
    rev: 4,
    severity: 2,
    signature: 'ET INFO Observed DNS Query for EmerDNS TLD (.bazar)',
    category: 'Potentially Bad Traffic',
  },
  {
    sid: 2018959,
    rev: 4,
    severity: 1,
    signature: 'ET POLICY PE EXE or DLL Windows file download HTTP',
    category: 'Potential Corporate Privacy Violation',
  },
  {
    sid: 2025275,
    rev: 3,
    severity: 1,
    signature: 'ET WEB_SERVER Possible SQL Injection Attempt UNION SELECT',
    category: 'Web Application Attack',
  },
  {
    sid: 2011716,
    rev: 5,
    severity: 1,
    signature: 'ET WEB_SERVER Possible XSS Attempt in URI',
    category: 'Web Application Attack',
  },
  {
    sid: 2016683,
    rev: 3,
    severity: 1,
    signature: 'ET WEB_SERVER WebShell Generic - wget http - POST',
    category: 'Web Application Attack',
  },
];

/** HTTP user agents. */
export const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/124.0.0.0 Safari/537.36',
  'curl/7.81.0',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'Mozilla/5.0 zgrab/0.x',
  'Wget/1.21.2',
];

/** Host names in HTTP and TLS metadata. */
export const HOSTS = [
  'www.example.com',
  'update.microsoft.com',
  'cdn.jsdelivr.net',
  'api.github.com',
  'login.acme-bank.de',
  'l2.io',
  'ipinfo.io',
  'portal.acme-bank.de',
];

/** URL paths of HTTP requests. */
export const PATHS = [
  '/',
  '/index.php',
  '/wp-login.php',
  '/api/v1/login',
  '/cgi-bin/luci/;stok=/locale',
  '/?id=1%20UNION%20SELECT%201,2,3--',
  '/download/setup.exe',
  '/.env',
];

/** Countries of outside addresses, with a centroid. */
export const COUNTRIES: [code: string, lon: number, lat: number][] = [
  ['US', -98.6, 39.8],
  ['CN', 104.2, 35.9],
  ['RU', 97.7, 61.5],
  ['NL', 5.3, 52.1],
  ['FR', 2.4, 46.6],
  ['GB', -2.9, 54.1],
  ['BR', -53.1, -10.8],
  ['IN', 79.6, 22.9],
  ['VN', 106.3, 16.6],
  ['KR', 127.8, 36.4],
];

/** AS names of outside addresses. */
export const ORGS = [
  'Google LLC',
  'IONOS SE',
  'CHINANET-BACKBONE',
  'DigitalOcean, LLC',
  'OVH SAS',
  'Hetzner Online GmbH',
];
