/** The cost core: actual spend from Cost Explorer (cached in the data folder), the month-end forecast, and AWS Budgets. */
export { costReport, cachedCostReport, monthToDate, planOrRefuse, type CostDeps, type CostReportOptions, type MonthToDate } from './service';
export { CostCache } from './cache';
export { plannedRequests, MARKETPLACE, type ReadControl } from './explorer';
export { listBudgets, createBudget, deleteBudget, BudgetRunError, type BudgetDeps } from './budgets';
export { BudgetRecords } from './budget-records';
export { BUDGETS_STATEMENT_SID } from './budget-topic';
export { withSteps } from './run-steps';
