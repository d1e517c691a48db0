/** Unique resource names for setup runs, and the `onramp setup …` flags that carry them. */
import { randomBytes } from 'node:crypto';
import type { SetupInput } from '../../shared/contract/setup';

/** The names one `onramp setup` run takes on the command line. */
export interface SetupNames {
  name: string;
  bucket: string;
  table: string;
  role: string;
  externalId: string;
}

/** A fresh 8-hex-digit id, so runs against one moto never collide. */
export const uniqueId = (): string => randomBytes(4).toString('hex');

const capitalised = (tag: string) => tag.charAt(0).toUpperCase() + tag.slice(1);

/**
 * Unique names tagged `tag`: `<tag>-<id>`, bucket and table `onramp-<tag>-<id>`, role `Onramp<Tag>-<id>`,
 * external ID `<tag>-external-id`; `over(id)` replaces any of them.
 */
export function uniqueSetupNames(tag: string, over: (id: string) => Partial<SetupNames> = () => ({})): SetupNames {
  const id = uniqueId();
  return { name: `${tag}-${id}`, bucket: `onramp-${tag}-${id}`, table: `onramp-${tag}-${id}`, role: `Onramp${capitalised(tag)}-${id}`, externalId: `${tag}-external-id`, ...over(id) };
}

/** Options of setupFlags. */
export interface SetupFlagOptions {
  region?: string;
  profile?: string;
  /** Flags placed after the names, before `--json`. */
  extra?: string[];
  /** Append `--json` (default true). */
  json?: boolean;
}

/** `--profile … --region … --name … --bucket … --table … --role … --external-id …` for these names. */
export function setupFlags(n: SetupNames, opts: SetupFlagOptions = {}): string[] {
  const { region = 'us-east-1', profile = 'default', extra = [], json = true } = opts;
  return ['--profile', profile, '--region', region, '--name', n.name, '--bucket', n.bucket, '--table', n.table, '--role', n.role, '--external-id', n.externalId, ...extra, ...(json ? ['--json'] : [])];
}

/** The whole `setup <verb> …flags` command line. */
export function setupArgs(verb: string, n: SetupNames, opts: SetupFlagOptions = {}): string[] {
  return ['setup', verb, ...setupFlags(n, opts)];
}

/** The platform account the setup tests trust. */
export const TEST_PLATFORM_ACCOUNT = '481633624848';

/** A SetupInput for the core with unique names tagged `tag` (as uniqueSetupNames), in `region`; `over(id)` replaces fields. */
export function uniqueSetupInput(tag: string, region: SetupInput['region'], over: (id: string) => Partial<SetupInput> = () => ({})): SetupInput {
  let id = '';
  const n = uniqueSetupNames(tag, (i) => ((id = i), {}));
  return { name: n.name, region, bucketName: n.bucket, tableName: n.table, roleName: n.role, externalId: n.externalId, platformAccountId: TEST_PLATFORM_ACCOUNT, ...over(id) };
}
