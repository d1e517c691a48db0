import type { SavedConfiguration } from '../../shared/contract/setup';

/** A saved configuration as setup apply leaves it (account 123456789012, moto's default). */
export function savedConfig(name = 'analytics', over: Partial<SavedConfiguration> = {}): SavedConfiguration {
  return {
    name,
    region: 'us-east-2',
    bucketName: `${name}-bodo-state`,
    tableName: `${name}-bodo-locks`,
    tableArn: `arn:aws:dynamodb:us-east-2:123456789012:table/${name}-bodo-locks`,
    roleName: 'BodoPlatformUser',
    roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
    externalId: `ext-${name}-0123456789`,
    platformAccountId: '481633624848',
    accountId: '123456789012',
    profile: 'dev',
    createdAt: '2026-03-01T10:00:00.000Z',
    verifiedAt: '2026-03-01T10:05:00.000Z',
    ...over,
  };
}

/** The platform's providerData for a saved configuration, as if registered correctly by hand. */
export function providerDataOf(c: SavedConfiguration): Record<string, string> {
  return { roleArn: c.roleArn, externalId: c.externalId, accountId: c.accountId, tfBucketName: c.bucketName, tfBackendRegion: c.region };
}
