/** Exports and publications: what they cover and what they give back. */
import { z } from 'zod';
import { IncidentFilterSchema } from './incident-filter';
import { TLP_LEVELS, type Tlp } from './vocab';

export const EXPORT_FORMATS = ['stix', 'misp', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The TLP ceiling an export starts with, in the UI and on the command line. */
export const DEFAULT_EXPORT_TLP: Tlp = 'green';

/** What an export or a publication covers: given incidents, or those a filter finds. */
export const ExportSelectionSchema = z
  .object({
    incidentIds: z.array(z.string().min(8).max(64)).min(1).max(1000).optional(),
    filter: IncidentFilterSchema.optional(),
    /** The highest TLP the export may contain; anything above is left out and counted. */
    tlp: z.enum(TLP_LEVELS),
  })
  .strict();
export type ExportSelection = z.infer<typeof ExportSelectionSchema>;

/** A finished export, ready to save. */
export const ExportFileSchema = z.object({
  filename: z.string(),
  mediaType: z.string(),
  content: z.string(),
  incidents: z.number().int().nonnegative(),
  alerts: z.number().int().nonnegative(),
  /** Alerts left out because they are marked above the chosen TLP. */
  withheld: z.number().int().nonnegative(),
  /** Alerts left out because the export reached its size limit. */
  truncated: z.number().int().nonnegative(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** How a TAXII server took a published bundle, from its status resource. */
export const PublishResultSchema = z.object({
  destination: z.string(),
  statusId: z.string(),
  status: z.enum(['complete', 'pending']),
  successCount: z.number().int().nonnegative(),
  failureCount: z.number().int().nonnegative(),
  pendingCount: z.number().int().nonnegative(),
  failures: z.array(z.object({ id: z.string(), message: z.string().optional() })).max(100),
  withheld: z.number().int().nonnegative(),
  /** Alerts left out because the bundle reached the export size limit. */
  truncated: z.number().int().nonnegative(),
});
export type PublishResult = z.infer<typeof PublishResultSchema>;
