import type { ContractEntry } from './entry';

/** Contract entries for the readiness channels (Account readiness: permission preflight and limits per region). */
export const readinessContract = {} satisfies Record<string, ContractEntry>;
