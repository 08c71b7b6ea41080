/** The `sharing` key of the configuration: who shares, and where to. */
import { z } from 'zod';
import { HttpAuthSchema, HttpUrlSchema } from './config-secrets';

/** A TAXII 2.1 collection that incidents can be published to. */
export const TaxiiDestinationSchema = z
  .object({
    /** What analysts pick it by, e.g. in `lagebild publish --to NAME`. */
    name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, '1-64 letters, digits, dots, dashes'),
    title: z.string().max(200).optional(),
    /** The API root, e.g. https://taxii.example.org/api1/. */
    url: HttpUrlSchema,
    /** The collection's id. */
    collection: z.string().min(1).max(200),
    auth: HttpAuthSchema.optional(),
  })
  .strict();
export type TaxiiDestination = z.infer<typeof TaxiiDestinationSchema>;

/** Where incidents are shared, and as whom. */
export const SharingConfigSchema = z
  .object({
    /** The organisation exports name as their source (a STIX identity, MISP's Orgc). */
    organisation: z.string().min(1).max(200).optional(),
    taxii: z.array(TaxiiDestinationSchema).default([]),
  })
  .strict()
  .refine(
    (sharing) =>
      new Set(sharing.taxii.map((destination) => destination.name)).size === sharing.taxii.length,
    { message: 'each TAXII destination needs a name of its own' },
  );
export type SharingConfig = z.infer<typeof SharingConfigSchema>;
