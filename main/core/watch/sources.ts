/**
 * Where a pass's rarer figures come from, built the same way for the app and `onramp watch`:
 * credential expiry read from local files (no request), month-to-date spend from the cost core's
 * data-folder cache (Cost Explorer asked only when the cached answer is older than the cost refresh
 * interval) compared with the account's cost budgets (one DescribeBudgets when the spend figure
 * changed), and the verify of each saved configuration of the account (the setup service's, which
 * also records the outcome).
 */
import { DescribeBudgetsCommand, type Budget } from '@aws-sdk/client-budgets';
import { ENV_PROFILE, loadProfiles, profileKind } from '../profiles/profiles';
import { cacheKeyOf, loadSsoConfig } from '../sso/sso-config';
import { readCachedToken } from '../sso/token-cache';
import type { AwsContext } from '../aws/context';
import { toAppError } from '../aws/errors';
import { monthToDate, CostCache } from '../cost';
import { scopeOf } from '../cost/budget-definition';
import { createSetupService } from '../app/setup-service';
import type { ConfigurationStore } from '../store/configurations';
import type { CredentialStatus, DriftStatus, SpendStatus } from './pass';

/**
 * When the profile's credentials stop working: an IAM Identity Center profile's cached token; keys
 * from the environment with AWS_CREDENTIAL_EXPIRATION (as `aws configure export-credentials` writes
 * it); a credentials-file profile with `x_security_token_expires` (saml2aws, aws-vault). null when
 * they do not expire (long-term keys, or a role the SDK renews).
 */
export async function credentialExpiry(env: NodeJS.ProcessEnv, profile: string): Promise<CredentialStatus | null> {
  const at = (value: string | undefined) => {
    const t = value ? Date.parse(value) : NaN;
    return Number.isNaN(t) ? null : t;
  };
  if (profile === ENV_PROFILE) {
    return env.AWS_SESSION_TOKEN ? { expiresAt: at(env.AWS_CREDENTIAL_EXPIRATION), label: 'the temporary keys in the environment' } : { expiresAt: null, label: 'the keys in the environment' };
  }
  const raw = (await loadProfiles({ env })).get(profile);
  if (!raw) return null;
  const kind = profileKind(raw);
  if (kind === 'sso') {
    const token = await readCachedToken(env, cacheKeyOf(await loadSsoConfig(env, profile))).catch(() => null);
    // No cached token is a sign-in that is needed now.
    return { expiresAt: token ? at(token.expiresAt) ?? 0 : 0, label: `profile ${profile} (IAM Identity Center sign-in)` };
  }
  if (kind === 'static' && raw.aws_session_token) return { expiresAt: at(raw.x_security_token_expires), label: `profile ${profile} (temporary keys)` };
  return { expiresAt: null, label: `profile ${profile}` };
}

/** What the spend source needs. */
export interface SpendSourceDeps {
  aws: AwsContext;
  /** The account (asked once, on first use). */
  account: () => Promise<string>;
  dataDir: string;
  refreshMs: number;
  now?: () => number;
}

/** Month-to-date spend from the cost cache (refilled when stale) against the account's monthly cost budgets. */
export function spendSource(deps: SpendSourceDeps): () => Promise<SpendStatus | null> {
  const cache = new CostCache(deps.dataDir);
  let budgets: { fetchedAt: number; list: Budget[] } | null = null;
  // After a refusal (no Cost Explorer access, data not ready), Cost Explorer is not asked again within the refresh interval either.
  let failedAt: number | null = null;
  const now = deps.now ?? Date.now;
  return async () => {
    const account = await deps.account();
    const costDeps = { aws: deps.aws, account, cache, refreshMs: deps.refreshMs, now: deps.now };
    const quiet = failedAt !== null && now() - failedAt < deps.refreshMs;
    let mtd;
    try {
      mtd = await monthToDate(costDeps, { fetchIfStale: !quiet });
    } catch (err) {
      failedAt = now();
      throw err;
    }
    if (!mtd) return null;
    if (budgets?.fetchedAt !== mtd.fetchedAt) {
      const client = await deps.aws.budgets();
      try {
        const page = await client.send(new DescribeBudgetsCommand({ AccountId: account, MaxResults: 100 }));
        budgets = { fetchedAt: mtd.fetchedAt, list: page.Budgets ?? [] };
      } catch (err) {
        throw toAppError(err, 'AWS Budgets DescribeBudgets');
      }
    }
    const forecast = mtd.forecast.source === 'none' ? null : mtd.forecast.monthEnd;
    const out: SpendStatus = { month: mtd.month, currency: mtd.currency, total: mtd.total, forecast, budgets: [] };
    for (const b of budgets.list) {
      if (b.BudgetType !== 'COST' || b.TimeUnit !== 'MONTHLY' || !b.BudgetName || !b.BudgetLimit?.Amount) continue;
      const scope = scopeOf(b);
      // A budget on the platform's charges alone is compared with those; one with filters Onramp did not make is left to AWS Budgets.
      if (scope === 'all') out.budgets.push({ name: b.BudgetName, amount: b.BudgetLimit.Amount });
      else if (scope === 'platform') out.budgets.push({ name: b.BudgetName, amount: b.BudgetLimit.Amount, figures: { actual: mtd.platform, forecast: null } });
    }
    return out;
  };
}

/** What the drift source needs. */
export interface DriftSourceDeps {
  aws: AwsContext;
  account: () => Promise<string>;
  profile: string;
  dataDir: string;
  store: ConfigurationStore;
  now: () => number;
}

/** Verify every saved configuration of the account (read-only; records each outcome as the Verify button does). */
export function driftSource(deps: DriftSourceDeps): () => Promise<DriftStatus[]> {
  const setup = createSetupService({ dataDir: deps.dataDir, store: deps.store, now: deps.now });
  return async () => {
    const account = await deps.account();
    const out: DriftStatus[] = [];
    for (const c of (await deps.store.list()).filter((x) => x.accountId === account)) {
      const result = await setup.verify({ aws: deps.aws, account, profile: deps.profile }, c);
      out.push({ name: c.name, ok: result.ok, failed: result.checks.filter((k) => !k.ok).map((k) => k.label) });
    }
    return out;
  };
}
