/** The `retention` key of the configuration. */
import { z } from 'zod';

/**
 * How long alerts are kept and how large the cache may grow; with neither
 * limit, everything is kept. Checked every intervalMinutes (and at start).
 */
export const RetentionConfigSchema = z
  .object({
    maxAgeDays: z
      .number()
      .positive()
      .max(100 * 366)
      .optional(),
    maxSizeMB: z
      .number()
      .min(1)
      .max(16 * 1024 * 1024)
      .optional(),
    intervalMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
  })
  .strict();
export type RetentionConfig = z.infer<typeof RetentionConfigSchema>;
