import type { FieldComparison } from '../../../shared/contract/platform';
import type { SavedConfiguration, SetupInput } from '../../../shared/contract/setup';
import { SaveCredentialsRequestSchema } from '../../../shared/contract/platform';
import { AppError } from '../../../shared/errors';
import { platformOverview, registerConfiguration, sourceFromSaved, type RegistrationSource } from '../../core/app/platform-service';
import { createPlatformClient, resolvePlatformUrls, type PlatformClient, type PlatformCredentials } from '../../core/platform';
import { whoAmI } from '../../core/profiles/session';
import { SettingsStore } from '../../core/settings/settings-store';
import { ConfigurationStore } from '../../core/store/configurations';
import { defaultDataDir } from '../../core/store/data-dir';
import { parseFlags } from '../args';
import type { CliDeps, CredentialFlags } from '../deps';
import { CliExit, EXIT, type CliIo } from '../io';
import { PLATFORM_LIST_FLAGS } from './platform';
import type { Command } from './index';
import { parseSetupInput } from './setup-run';

/** The organization API token from BODO_ORG_CLIENT_ID / BODO_ORG_SECRET_KEY (bodosdk's own variables); missing or malformed is exit 2. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): PlatformCredentials {
  const clientId = env.BODO_ORG_CLIENT_ID ?? '';
  const secret = env.BODO_ORG_SECRET_KEY ?? '';
  const missing = [!clientId.trim() && 'BODO_ORG_CLIENT_ID', !secret.trim() && 'BODO_ORG_SECRET_KEY'].filter(Boolean);
  if (missing.length) {
    throw new AppError(
      'InvalidInput',
      `Set ${missing.join(' and ')} to the Bodo Platform organization API token's Client ID and Secret Key (the variables bodosdk reads).`,
      String(missing[0]),
    );
  }
  const parsed = SaveCredentialsRequestSchema.pick({ clientId: true, secret: true }).safeParse({ clientId, secret });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path[0] === 'secret' ? 'BODO_ORG_SECRET_KEY' : 'BODO_ORG_CLIENT_ID';
    throw new AppError('InvalidInput', `${name}: ${issue?.message ?? 'invalid value'}`, name);
  }
  return parsed.data;
}

/** The platform client for this run: URLs from the environment over Settings (the app's settings file) over the defaults. */
async function platformClient(io: CliIo): Promise<{ client: PlatformClient; store: ConfigurationStore }> {
  const creds = credentialsFromEnv(io.env);
  const dataDir = defaultDataDir(io.env);
  const urls = resolvePlatformUrls(io.env, await new SettingsStore(dataDir).get());
  return { client: createPlatformClient({ urls, credentials: async () => creds }), store: new ConfigurationStore(dataDir) };
}

function sideBySide(fields: readonly FieldComparison[]): string {
  const width = Math.max(...fields.map((f) => f.label.length)) + 2;
  return fields
    .map((f) => {
      const mark = f.state === 'match' ? 'ok  ' : f.state === 'differ' ? 'DIFF' : '-   ';
      const platform = f.state === 'not-reported' ? '(not kept by the platform)' : (f.platform ?? '(none)');
      return `${mark} ${f.label.padEnd(width)} AWS: ${f.local}\n     ${''.padEnd(width)} platform: ${platform}`;
    })
    .join('\n');
}

/** True when the flags describe exactly this saved configuration (same profile, names, region and external ID). */
function sameAsSaved(saved: SavedConfiguration, profile: string, input: SetupInput): boolean {
  return (
    saved.profile === profile &&
    saved.region === input.region &&
    saved.bucketName === input.bucketName &&
    saved.tableName === input.tableName &&
    saved.roleName === input.roleName &&
    saved.externalId === input.externalId &&
    saved.platformAccountId === input.platformAccountId
  );
}

/** The registration values as AWS has them: the account, and the role's ARN (read-only calls). */
async function sourceFromAws(deps: CliDeps, credentials: CredentialFlags, input: SetupInput): Promise<RegistrationSource> {
  const aws = await deps.aws(credentials, input.region);
  const { account } = await whoAmI(aws);
  // The setup core (and its S3, DynamoDB and IAM clients) loads only when a command reads AWS.
  const { inspectRole } = await import('../../core/setup/inspect');
  const role = await inspectRole(aws, input.roleName);
  if (role.kind === 'absent' || !role.role.Arn) {
    throw new AppError('NotFound', `Role ${input.roleName} does not exist in account ${account}: run "onramp setup apply" with the same flags first.`, '--role');
  }
  return {
    name: input.name,
    region: input.region,
    bucketName: input.bucketName,
    tableName: input.tableName,
    roleArn: role.role.Arn,
    externalId: input.externalId,
    accountId: account,
  };
}

export const register: Command = async (argv, io, deps) => {
  // Everything that can be checked locally is checked before any request (exit 2).
  const { credentials, input } = parseSetupInput(argv);
  const { client, store } = await platformClient(io);
  // The configuration `setup apply` saved with these very flags (one only: a name is unique per
  // account, and the profile says which) needs no AWS call; anything else is read from AWS.
  const matching = (await store.list()).filter((c) => c.name === input.name && sameAsSaved(c, credentials.profile, input));
  const source = matching.length === 1 ? sourceFromSaved(matching[0]!) : await sourceFromAws(deps, credentials, input);
  const result = await registerConfiguration({ api: client.configs, store, now: Date.now }, source);
  const json = { uuid: result.uuid, status: result.status, name: result.name };
  if (!result.matches) {
    throw new CliExit(
      EXIT.aws,
      { error: { code: 'Conflict', message: result.note ?? 'The platform holds different values.' }, ...json, outcome: result.outcome, fields: result.fields },
      `${result.note ?? 'The platform holds different values.'}\n${sideBySide(result.fields)}`,
    );
  }
  const verb = result.outcome === 'created' ? 'Registered' : 'Already registered';
  return { json, human: `${verb} "${result.name}" with the Bodo Platform.\nUUID    ${result.uuid}\nStatus  ${result.status}`, exitCode: EXIT.ok };
};

export const list: Command = async (argv, io) => {
  parseFlags(argv, PLATFORM_LIST_FLAGS);
  const { client, store } = await platformClient(io);
  const overview = await platformOverview({ api: client.configs, store, now: Date.now });
  const rows = overview.configurations.map((r) => {
    const state = !r.registered ? 'not registered' : r.matches ? `${r.status} · matches AWS` : `${r.status} · DIFFERS: ${r.fields.filter((f) => f.state === 'differ').map((f) => f.label).join(', ')}`;
    return `${r.name.padEnd(24)} ${state}${r.note ? `\n${''.padEnd(25)}${r.note}` : ''}`;
  });
  const remote = overview.platformOnly.map((c) => `${c.name.padEnd(24)} ${c.status} · only on the platform (${c.uuid})`);
  const human = [`Bodo Platform at ${overview.apiUrl}`, ...(rows.length ? rows : ['No saved configurations.']), ...remote].join('\n');
  return { json: overview, human, exitCode: EXIT.ok };
};

