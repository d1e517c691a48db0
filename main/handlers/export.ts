import type { EXPORT_CHANNELS } from '../../shared/contract/export-channels';
import type { HandlerDeps, HandlerSlice } from './types';

/** Setups as code: CloudFormation, Terraform and AWS CLI exports. */
export function exportHandlers(_deps: HandlerDeps): HandlerSlice<(typeof EXPORT_CHANNELS)[number]> {
  return {};
}
