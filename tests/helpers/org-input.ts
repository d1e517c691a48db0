import { OrgRolloutInputSchema, type OrgRolloutInput } from '../../shared/contract/org';

/** A valid roll-out input for tests (`acme` in us-east-2, buckets `acme-bodo-<account>`), with the targets given. */
export function rolloutInput(over: Partial<OrgRolloutInput> & { targets: OrgRolloutInput['targets'] }): OrgRolloutInput {
  return OrgRolloutInputSchema.parse({
    name: 'acme',
    region: 'us-east-2',
    bucketPattern: 'acme-bodo-{account}',
    tableName: 'acme-bodo-locks',
    roleName: 'BodoPlatformUser',
    platformAccountId: '481633624848',
    ...over,
  });
}
