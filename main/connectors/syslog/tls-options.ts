/** The server side of syslog over TLS (RFC 5425): certificate, key and, optionally, whom to trust. */
import { readFileSync } from 'node:fs';
import type { TlsOptions } from 'node:tls';

/** PEM files of the listener's certificate and key, and of the CAs that sign senders' certificates. */
export interface TlsFiles {
  cert: string;
  key: string;
  ca?: string;
}

/** Reads the PEM files; throws naming the file that cannot be read. */
export function tlsServerOptions(files: TlsFiles): TlsOptions {
  const ca = files.ca === undefined ? undefined : readPem(files.ca, 'CA certificates');
  return {
    cert: readPem(files.cert, 'certificate'),
    key: readPem(files.key, 'key'),
    minVersion: 'TLSv1.2',
    // With a CA, only senders holding a certificate it signed are let in.
    ...(ca === undefined ? {} : { ca, requestCert: true, rejectUnauthorized: true }),
  };
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`cannot read the TLS ${what} ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
