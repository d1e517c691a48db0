import { describe, expect, it } from 'vitest';
import {
  INLINE_ROLE_POLICY_LIMIT,
  parsePolicyDocument,
  POLICY_TEMPLATE,
  renderPlatformPolicy,
  samePolicy,
} from '../../../main/core/setup/policy';

const BUCKET = 'onramp-state-42';
const TABLE_ARN = 'arn:aws:dynamodb:us-west-2:123456789012:table/onramp-locks';

interface Statement {
  Sid: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

const render = () => JSON.parse(renderPlatformPolicy(BUCKET, TABLE_ARN)) as { Version: string; Statement: Statement[] };
const bySid = (sid: string) => render().Statement.find((s) => s.Sid === sid)!;

describe('renderPlatformPolicy', () => {
  it('leaves no placeholder and no "$$"', () => {
    const doc = renderPlatformPolicy(BUCKET, TABLE_ARN);
    expect(doc).not.toContain('$$');
    expect(doc).not.toContain('BUCKET_NAME');
    expect(doc).not.toContain('DYNAMO_ARN');
  });

  it('the template itself has both placeholders (the test above is meaningful)', () => {
    expect(POLICY_TEMPLATE).toContain('$$BUCKET_NAME$$');
    expect(POLICY_TEMPLATE).toContain('$$DYNAMO_ARN$$');
  });

  it('has four Allow statements and version 2012-10-17', () => {
    const doc = render();
    expect(doc.Version).toBe('2012-10-17');
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['BodoPlatformUserPermissions', 'BodoPlatformDynamo', 'BodoPlatformS3', 'BodoPlatformS3Items']);
    expect(doc.Statement.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('has 148 distinct actions in the broad statement on "*"', () => {
    const broad = bySid('BodoPlatformUserPermissions');
    expect(broad.Resource).toBe('*');
    expect(broad.Action).toHaveLength(148);
    expect(new Set(broad.Action).size).toBe(148);
    expect(broad.Action).toContain('iam:PassRole');
    expect(broad.Action).toContain('sts:GetCallerIdentity');
  });

  it('puts the table ARN in the DynamoDB statement', () => {
    const s = bySid('BodoPlatformDynamo');
    expect(s.Resource).toBe(TABLE_ARN);
    expect([...s.Action].sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem']);
  });

  it('puts the bucket in the ListBucket statement and its objects in the object statement', () => {
    const list = bySid('BodoPlatformS3');
    expect(list.Resource).toBe(`arn:aws:s3:::${BUCKET}`);
    expect([list.Action].flat()).toEqual(['s3:ListBucket']);
    const items = bySid('BodoPlatformS3Items');
    expect(items.Resource).toBe(`arn:aws:s3:::${BUCKET}/*`);
    expect([...items.Action].sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
  });

  it('does not put the bucket anywhere else', () => {
    const doc = renderPlatformPolicy(BUCKET, TABLE_ARN);
    expect(doc.split(BUCKET).length - 1).toBe(2);
    expect(doc.split(TABLE_ARN).length - 1).toBe(1);
  });

  it('stays under IAM\'s 10,240-character limit, even for the longest names', () => {
    expect(INLINE_ROLE_POLICY_LIMIT).toBe(10_240);
    expect(renderPlatformPolicy(BUCKET, TABLE_ARN).length).toBeLessThan(10_240);
    const longest = renderPlatformPolicy('b'.repeat(63), `arn:aws:dynamodb:us-west-2:123456789012:table/${'t'.repeat(255)}`);
    expect(longest.length).toBeLessThan(10_240);
    expect(longest.length).toBeGreaterThan(4_000);
  });

  it('is minified JSON (no whitespace outside strings)', () => {
    const doc = renderPlatformPolicy(BUCKET, TABLE_ARN);
    expect(doc).toBe(JSON.stringify(JSON.parse(doc)));
  });

  it('cannot be broken out of by a value containing quotes', () => {
    const doc = renderPlatformPolicy('x"],"Effect":"Deny', TABLE_ARN);
    const parsed = JSON.parse(doc) as { Statement: Statement[] };
    expect(parsed.Statement).toHaveLength(4);
    expect(parsed.Statement.find((s) => s.Sid === 'BodoPlatformS3')!.Resource).toBe('arn:aws:s3:::x"],"Effect":"Deny');
  });

  it('throws when a value would reintroduce a placeholder', () => {
    expect(() => renderPlatformPolicy('$$BUCKET_NAME$$', TABLE_ARN)).toThrow(/placeholder/);
  });

  it('refuses a document over the limit', () => {
    expect(() => renderPlatformPolicy('b'.repeat(6000), TABLE_ARN)).toThrow(/10240/);
  });
});

describe('samePolicy', () => {
  const base = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'A', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::b' },
      { Sid: 'B', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['arn:aws:s3:::b/*'] },
    ],
  };

  it('treats Sids, key order and one-element arrays as equivalent', () => {
    const variant = {
      Statement: [
        { Resource: ['arn:aws:s3:::b'], Action: 's3:ListBucket', Effect: 'Allow' },
        { Sid: 'other', Resource: 'arn:aws:s3:::b/*', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'] },
      ],
      Version: '2012-10-17',
    };
    expect(samePolicy(base, variant)).toBe(true);
  });

  it('matches a rendered policy against itself round-tripped as IAM returns it (URL-encoded)', () => {
    const doc = renderPlatformPolicy(BUCKET, TABLE_ARN);
    expect(samePolicy(parsePolicyDocument(encodeURIComponent(doc)), JSON.parse(doc))).toBe(true);
  });

  it('differs when a resource differs', () => {
    const a = JSON.parse(renderPlatformPolicy(BUCKET, TABLE_ARN));
    const b = JSON.parse(renderPlatformPolicy('other-bucket', TABLE_ARN));
    expect(samePolicy(a, b)).toBe(false);
  });

  it('differs when an action is removed or the effect changes', () => {
    const fewer = structuredClone(base);
    fewer.Statement[1]!.Action = ['s3:GetObject'];
    expect(samePolicy(base, fewer)).toBe(false);
    const deny = structuredClone(base);
    deny.Statement[0]!.Effect = 'Deny';
    expect(samePolicy(base, deny)).toBe(false);
  });

  it('differs when a statement is added', () => {
    const more = structuredClone(base);
    more.Statement.push({ Sid: 'C', Effect: 'Allow', Action: ['s3:DeleteObject'], Resource: 'arn:aws:s3:::b/*' });
    expect(samePolicy(base, more)).toBe(false);
  });
});

describe('parsePolicyDocument', () => {
  it('parses plain and URL-encoded JSON', () => {
    expect(parsePolicyDocument('{"a":1}')).toEqual({ a: 1 });
    expect(parsePolicyDocument('%7B%22a%22%3A1%7D')).toEqual({ a: 1 });
  });

  it('returns null for nothing or garbage', () => {
    expect(parsePolicyDocument(undefined)).toBeNull();
    expect(parsePolicyDocument('')).toBeNull();
    expect(parsePolicyDocument('{not json')).toBeNull();
  });
});
