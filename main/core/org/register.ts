/**
 * Registering each account of a roll-out with the Bodo Platform: the existing register path
 * (main/core/app/platform-service.ts), once per account, under the name `<roll-out>-<account>`.
 * The platform is the record: an account's entry is found by that name, compared field by field,
 * and created only when absent; a mismatch (most likely the platform keeping its own external ID —
 * docs/organizations.md#external-ids) is reported, never overwritten.
 */
import type { OrgAccountNames, OrgRegistration } from '../../../shared/contract/org';
import { registerConfiguration } from '../app/platform-service';
import { toAppError } from '../aws/errors';
import type { CloudConfigApi } from '../platform';

/** Registers one account; what apply and status call. */
export type Registrar = (account: { accountId: string; region: string; names: OrgAccountNames }) => Promise<OrgRegistration>;

/** Registration was not attempted (no platform credentials, or the account did not deploy). */
export function notAttempted(detail: string): OrgRegistration {
  return { state: 'not-attempted', detail, result: null };
}

/** A registrar on the platform's Cloud Configuration API. Nothing is saved locally: the platform holds the entries. */
export function platformRegistrar(api: CloudConfigApi, now: () => number = Date.now): Registrar {
  const store = { list: async () => [], get: async () => null, update: async () => undefined };
  return async ({ accountId, region, names }) => {
    try {
      const result = await registerConfiguration(
        { api, store, now },
        { name: names.platformName, region, bucketName: names.bucket, tableName: names.table, roleArn: names.roleArn, externalId: names.externalId, accountId },
      );
      return result.matches
        ? { state: 'registered', detail: result.outcome === 'created' ? `registered as ${result.uuid}` : `already registered as ${result.uuid}`, result }
        : { state: 'mismatch', detail: result.note, result };
    } catch (err) {
      return { state: 'failed', detail: toAppError(err).message, result: null };
    }
  };
}
