import type { OrgDashboard, OrgPlan, OrgStatus } from '../../../../shared/contract/org';

const names = (id: string) => ({
  bucket: `acme-bodo-${id}`,
  table: 'acme-bodo-locks',
  roleName: 'BodoPlatformUser',
  roleArn: `arn:aws:iam::${id}:role/BodoPlatformUser`,
  externalId: `base-${id}`,
  monitoringRoleArn: `arn:aws:iam::${id}:role/onramp-acme-monitor`,
  platformName: `acme-${id}`,
});

/** A plan over prod: one account to deploy, one skipped (already set up), one conflict (when asked). */
export function samplePlan(over: Partial<OrgPlan> = {}, conflict = false): OrgPlan {
  return {
    adminAccount: '123456789012',
    managementAccount: '123456789012',
    organizationId: 'o-abc',
    region: 'us-east-2',
    trustedAccess: 'ENABLED',
    trustedAccessHelp: null,
    stackSet: { name: 'onramp-acme', exists: false, action: 'create', autoDeploy: false, callAs: 'SELF' },
    accounts: [
      { accountId: '111111111111', accountName: 'prod-1', path: 'prod', action: 'deploy', reason: 'new stack instance', names: names('111111111111'), existing: { checked: true, detail: 'none of the names is taken', steps: [] } },
      { accountId: '222222222222', accountName: 'prod-2', path: 'prod', action: 'skip', reason: 'role HandMade already trusts the Bodo Platform', names: names('222222222222'), existing: { checked: true, detail: 'x', steps: [] } },
      ...(conflict ? [{ accountId: '333333333333', accountName: 'prod-3', path: 'prod', action: 'conflict' as const, reason: 'bucket taken', names: names('333333333333'), existing: { checked: true, detail: 'bucket taken', steps: [] } }] : []),
    ],
    notes: [],
    ...over,
  };
}

/** A dashboard: one account read, one whose monitoring role could not be assumed. */
export const DASHBOARD: OrgDashboard = {
  generatedAt: 0,
  stackSet: 'onramp-acme',
  accounts: [
    {
      ok: true,
      accountId: '111111111111',
      accountName: 'prod-1',
      summary: {
        generatedAt: 0,
        regions: [
          {
            region: 'us-east-2',
            ok: true,
            usageClass: 'Standard/OnDemand',
            current: 12,
            currentAt: 0,
            peak24h: 40,
            series: [],
            quota: 256,
            quotaNote: null,
            headroom: 244,
            classes: [],
            alarms: [
              { alarmName: 'a', state: 'ALARM', threshold: 10, period: 300, evaluationPeriods: 1, datapointsToAlarm: 1, topicArns: [], notifyOn: ['alarm'], metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' } },
              { alarmName: 'b', state: 'OK', threshold: 100, period: 300, evaluationPeriods: 1, datapointsToAlarm: 1, topicArns: [], notifyOn: ['alarm'], metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' } },
            ],
          },
        ],
      },
    },
    { ok: false, accountId: '222222222222', accountName: 'prod-2', error: { code: 'AccessDenied', message: 'STS AssumeRole arn:aws:iam::222222222222:role/onramp-acme-monitor: AccessDenied' } },
  ],
} as unknown as OrgDashboard;

/** A status: one account fine and registered, one failed and drifted. */
export const STATUS: OrgStatus = {
  stackSet: { name: 'onramp-acme', region: 'us-east-2', autoDeploy: false, status: 'ACTIVE' },
  accounts: [
    { accountId: '111111111111', region: 'us-east-2', instanceStatus: 'CURRENT', detailedStatus: 'SUCCEEDED', reason: null, names: names('111111111111'), drift: 'IN_SYNC', verify: null, registration: { state: 'registered', detail: 'registered as u-1 (ACTIVE)', result: null } },
    { accountId: '222222222222', region: 'us-east-2', instanceStatus: 'OUTDATED', detailedStatus: 'FAILED', reason: 'bucket exists', names: names('222222222222'), drift: 'DRIFTED', verify: null, registration: { state: 'not-registered', detail: 'no entry', result: null } },
  ],
  notes: [],
};
