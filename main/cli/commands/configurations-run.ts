import { AccountIdSchema } from '../../../shared/contract/common';
import type { SavedConfiguration } from '../../../shared/contract/setup';
import { AppError } from '../../../shared/errors';
import { ConfigurationStore } from '../../core/store/configurations';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags } from '../args';
import { EXIT } from '../io';
import { CONFIGURATIONS_FLAGS } from './configurations';
import type { Command } from './index';

/** One saved configuration as `onramp configurations --json` lists it. */
export interface ListedConfiguration {
  name: string;
  accountId: string;
  region: string;
  bucketName: string;
  tableName: string;
  roleArn: string;
  createdAt: string;
  verifiedAt: string | null;
}

/** The listed fields of a saved configuration, in a stable order. */
export function listed(c: SavedConfiguration): ListedConfiguration {
  return { name: c.name, accountId: c.accountId, region: c.region, bucketName: c.bucketName, tableName: c.tableName, roleArn: c.roleArn, createdAt: c.createdAt, verifiedAt: c.verifiedAt };
}

/** The list for a terminal: one block per configuration, accounts together. */
export function renderConfigurations(rows: readonly ListedConfiguration[]): string {
  if (rows.length === 0) return 'No saved configurations. "onramp setup apply" saves one.';
  return rows
    .map((r) =>
      [
        `${r.name}  (account ${r.accountId}, ${r.region})`,
        `  bucket    ${r.bucketName}`,
        `  table     ${r.tableName}`,
        `  role      ${r.roleArn}`,
        `  created   ${r.createdAt}`,
        `  verified  ${r.verifiedAt ?? 'never'}`,
      ].join('\n'),
    )
    .join('\n\n');
}

/** `onramp configurations [--account ID] [--json]`: the saved configurations, by account then newest first. */
export const configurations: Command = async (argv, io) => {
  const flags = parseFlags(argv, CONFIGURATIONS_FLAGS);
  let account: string | undefined;
  if (flags.account !== undefined) {
    const parsed = AccountIdSchema.safeParse(typeof flags.account === 'string' ? flags.account.trim() : flags.account);
    if (!parsed.success) throw new AppError('InvalidInput', `--account: an AWS account ID is exactly 12 digits (got "${String(flags.account).slice(0, 40)}").`, '--account');
    account = parsed.data;
  }
  const all = await new ConfigurationStore(defaultDataDir(io.env)).list();
  const rows = all
    .filter((c) => account === undefined || c.accountId === account)
    .sort((a, b) => a.accountId.localeCompare(b.accountId) || b.createdAt.localeCompare(a.createdAt))
    .map(listed);
  return { json: rows, human: renderConfigurations(rows), exitCode: EXIT.ok };
};
