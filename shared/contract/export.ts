import { z } from 'zod';
import { configurationRef } from './common';
import type { ContractEntry } from './entry';

import { EXPORT_FORMATS } from './export-formats';
import type { EXPORT_CHANNELS } from './export.channels';

export { EXPORT_FORMATS };

/** One export format: a CloudFormation template, a Terraform configuration or an AWS CLI script. */
export const ExportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: `Format must be one of ${EXPORT_FORMATS.join(', ')}.`,
});
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Which saved configuration to export (by name and account), and as what. */
export const ExportRequestSchema = z
  .object({ ...configurationRef, format: ExportFormatSchema })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** An exported document, ready to save under `filename`. */
export const ExportDocumentSchema = z.object({
  format: ExportFormatSchema,
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;

/** Contract entries for the export channels (Setups as code: CloudFormation, Terraform and AWS CLI exports). */
export const exportContract = {
  'export:document': {
    doc: 'Render a saved Cloud Configuration as a CloudFormation template, Terraform configuration or AWS CLI script (no AWS call).',
    request: ExportRequestSchema,
    response: ExportDocumentSchema,
  },
} satisfies Record<(typeof EXPORT_CHANNELS)[number], ContractEntry>;
