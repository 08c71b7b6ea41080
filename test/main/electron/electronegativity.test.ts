/**
 * Runs Doyensec's Electronegativity over the Electron shell's sources and
 * allows no finding but the reviewed ones below. The scan stays offline: the
 * tool's translation download is answered locally and its release-feed check
 * (which needs GitHub) is left out.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/core/csp';

const require = createRequire(import.meta.url);
const toolEntry = require.resolve('@doyensec/electronegativity');
const toolRequire = createRequire(toolEntry);

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}

interface ScanResult {
  errors: { file: string; message: string }[];
  issues: Finding[];
}

type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
  Version: { CSP3: unknown };
  severities: { HIGH_MAYBE: number; INFO: number };
}

interface CspFinding {
  directive: string;
  value: string;
  severity: number;
  description: string;
}

/**
 * Findings reviewed and kept, by check and file. Each has a comment at the
 * flagged line in main/electron/ saying the same.
 */
const REVIEWED: Record<string, string> = {
  'CSP_GLOBAL_CHECK security.ts':
    'the tool reads only literal policies; the policy constant is evaluated below instead',
  'OPEN_EXTERNAL_JS_CHECK security.ts':
    'only plain https links without credentials reach shell.openExternal (externalLinkTarget)',
  'PRELOAD_JS_CHECK window.ts':
    'the preload exposes only small named APIs through the context bridge, never ipcRenderer',
};

/** CSP evaluator findings reviewed and kept, by directive and value. */
const REVIEWED_CSP: Record<string, string> = {
  "script-src 'self'":
    "'self' is the app scheme or the serve origin, which serve only the built renderer: no JSONP, no uploads",
};

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    optionalDependencies: Record<string, string>;
  };
  const version = pkg.optionalDependencies.electron;
  if (!version) throw new Error('package.json names no Electron version');
  return version;
}

/** Answers the tool's translation download with "not found", so it uses its bundled English. */
function keepToolOffline(): void {
  const gotPath = toolRequire.resolve('got');
  const offline = Object.assign(async () => ({ statusCode: 404, body: '' }), {
    head: async () => ({ statusCode: 404, body: '' }),
  });
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: offline,
    children: [],
  } as unknown as NodeJS.Module;
}

async function scanShell(): Promise<ScanResult> {
  keepToolOffline();
  const run = toolRequire(toolEntry) as Run;
  return run({
    input: resolve('main/electron'),
    isRelative: true,
    electronVersionOverride: electronVersion(),
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
}

describe('electronegativity', () => {
  it('finds nothing in the Electron shell beyond the reviewed findings', async () => {
    const result = await scanShell();

    expect(result.errors, 'files the tool could not parse').toEqual([]);
    const found = result.issues.map((issue) => `${issue.id} ${issue.file}`);
    const unreviewed = result.issues
      .filter((issue) => !(`${issue.id} ${issue.file}` in REVIEWED))
      .map((issue) => `${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`);
    expect(unreviewed).toEqual([]);
    // A reviewed finding that went away should leave the list too.
    expect(Object.keys(REVIEWED).filter((key) => !found.includes(key))).toEqual([]);
  });

  it('rates the Content-Security-Policy strong with the tool’s own evaluator', () => {
    const csp = toolRequire('@doyensec/csp-evaluator') as CspEvaluatorModule;
    const parsed = new csp.CspParser(CONTENT_SECURITY_POLICY);
    const findings = new csp.CspEvaluator(parsed.csp, csp.Version.CSP3).evaluate();

    // The same cut the tool makes: INFO and below never count.
    const weak = findings.filter((finding) => finding.severity < csp.severities.INFO);
    expect(
      weak
        .map((finding) => `${finding.directive} ${finding.value}`)
        .filter((key) => !(key in REVIEWED_CSP)),
    ).toEqual([]);
    expect(weak.filter((finding) => finding.severity <= csp.severities.HIGH_MAYBE)).toEqual([]);
  });
});
