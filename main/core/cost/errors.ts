/**
 * Cost Explorer's and AWS Budgets' refusals in words that say what happened and what to do. The
 * cases (Cost Explorer's error list: https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html#API_GetCostAndUsage_Errors):
 * - Cost Explorer never enabled: AccessDeniedException "User not enabled for cost explorer access"
 *   (enabling: https://docs.aws.amazon.com/cost-management/latest/userguide/ce-enable.html);
 * - enabled less than a day ago, or no data yet: DataUnavailableException;
 * - a member account whose management account has not given member accounts access
 *   (https://docs.aws.amazon.com/cost-management/latest/userguide/ce-access.html): an
 *   AccessDeniedException naming the linked/member account or consolidated billing;
 * - the identity lacks the ce: or budgets: action: any other AccessDeniedException.
 */
import { AppError } from '../../../shared/errors';
import { errorName, isAwsError, toAppError } from '../aws/errors';

const ENABLE_URL = 'https://docs.aws.amazon.com/cost-management/latest/userguide/ce-enable.html';
const ACCESS_URL = 'https://docs.aws.amazon.com/cost-management/latest/userguide/ce-access.html';

/** The IAM actions the cost features need, with what each is for (Readiness lists them too). */
export const CE_ACTIONS: Record<'GetCostAndUsage' | 'GetCostForecast', string> = {
  GetCostAndUsage: 'ce:GetCostAndUsage',
  GetCostForecast: 'ce:GetCostForecast',
};

function rawMessage(err: unknown): string {
  return String((err as { message?: unknown } | null)?.message ?? '');
}

/** True when Cost Explorer says the account has not enabled it. */
export function isNotEnabled(err: unknown): boolean {
  return isAwsError(err, 'accessDenied') && /not enabled for cost explorer|enable cost explorer/i.test(rawMessage(err));
}

/** True when the account is an organization member that its management account keeps out of Cost Explorer. */
export function isMemberWithoutAccess(err: unknown): boolean {
  return isAwsError(err, 'accessDenied') && /linked account|member account|consolidated billing|payer account|management account/i.test(rawMessage(err));
}

/** An error from a Cost Explorer operation, explained. */
export function costExplorerError(err: unknown, operation: keyof typeof CE_ACTIONS): AppError {
  if (err instanceof AppError) return err;
  const name = errorName(err);
  if (isNotEnabled(err)) {
    return new AppError(
      'NotEnabled',
      `Cost Explorer is not enabled for this account. Open the AWS Billing and Cost Management console → Cost Explorer → "Launch Cost Explorer" (${ENABLE_URL}); AWS then prepares the data, which takes up to 24 hours. Until then Onramp can show the vCPU-hour estimate only.`,
    );
  }
  if (name === 'DataUnavailableException') {
    return new AppError(
      'NotEnabled',
      `Cost Explorer has no data for this account yet: right after Cost Explorer is enabled, AWS needs up to 24 hours to prepare the current month and the last 13 months. Try again tomorrow (${ENABLE_URL}).`,
    );
  }
  if (isMemberWithoutAccess(err)) {
    return new AppError(
      'AccessDenied',
      `This account is a member of an AWS organization whose management account has not given member accounts access to Cost Explorer. Ask the organization's administrator to allow it (Cost Management preferences → "Linked account access", ${ACCESS_URL}), or look at the costs from the management account.`,
    );
  }
  if (isAwsError(err, 'accessDenied')) {
    return new AppError(
      'AccessDenied',
      `The connected identity may not call Cost Explorer ${operation} (${name}). Allow ${CE_ACTIONS.GetCostAndUsage} and ${CE_ACTIONS.GetCostForecast} in its IAM policy, or connect with a profile that has them; Readiness lists every permission Onramp uses.`,
    );
  }
  if (name === 'LimitExceededException') {
    return new AppError('Throttled', `Cost Explorer ${operation}: too many requests right now (LimitExceededException). Wait a minute and refresh again.`);
  }
  if (name === 'BillExpirationException') {
    return new AppError('InvalidInput', `Cost Explorer ${operation}: that period is older than the bills Cost Explorer keeps (the last 13 months). Choose a more recent month.`, 'month');
  }
  return toAppError(err, `Cost Explorer ${operation}`);
}

/** An error from an AWS Budgets operation, explained (a refusal names the budgets: action needed). */
export function budgetsError(err: unknown, operation: string): AppError {
  if (err instanceof AppError) return err;
  if (isAwsError(err, 'accessDenied')) {
    const action = /^(Describe|View)/.test(operation) ? 'budgets:ViewBudget' : 'budgets:ModifyBudget';
    return new AppError(
      'AccessDenied',
      `The connected identity may not call AWS Budgets ${operation} (${errorName(err)}). Allow ${action} (and budgets:ViewBudget to list budgets) in its IAM policy, or connect with a profile that has them; Readiness lists every permission Onramp uses.`,
    );
  }
  return toAppError(err, `AWS Budgets ${operation}`);
}
