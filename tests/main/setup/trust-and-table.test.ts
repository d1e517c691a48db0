import { describe, expect, it } from 'vitest';
import { tableKeyMismatch, locationToRegion } from '../../../main/core/setup/inspect';
import { isOwnedBy, onrampTags, tagMap } from '../../../main/core/setup/tags';
import { describeTrust, trustPolicy } from '../../../main/core/setup/trust';

const PLATFORM = '481633624848';
const EXT = 'ext-abc-123';

describe('trustPolicy', () => {
  it('lets only the platform account root assume the role with the external ID', () => {
    expect(JSON.parse(trustPolicy(PLATFORM, EXT))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::481633624848:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'ext-abc-123' } },
        },
      ],
    });
  });
});

// trustMismatch (exact trust, who else is trusted) is tested in trust.test.ts.

describe('describeTrust', () => {
  it('lists principals and external IDs of Allow statements only', () => {
    const d = describeTrust({
      Statement: [
        { Effect: 'Allow', Principal: { AWS: ['a', 'b'] }, Condition: { StringEquals: { 'sts:ExternalId': 'x' } } },
        { Effect: 'Deny', Principal: { AWS: 'c' }, Condition: { StringEquals: { 'sts:ExternalId': 'y' } } },
      ],
    });
    expect(d).toEqual({ principals: ['a', 'b'], externalIds: ['x'] });
  });
});

describe('tableKeyMismatch', () => {
  it('is null for LockID/String partition key alone', () => {
    expect(
      tableKeyMismatch({ KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'S' }] }),
    ).toBeNull();
  });

  it('reports a wrong key name', () => {
    const m = tableKeyMismatch({ KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] });
    expect(m).toBe('its key is id (partition, S); the platform needs a partition key LockID of type String and no sort key');
  });

  it('reports LockID of type Number', () => {
    expect(
      tableKeyMismatch({ KeySchema: [{ AttributeName: 'LockID', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'LockID', AttributeType: 'N' }] }),
    ).toMatch(/^its key is LockID \(partition, N\)/);
  });

  it('reports an extra sort key', () => {
    const m = tableKeyMismatch({
      KeySchema: [
        { AttributeName: 'LockID', KeyType: 'HASH' },
        { AttributeName: 'ts', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'LockID', AttributeType: 'S' },
        { AttributeName: 'ts', AttributeType: 'N' },
      ],
    });
    expect(m).toMatch(/^its key is LockID \(partition, S\) \+ ts \(sort, N\)/);
  });

  it('reports an empty description', () => {
    expect(tableKeyMismatch({})).toMatch(/^its key is unknown/);
  });
});

describe('tags', () => {
  it('onrampTags carries both tags', () => {
    expect(onrampTags('Prod')).toEqual([
      { Key: 'managed-by', Value: 'onramp' },
      { Key: 'onramp:configuration', Value: 'Prod' },
    ]);
  });

  it('isOwnedBy needs both tags with the right configuration', () => {
    expect(isOwnedBy({ 'managed-by': 'onramp', 'onramp:configuration': 'Prod' }, 'Prod')).toBe(true);
    expect(isOwnedBy({ 'managed-by': 'onramp', 'onramp:configuration': 'Dev' }, 'Prod')).toBe(false);
    expect(isOwnedBy({ 'onramp:configuration': 'Prod' }, 'Prod')).toBe(false);
    expect(isOwnedBy({ 'managed-by': 'terraform', 'onramp:configuration': 'Prod' }, 'Prod')).toBe(false);
    expect(isOwnedBy({}, 'Prod')).toBe(false);
  });

  it('tagMap drops keyless entries', () => {
    expect(tagMap([{ Key: 'a', Value: '1' }, { Value: 'x' }, { Key: 'b' }])).toEqual({ a: '1', b: '' });
    expect(tagMap(undefined)).toEqual({});
  });
});

describe('locationToRegion', () => {
  it('maps S3 location constraints to regions', () => {
    expect(locationToRegion(undefined)).toBe('us-east-1');
    expect(locationToRegion('')).toBe('us-east-1');
    expect(locationToRegion(null)).toBe('us-east-1');
    expect(locationToRegion('EU')).toBe('eu-west-1');
    expect(locationToRegion('us-west-2')).toBe('us-west-2');
  });
});
