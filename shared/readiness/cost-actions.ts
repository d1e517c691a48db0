import type { SetupAction } from './setup-actions';

/**
 * The IAM actions the cost features use (the Cost screen, `onramp cost`, budgets), with what each
 * blocks. None is needed for the setup, so a missing one never fails the readiness verdict; the
 * actions are those of the Service Authorization Reference for Cost Explorer and AWS Budgets
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscostexplorerservice.html,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsbudgetservice.html).
 */
export const COST_ACTIONS: readonly SetupAction[] = [
  { action: 'ce:GetCostAndUsage', blocks: 'the Cost screen and onramp cost (actual spend from Cost Explorer)' },
  { action: 'ce:GetCostForecast', blocks: "Cost Explorer's month-end forecast (Onramp then shows its own labelled estimate)" },
  { action: 'budgets:ViewBudget', blocks: 'listing budgets and checking one before it is created' },
  { action: 'budgets:ModifyBudget', blocks: 'creating and deleting budgets' },
  { action: 'sns:GetTopicAttributes', blocks: "reading a budget topic's access policy" },
  { action: 'sns:SetTopicAttributes', blocks: 'letting AWS Budgets publish to the SNS topic a budget notifies' },
];
