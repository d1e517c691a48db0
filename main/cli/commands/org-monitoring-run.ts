/**
 * `--org` on `onramp usage` and `onramp alarms`: the same reading in every account of the
 * organization's roll-outs in the region, through each account's read-only monitoring role, one
 * entry per account (an account that cannot be read carries its own error; the rest still show).
 */
import type { AwsContext } from '../../core/aws/context';
import { toAppError } from '../../core/aws/errors';
import type { CommandOutput } from '../io';
import { EXIT } from '../io';

/** One account's reading, or its error. */
export type AccountReading<T> = { rollout: string; accountId: string; ok: true; value: T } | { rollout: string; accountId: string; ok: false; error: { code: string; message: string } };

/** Read every deployed account of the roll-outs in `region` through its monitoring role. */
export async function readEveryAccount<T>(admin: AwsContext, region: string, read: (aws: AwsContext) => Promise<T>): Promise<AccountReading<T>[]> {
  const { findRollouts, monitoredAccounts } = await import('../../core/org/dashboard');
  const { mapLimit } = await import('../../core/org/limit');
  const accounts = await monitoredAccounts(await findRollouts(admin, region), region);
  return mapLimit(accounts, 4, async (a): Promise<AccountReading<T>> => {
    try {
      return { rollout: a.rollout, accountId: a.accountId, ok: true, value: await read(a.aws) };
    } catch (err) {
      const e = toAppError(err, `account ${a.accountId}`);
      return { rollout: a.rollout, accountId: a.accountId, ok: false, error: { code: e.code, message: e.message } };
    }
  });
}

/** The command's output over accounts (each reading as its JSON and its lines): exit 3 when some account could not be read. */
export function perAccountOutput(region: string, rows: AccountReading<{ json: unknown; human: string }>[]): CommandOutput {
  const lines = rows.map((r) => `== account ${r.accountId} (roll-out ${r.rollout})\n${r.ok ? r.value.human : `ERROR ${r.error.message}`}`);
  return {
    json: { region, accounts: rows.map((r) => (r.ok ? { rollout: r.rollout, accountId: r.accountId, ok: true, result: r.value.json } : r)) },
    human: lines.length ? lines.join('\n') : `No rolled-out accounts in ${region}: "onramp org apply" rolls a configuration out.`,
    exitCode: rows.some((r) => !r.ok) ? EXIT.aws : EXIT.ok,
  };
}
