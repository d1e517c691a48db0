import { DEFAULT_PLATFORM_ACCOUNT_ID, DEFAULT_ROLE_NAME, SetupInputSchema, type SetupInput } from '../../../shared/contract/setup';
import { ApplyFailedError, applySetup, destroyConfiguration, planSetup, verifyConfiguration } from '../../core/setup';
import { ConfigurationStore } from '../../core/store/configurations';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags, requireFlag, validateWith, type OptionSpec } from '../args';
import { CREDENTIAL_FLAGS, credentialFlags, type CredentialFlags } from '../deps';
import { CliExit, EXIT, type CommandOutput } from '../io';
import type { Command, CommandEntry } from './index';

/** The flags every setup command takes (and `setup export`). */
export const SETUP_FLAGS: OptionSpec = {
  ...CREDENTIAL_FLAGS,
  region: { type: 'string', value: 'REGION', required: true, description: 'Region of the bucket and table: us-east-1, us-east-2, us-west-1 or us-west-2.' },
  name: { type: 'string', value: 'NAME', required: true, description: 'Name of the Cloud Configuration (also tagged on every resource).' },
  bucket: { type: 'string', value: 'BUCKET', required: true, description: 'S3 bucket name (global across all accounts).' },
  table: { type: 'string', value: 'TABLE', required: true, description: 'DynamoDB table name (partition key LockID).' },
  role: { type: 'string', value: 'ROLE', description: 'IAM role name the platform assumes (default BodoPlatformUser).' },
  'external-id': { type: 'string', value: 'ID', required: true, description: "External ID from the platform's Cloud Configuration form." },
  'platform-account': { type: 'string', value: 'ACCOUNT', description: "The platform's AWS account ID (default 481633624848)." },
};

const FIELD_TO_FLAG: Record<string, string> = {
  name: 'name',
  region: 'region',
  bucketName: 'bucket',
  tableName: 'table',
  roleName: 'role',
  externalId: 'external-id',
  platformAccountId: 'platform-account',
};

/** Parse and validate the setup flags; invalid input throws before any AWS client exists. */
export function parseSetupInput(argv: string[]): { credentials: CredentialFlags; input: SetupInput } {
  const flags = parseFlags(argv, SETUP_FLAGS);
  const credentials = credentialFlags(flags);
  for (const flag of ['region', 'name', 'bucket', 'table', 'external-id']) requireFlag(flags, flag);
  const input = validateWith(
    SetupInputSchema,
    {
      name: flags.name,
      region: flags.region,
      bucketName: flags.bucket,
      tableName: flags.table,
      roleName: flags.role ?? DEFAULT_ROLE_NAME,
      externalId: flags['external-id'],
      platformAccountId: flags['platform-account'] ?? DEFAULT_PLATFORM_ACCOUNT_ID,
    },
    FIELD_TO_FLAG,
  );
  return { credentials, input };
}

const plan: Command = async (argv, _io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const result = await planSetup(await deps.aws(credentials, input.region), input);
  const conflict = result.steps.some((s) => s.action === 'conflict');
  const human = result.steps.map((s) => `${s.action.toUpperCase().padEnd(8)} ${s.resource.padEnd(6)} ${s.name}\n         ${s.detail}`).join('\n');
  return { json: result, human: conflict ? `${human}\n\nThe plan has conflicts and cannot be applied.` : human, exitCode: conflict ? EXIT.aws : EXIT.ok };
};

const apply: Command = async (argv, io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  // Connect, then who am I: the account is recorded with the saved configuration.
  const { aws, info } = await deps.session(credentials, input.region);
  try {
    const result = await applySetup(aws, input, {
      onStep: (s) => {
        if (s.state !== 'pending') io.stderr(`[${s.state}] ${s.label}${s.detail ? `: ${s.detail}` : ''}\n`);
      },
    });
    await new ConfigurationStore(defaultDataDir(io.env)).save({
      ...result,
      accountId: info.account,
      profile: credentials.profile,
      createdAt: new Date().toISOString(),
      verifiedAt: null,
    });
    const human = Object.entries(result).map(([k, v]) => `${k.padEnd(18)} ${v}`).join('\n');
    return { json: result, human, exitCode: EXIT.ok };
  } catch (err) {
    if (err instanceof ApplyFailedError) {
      throw new CliExit(EXIT.rolledBack, { error: { code: err.cause.code, message: err.message }, rolledBack: err.rolledBack }, err.message);
    }
    throw err;
  }
};

const verify: Command = async (argv, _io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const result = await verifyConfiguration(await deps.aws(credentials, input.region), input);
  const human = result.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.id.padEnd(28)} ${c.detail}`).join('\n');
  return { json: result, human, exitCode: result.ok ? EXIT.ok : EXIT.aws };
};

const destroy: Command = async (argv, io, deps) => {
  const { credentials, input } = parseSetupInput(argv);
  const result = await destroyConfiguration(await deps.aws(credentials, input.region), input);
  if (result.kept.length === 0) await new ConfigurationStore(defaultDataDir(io.env)).remove(input.name);
  const human = [...result.deleted.map((d) => `deleted ${d}`), ...result.kept.map((k) => `KEPT    ${k.resource}: ${k.reason}`)].join('\n') || 'Nothing to delete.';
  return { json: result, human, exitCode: result.kept.length ? EXIT.aws : EXIT.ok };
};

/** `onramp setup plan|apply|verify|destroy`. */
export const setupCommands: Record<string, CommandEntry> = {
  'setup plan': { summary: 'Show what apply would create, keep, or refuse', flags: SETUP_FLAGS, run: plan },
  'setup apply': { summary: 'Create the Cloud Configuration (rolls back on failure)', flags: SETUP_FLAGS, run: apply },
  'setup verify': { summary: 'Re-check a Cloud Configuration against AWS', flags: SETUP_FLAGS, run: verify },
  'setup destroy': { summary: 'Delete what Onramp created (never a bucket with objects)', flags: SETUP_FLAGS, run: destroy },
};

export type { CommandOutput };
