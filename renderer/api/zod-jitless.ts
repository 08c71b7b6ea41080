/**
 * Zod compiles object parsers with `new Function` unless told not to, and it
 * decides so when a schema is built. This page's CSP forbids eval, so the
 * entry imports this module first, before any shared schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
