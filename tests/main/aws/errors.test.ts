import { describe, expect, it } from 'vitest';
import { errorName, httpStatus, toAppError } from '../../../main/core/aws/errors';
import { AppError } from '../../../shared/errors';
import { isAwsError, isNotFound, isRolledBack, RolledBackError } from '../../../main/core/aws/errors';
import { AlarmRunError } from '../../../main/core/monitoring/alarms';
import { ApplyFailedError } from '../../../main/core/setup/apply';

const sdk = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe('toAppError', () => {
  it.each([
    [sdk('AccessDenied', 'User is not authorized to perform: iam:CreateRole', 403), 'AccessDenied', /ask an administrator/],
    [sdk('SomethingNew', 'Forbidden by an SCP', 403), 'AccessDenied', /lacks a permission/],
    [sdk('ExpiredToken', 'The security token included in the request is expired', 400), 'CredentialsExpired', /Reconnect/],
    [sdk('ThrottlingException', 'Rate exceeded', 400), 'Throttled', /rate-limiting/],
    [sdk('SlowDown', 'Please reduce your request rate.', 503), 'Throttled', /wait a moment/],
    [sdk('NoSuchEntity', 'The role with name X cannot be found.', 404), 'NotFound', /cannot be found/],
    [sdk('TimeoutError', 'socket timed out', undefined), 'Timeout', /did not answer in time/],
    [sdk('CredentialsProviderError', 'Could not load credentials from any providers'), 'CredentialsMissing', /config and credentials files/],
    [sdk('Error', 'The SSO session associated with this profile has expired or is otherwise invalid'), 'SsoExpired', /SSO session/],
  ])('maps %s to %s with what to do next', (err, code, says) => {
    const app = toAppError(err);
    expect(app).toBeInstanceOf(AppError);
    expect(app.code).toBe(code);
    expect(app.message).toMatch(says);
  });

  it('ends the raw sentence before the hint (no "ECONNREFUSED 127.0.0.1:5999 Could not…")', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' });
    const app = toAppError(err, 'STS GetCallerIdentity');
    expect(app.code).toBe('Network');
    expect(app.message).toBe('STS GetCallerIdentity: connect ECONNREFUSED 127.0.0.1:5999. Could not reach the AWS endpoint; check your network or endpoint override.');
  });

  it('keeps a message that already ends a sentence as it is', () => {
    const app = toAppError(sdk('ExpiredToken', 'The security token included in the request is expired.', 400));
    expect(app.message).toBe('ExpiredToken: The security token included in the request is expired. Reconnect to refresh the credentials.');
  });

  it('scrubs access key IDs and signatures from messages', () => {
    const app = toAppError(sdk('AccessDenied', 'key AKIAABCDEFGHIJKLMNOP denied; X-Amz-Signature=abcdef0123&x=1', 403));
    expect(app.message).not.toMatch(/AKIAABCDEFGHIJKLMNOP|abcdef0123/);
    expect(app.message).toContain('[redacted-key-id]');
  });

  it('passes an AppError through unchanged, and names odd shapes', () => {
    const own = new AppError('InvalidInput', 'bad', 'field');
    expect(toAppError(own)).toBe(own);
    expect(errorName({ Code: 'NoSuchBucket' })).toBe('NoSuchBucket');
    expect(errorName(null)).toBe('Error');
    expect(httpStatus({ $metadata: { httpStatusCode: 500 } })).toBe(500);
    expect(toAppError('plain string').code).toBe('AwsError');
  });
});

describe('isAwsError: one meaning, whatever service named it', () => {
  const named = (name: string) => sdk(name, name);
  it.each([
    ['notFound', ['NoSuchEntity', 'NoSuchEntityException', 'NoSuchBucket', 'NotFound', 'ResourceNotFoundException', 'NotFoundException']],
    ['noSuchQuota', ['NoSuchResourceException']],
    ['alreadyExists', ['EntityAlreadyExists', 'EntityAlreadyExistsException']],
    ['bucketTaken', ['BucketAlreadyExists', 'BucketAlreadyOwnedByYou']],
    ['tableInUse', ['ResourceInUseException']],
    ['aborted', ['AbortError']],
  ] as const)('%s', (kind, names) => {
    for (const n of names) expect(isAwsError(named(n), kind), n).toBe(true);
    expect(isAwsError(named('AccessDenied'), kind)).toBe(false);
  });

  it('isNotFound reads the name from every shape the SDK uses (name, Code, code)', () => {
    expect(isNotFound({ Code: 'NoSuchBucket' })).toBe(true);
    expect(isNotFound({ code: 'NoSuchEntity' })).toBe(true);
    expect(isNotFound(new Error('NoSuchEntity'))).toBe(false);
  });
});

describe('RolledBackError: the one kind of "failed and undid its changes"', () => {
  it('setup and alarm runs are both recognised by isRolledBack, with what was undone and what is left', () => {
    const cause = new AppError('AccessDenied', 'denied');
    const apply = new ApplyFailedError('Setup failed.', ['bucket b'], cause, [{ resource: 'role', name: 'R', reason: 'denied', command: 'aws iam delete-role --role-name R', console: 'IAM → Roles' }]);
    const alarm = new AlarmRunError('Cancelled', 'Cancelled.', ['alarm a'], cause);
    for (const e of [apply, alarm]) expect(isRolledBack(e)).toBe(true);
    expect(apply.code).toBe('RolledBack');
    expect(apply.manual).toHaveLength(1);
    expect(alarm.code).toBe('Cancelled');
    expect(alarm.rolledBack).toEqual(['alarm a']);
    expect(isRolledBack(Object.assign(new AppError('RolledBack', 'x'), { rolledBack: [] }))).toBe(false);
  });

  it('is Cancelled when its cause was a cancel', () => {
    expect(new RolledBackError('stopped', [], new AppError('Cancelled', 'by the user')).code).toBe('Cancelled');
  });
});
