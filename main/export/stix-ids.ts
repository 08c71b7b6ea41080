/**
 * Deterministic STIX identifiers: UUID version 5 (RFC 9562), so the same
 * data exports the same ids and a receiver that already holds an object
 * recognises it instead of storing a copy.
 */
import { hash } from 'node:crypto';

/** The namespace STIX 2.1 fixes for cyber-observable ids (section 2.9). */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

/** Lagebild's own namespace for the ids of the objects it exports. */
const LAGEBILD_NAMESPACE = 'f1b8a4d2-5c6e-4f0b-9a37-2d8e6c1b7a90';

/** A UUID version 5 of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const space = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const bytes = hash('sha1', Buffer.concat([space, Buffer.from(name, 'utf8')]), 'buffer');
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of an exported object of `type`, made from what identifies it in Lagebild. */
export function stixId(type: string, key: string): string {
  return `${type}--${uuidV5(LAGEBILD_NAMESPACE, `${type}\0${key}`)}`;
}

/**
 * The id of a cyber observable as STIX 2.1 derives it: the UUIDv5 of its
 * id contributing properties, as canonical JSON (keys sorted).
 */
export function observableId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidV5(STIX_SCO_NAMESPACE, canonicalJson(contributing))}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
