import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { RequestLog } from '../../../main/core/aws/request-log';
import { fetchSeries } from '../../../main/core/monitoring/metrics';
import { contextForProfile } from '../../../main/core/profiles/session';
import { useMoto } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';

describe.skipIf(!HAS_MOTO)('RequestLog counts API calls at the client', () => {
  const moto = useMoto();

  it('counts each command once and the datapoints a GetMetricData asks for', async () => {
    const log = new RequestLog();
    const aws = await contextForProfile({ profile: 'default', region: 'us-east-1', env: moto.env(), requestLog: log });
    const cw = await aws.cloudwatch();
    await cw.send(new PutMetricDataCommand({ Namespace: 'Test', MetricData: [{ MetricName: 'm', Value: 1 }] }));
    const end = Date.UTC(2026, 10, 24, 12);
    await fetchSeries(aws, { region: 'us-east-1', metric: { kind: 'vcpu', usageClass: 'Standard/OnDemand' }, stat: 'Maximum', period: 300, start: end - 86_400_000, end });
    const snap = log.snapshot();
    expect(snap.byOperation).toEqual({ 'cloudwatch:GetMetricDataCommand': 1, 'cloudwatch:PutMetricDataCommand': 1 });
    expect(snap.cloudwatch).toEqual({ getMetricData: 1, metricsRequested: 1, datapointsRequested: 288, estimatedCostUsd: 0.00001 });
    log.reset();
    expect(log.snapshot().total).toBe(0);
  });
});
