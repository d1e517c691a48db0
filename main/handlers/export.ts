import type { EXPORT_CHANNELS } from '../../shared/contract/export.channels';
import { SetupInputSchema } from '../../shared/contract/setup';
import { AppError } from '../../shared/errors';
import { renderExport } from '../core/export';
import { savedOrThrow } from './configs';
import type { HandlerDeps, HandlerSlice } from './types';

/** Setups as code: CloudFormation, Terraform and AWS CLI exports. */
export function exportHandlers(deps: HandlerDeps): HandlerSlice<(typeof EXPORT_CHANNELS)[number]> {
  return {
    'export:document': async (req) => {
      const saved = await savedOrThrow(deps, req);
      // The saved file is only shape-checked; re-check every value with the naming rules before it is
      // written into a template, a Terraform file or a shell script.
      const source = SetupInputSchema.safeParse({
        name: saved.name,
        region: saved.region,
        bucketName: saved.bucketName,
        tableName: saved.tableName,
        roleName: saved.roleName,
        externalId: saved.externalId,
        platformAccountId: saved.platformAccountId,
      });
      if (!source.success) {
        throw new AppError('InvalidInput', `Saved configuration "${req.name}" has an invalid value: ${source.error.issues[0]?.message ?? 'unknown'}`, 'name');
      }
      return renderExport(source.data, req.format);
    },
  };
}
