import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { BudgetsClient } from '@aws-sdk/client-budgets';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { S3Client } from '@aws-sdk/client-s3';
import type { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { STSClient } from '@aws-sdk/client-sts';
import { resolveEndpoint, type ServiceId } from './endpoint';
import { toAppError } from './errors';
import type { RequestLog } from './request-log';

/** Per-request time bounds: no AWS call may hang without end. */
export interface Timeouts {
  connectionMs: number;
  requestMs: number;
  maxAttempts: number;
}

/** Defaults: 5 s to connect, 20 s per attempt, 4 attempts with the SDK's standard backoff. */
export const DEFAULT_TIMEOUTS: Timeouts = { connectionMs: 5_000, requestMs: 20_000, maxAttempts: 4 };

/** Everything the core needs to call AWS for one profile. Clients are created on first use. */
export interface AwsContext {
  readonly profile: string;
  /** The region for regional calls when none is given. */
  readonly region: string;
  /** The endpoint override shown to the user (AWS_ENDPOINT_URL or the profile's endpoint_url), or null. */
  readonly endpointUrl: string | null;
  s3(region?: string): Promise<S3Client>;
  dynamodb(region?: string): Promise<DynamoDBClient>;
  iam(): Promise<IAMClient>;
  sts(region?: string): Promise<STSClient>;
  cloudwatch(region?: string): Promise<CloudWatchClient>;
  sns(region?: string): Promise<SNSClient>;
  serviceQuotas(region?: string): Promise<ServiceQuotasClient>;
  ec2(region?: string): Promise<EC2Client>;
  /** Cost Explorer (global; its endpoint is in us-east-1). Each request costs $0.01. */
  costExplorer(): Promise<CostExplorerClient>;
  /** AWS Budgets (global; its endpoint is in us-east-1). */
  budgets(): Promise<BudgetsClient>;
  cloudformation(region?: string): Promise<CloudFormationClient>;
  /** AWS Organizations (global; its endpoint lives in us-east-1). */
  organizations(): Promise<OrganizationsClient>;
  /**
   * The same endpoints and limits with the credentials of a role assumed from this context
   * (STS AssumeRole, renewed before they expire): how a roll-out reads its member accounts.
   */
  assumeRole(role: AssumeRoleSpec): AwsContext;
  /**
   * Load the SDK clients setup and monitoring use, one per macrotask, so their module loading (tens
   * of milliseconds each) happens right after connecting rather than in the middle of provisioning
   * or a dashboard refresh.
   */
  prewarm(): Promise<void>;
}

/** A role to assume from a context: its ARN, the external ID its trust requires, and a session name CloudTrail shows. */
export interface AssumeRoleSpec {
  roleArn: string;
  externalId?: string;
  sessionName: string;
  /** The region of the new context (default: this context's). */
  region?: string;
}

/** Options to build an AwsContext. */
export interface AwsContextOptions {
  profile: string;
  region: string;
  env: NodeJS.ProcessEnv;
  credentials: AwsCredentialIdentityProvider;
  /** The profile's endpoint_url, if any. */
  profileEndpoint: string | null;
  timeouts?: Timeouts;
  /** Counts every API call made through this context (diagnostics, benchmark). */
  requestLog?: RequestLog;
}

/**
 * Cache resolved credentials until five minutes before they expire, so an MFA code or an SSO token
 * is used once per session rather than once per client.
 */
export function memoizeCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let cached: Promise<AwsCredentialIdentity> | null = null;
  return async () => {
    if (cached) {
      const creds = await cached.catch(() => null);
      const expiry = creds?.expiration?.getTime();
      if (creds && (expiry === undefined || expiry - Date.now() > 5 * 60_000)) return creds;
    }
    cached = Promise.resolve(provider());
    cached.catch(() => {
      cached = null;
    });
    return cached;
  };
}

/** Build a lazily-instantiating client factory for one profile. */
export function createAwsContext(opts: AwsContextOptions): AwsContext {
  const timeouts = opts.timeouts ?? DEFAULT_TIMEOUTS;
  const cache = new Map<string, Promise<unknown>>();
  const assumed = new Map<string, AwsContext>();
  const endpointUrl = opts.env.AWS_ENDPOINT_URL || opts.profileEndpoint || null;

  async function common(service: ServiceId, region: string) {
    const { NodeHttpHandler } = await import('@smithy/node-http-handler');
    const endpoint = resolveEndpoint(service, opts.env, opts.profileEndpoint);
    return {
      region,
      credentials: opts.credentials,
      maxAttempts: timeouts.maxAttempts,
      retryMode: 'standard',
      requestHandler: new NodeHttpHandler({
        connectionTimeout: timeouts.connectionMs,
        requestTimeout: timeouts.requestMs,
        // Without this the SDK only logs a warning and keeps waiting: a hung endpoint would hang Onramp.
        throwOnRequestTimeout: true,
      }),
      ...(endpoint ? { endpoint } : {}),
    };
  }

  interface Stackable {
    middlewareStack: { add: (mw: unknown, opts: { step: 'initialize'; name: string }) => void };
  }
  function client<T>(key: string, make: () => Promise<T>): Promise<T> {
    let c = cache.get(key) as Promise<T> | undefined;
    if (!c) {
      const service = key.split(':')[0]!;
      c = make().then((made) => {
        const log = opts.requestLog;
        if (log) {
          // Runs once per command (the initialize step precedes retries).
          (made as unknown as Stackable).middlewareStack.add(
            (next: (a: { input: unknown }) => Promise<unknown>, ctx: { commandName?: string }) => (args: { input: unknown }) => {
              log.record(service, ctx.commandName ?? 'Unknown', args.input);
              return next(args);
            },
            { step: 'initialize', name: 'onrampRequestLog' },
          );
        }
        return made;
      });
      cache.set(key, c);
      c.catch(() => cache.delete(key));
    }
    return c;
  }

  const r = (region?: string) => region ?? opts.region;
  const context: AwsContext = {
    profile: opts.profile,
    region: opts.region,
    endpointUrl,
    s3: (region) =>
      client(`s3:${r(region)}`, async () => {
        const { S3Client } = await import('@aws-sdk/client-s3');
        const cfg = await common('s3', r(region));
        return new S3Client({ ...cfg, forcePathStyle: Boolean(cfg.endpoint) });
      }),
    dynamodb: (region) =>
      client(`dynamodb:${r(region)}`, async () => {
        const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
        return new DynamoDBClient(await common('dynamodb', r(region)));
      }),
    // IAM is global; its endpoint lives in us-east-1.
    iam: () =>
      client('iam', async () => {
        const { IAMClient } = await import('@aws-sdk/client-iam');
        return new IAMClient(await common('iam', 'us-east-1'));
      }),
    sts: (region) =>
      client(`sts:${r(region)}`, async () => {
        const { STSClient } = await import('@aws-sdk/client-sts');
        return new STSClient(await common('sts', r(region)));
      }),
    cloudwatch: (region) =>
      client(`cloudwatch:${r(region)}`, async () => {
        const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
        return new CloudWatchClient(await common('cloudwatch', r(region)));
      }),
    sns: (region) =>
      client(`sns:${r(region)}`, async () => {
        const { SNSClient } = await import('@aws-sdk/client-sns');
        return new SNSClient(await common('sns', r(region)));
      }),
    serviceQuotas: (region) =>
      client(`servicequotas:${r(region)}`, async () => {
        const { ServiceQuotasClient } = await import('@aws-sdk/client-service-quotas');
        return new ServiceQuotasClient(await common('servicequotas', r(region)));
      }),
    ec2: (region) =>
      client(`ec2:${r(region)}`, async () => {
        const { EC2Client } = await import('@aws-sdk/client-ec2');
        return new EC2Client(await common('ec2', r(region)));
      }),
    // Cost Explorer and Budgets are global: https://docs.aws.amazon.com/general/latest/gr/billing.html
    costExplorer: () =>
      client('costexplorer', async () => {
        const { CostExplorerClient } = await import('@aws-sdk/client-cost-explorer');
        return new CostExplorerClient(await common('costexplorer', 'us-east-1'));
      }),
    budgets: () =>
      client('budgets', async () => {
        const { BudgetsClient } = await import('@aws-sdk/client-budgets');
        return new BudgetsClient(await common('budgets', 'us-east-1'));
      }),
    cloudformation: (region) =>
      client(`cloudformation:${r(region)}`, async () => {
        const { CloudFormationClient } = await import('@aws-sdk/client-cloudformation');
        return new CloudFormationClient(await common('cloudformation', r(region)));
      }),
    // Organizations is global; its endpoint lives in us-east-1.
    organizations: () =>
      client('organizations', async () => {
        const { OrganizationsClient } = await import('@aws-sdk/client-organizations');
        return new OrganizationsClient(await common('organizations', 'us-east-1'));
      }),
    assumeRole: (role) => {
      // One context per role, external ID and region: its credentials and clients are reused until they expire.
      const key = JSON.stringify([role.roleArn, role.externalId ?? '', role.sessionName, role.region ?? opts.region]);
      let made = assumed.get(key);
      if (!made) {
        made = createAwsContext({ ...opts, profile: `${opts.profile} → ${role.roleArn}`, region: role.region ?? opts.region, credentials: assumedCredentials(context, role) });
        assumed.set(key, made);
      }
      return made;
    },
    prewarm: async () => {
      const yieldToLoop = () => new Promise<void>((res) => setImmediate(res));
      for (const make of [context.s3, context.dynamodb, context.iam, context.cloudwatch, context.sns, context.serviceQuotas]) {
        await yieldToLoop();
        await make().catch(() => undefined);
      }
    },
  };
  return context;
}

/**
 * Credentials of a role assumed through `base`'s STS client (AssumeRole with the external ID its
 * trust requires), cached until five minutes before they expire. Errors name the role, so a
 * roll-out's per-account failure says which account refused.
 */
function assumedCredentials(base: AwsContext, role: AssumeRoleSpec): AwsCredentialIdentityProvider {
  return memoizeCredentials(async () => {
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const sts = await base.sts();
    let out;
    try {
      out = await sts.send(new AssumeRoleCommand({ RoleArn: role.roleArn, RoleSessionName: role.sessionName, ...(role.externalId ? { ExternalId: role.externalId } : {}) }));
    } catch (err) {
      throw toAppError(err, `STS AssumeRole ${role.roleArn}`);
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw toAppError(new Error('STS returned no credentials'), `STS AssumeRole ${role.roleArn}`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration ? { expiration: new Date(c.Expiration) } : {}) };
  });
}
