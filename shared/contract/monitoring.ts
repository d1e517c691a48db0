import type { ContractEntry } from './entry';

/** Contract entries for the monitoring channels. */
export const monitoringContract = {} satisfies Record<string, ContractEntry>;
