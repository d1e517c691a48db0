import type { READINESS_CHANNELS } from '../../shared/contract/readiness-channels';
import type { HandlerDeps, HandlerSlice } from './types';

/** Account readiness: permission preflight and limits per region. */
export function readinessHandlers(_deps: HandlerDeps): HandlerSlice<(typeof READINESS_CHANNELS)[number]> {
  return {};
}
