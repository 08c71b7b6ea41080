/** Which incidents a list, a link or an export selects. */
import { z } from 'zod';
import { INCIDENT_STATUSES, SECTORS, SEVERITIES, TLP_LEVELS } from './vocab';

/** Which incidents a list shows; every given filter must match. */
export const IncidentFilterSchema = z
  .object({
    status: z.array(z.enum(INCIDENT_STATUSES)).max(INCIDENT_STATUSES.length).optional(),
    severity: z.array(z.enum(SEVERITIES)).max(SEVERITIES.length).optional(),
    /** A sector, or "unknown" for incidents without one. */
    sector: z.enum([...SECTORS, 'unknown']).optional(),
    /** A source or destination country. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    feed: z.string().max(100).optional(),
    tlp: z.array(z.enum(TLP_LEVELS)).max(TLP_LEVELS.length).optional(),
    /** Words that the title, signature, target or source network must contain. */
    text: z.string().max(200).optional(),
    /** Incidents active in [from, to], ms since the epoch. */
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    /** Newest activity, first seen, severity or alert count first. */
    sort: z.enum(['lastSeen', 'firstSeen', 'severity', 'alerts']).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type IncidentFilter = z.infer<typeof IncidentFilterSchema>;
