/**
 * Registering each account of a roll-out with the Bodo Platform: the existing register path
 * (main/core/app/platform-service.ts), once per account, under the name `<roll-out>-<account>`.
 * The platform is the record: an account's entry is found by that name, compared field by field,
 * and created only when absent; a mismatch (most likely the platform keeping its own external ID —
 * docs/organizations.md#external-ids) is reported, never overwritten.
 */
import type { OrgAccountNames, OrgRegistration } from '../../../shared/contract/org';
import { registerConfiguration } from '../app/platform-service';
import { validateExternalId } from '../../../shared/validation/names';
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

/**
 * The external ID the platform issued for an entry it created just now, when that is the only value
 * that differs from what Onramp sent — the platform not keeping a client-chosen ID
 * (docs/organizations.md#external-ids) — and a valid external ID; otherwise null. An entry that
 * existed before is never adopted from: it may be someone else's.
 */
export function platformIssuedExternalId(reg: OrgRegistration): string | null {
  const r = reg.result;
  if (!r || r.outcome !== 'created' || r.matches) return null;
  const differ = r.fields.filter((f) => f.state === 'differ');
  const id = differ.length === 1 && differ[0]!.field === 'externalId' ? differ[0]!.platform : null;
  return id && validateExternalId(id) === null ? id : null;
}

/** The registration once the account's role trusts the platform's own external ID. */
export function adopted(reg: OrgRegistration, externalId: string): OrgRegistration {
  const r = reg.result!;
  const fields = r.fields.map((f) => (f.field === 'externalId' ? { ...f, local: externalId, state: 'match' as const } : f));
  return {
    state: 'registered',
    detail: `registered as ${r.uuid}; the platform issued its own external ID, so this account's role now trusts that one (a per-account override of the StackSet's ExternalId)`,
    result: { ...r, fields, matches: true, note: null },
  };
}
