import type { ContractEntry } from './entry';

/** Contract entries for the export channels (Setups as code: CloudFormation, Terraform and AWS CLI exports). */
export const exportContract = {} satisfies Record<string, ContractEntry>;
