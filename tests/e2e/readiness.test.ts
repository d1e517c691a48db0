/**
 * End to end: the readiness view in headless Chromium over the real handlers and a real moto server
 * whose us-west-1 is full (4 extra VPCs beside the default one, 5 Elastic IPs). moto has no EC2
 * quotas and no policy simulation, so Elastic IP and vCPU limits are AWS defaults and the preflight
 * says simulation was unavailable. Screenshots under test-results/e2e/readiness-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsTestEnv, HAS_MOTO, type Moto } from '../helpers/moto';
import { sharedMoto } from '../helpers/shared-moto';
import { fillRegion } from '../main/readiness/fixtures';
import { HAS_CHROMIUM, startHarness, type Harness } from './harness';
import { ConnectPage } from './pages/connect';
import { focusedId } from './pages/in-page';
import { ReadinessPage } from './pages/readiness';

const SKIP = !HAS_CHROMIUM || !HAS_MOTO;
if (SKIP) console.warn('[e2e readiness] skipped: needs /usr/bin/chromium and moto_server on PATH.');

describe.skipIf(SKIP)('readiness view end to end (Chromium + real handlers + moto)', () => {
  let moto: Moto;
  let h: Harness;
  let readiness: ReadinessPage;

  beforeAll(async () => {
    moto = await sharedMoto();
    await fillRegion(moto.url, 'us-west-1', 4, 5);
    h = await startHarness(awsTestEnv(moto));
    readiness = new ReadinessPage(h.page);
    const connect = new ConnectPage(h.page);
    await connect.connect('default');
    await connect.connectedIdentity.waitFor({ state: 'visible' });
  });

  afterAll(async () => {
    await h?.close();
    await moto?.stop();
  });

  it('shows the identity, the unavailable simulation, and the counts with their limit sources', async () => {
    await readiness.open();
    await readiness.limits('us-west-1').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await readiness.identity.innerText()).toContain('123456789012');
    expect(await h.page.getByText(/^Simulation unavailable: /).innerText()).toMatch(/policy simulation is not available/);
    expect(await readiness.figure('us-west-1', 'VPCs').allTextContents()).toEqual(['5', '5', 'account']);
    expect(await readiness.figure('us-west-1', 'Elastic IPs').allTextContents()).toEqual(['5', '5', 'AWS default']);
    expect(await readiness.figure('us-west-1', 'Standard On-Demand vCPUs').allTextContents()).toEqual(['0', '5', 'AWS default']);
    // The Standard Spot vCPUs: moto gives no ec2 quota, so AWS's default; informational, said under the table.
    expect(await readiness.figure('us-west-1', 'Standard Spot vCPUs').allTextContents()).toEqual(['0', '5', 'AWS default']);
    expect(await h.page.getByLabel('Standard Spot vCPUs in us-east-1').innerText()).toMatch(/^Standard Spot vCPUs are informational: they matter only when clusters use Spot instances and never change this verdict\. A workspace of 8 vCPUs on Spot would not fit \(5 free at AWS's default\)/);
    expect(await readiness.figure('us-east-1', 'VPCs').allTextContents()).toEqual(['1', '5', 'account']);
    expect((await readiness.figure('us-east-1', 'NAT gateways').allTextContents())[0]).toBe('0');
    await h.screenshot('readiness-01-limits');
  });

  it('flags the full region with what to do and a Service Quotas link the app may open', async () => {
    const problems = readiness.problems('us-west-1');
    const text = await problems.innerText();
    expect(text).toMatch(/No VPC left in us-west-1/);
    // moto has no EC2 quotas: the Elastic IP limit is unknown, a warning with the default and how to check, not a problem
    expect(text).not.toMatch(/Elastic IP/);
    // The explanation is said once for the four regions (moto answers no EC2 quota anywhere), with a link per region.
    const notice = readiness.unknownLimitsNotice;
    expect(await notice.count()).toBe(1);
    const explained = await notice.innerText();
    expect(explained).toMatch(/EC2-VPC Elastic IPs\s+— unknown in us-east-1, us-east-2, us-west-1, us-west-2/);
    expect(explained).toMatch(/aws service-quotas get-service-quota --service-code ec2 --quota-code L-0263D0A3 --region <region>/);
    expect(await h.page.getByText(/this account.s own quota may be higher/).count()).toBe(1);
    expect(await notice.getByRole('link', { name: 'Service Quotas: EC2-VPC Elastic IPs in us-west-1' }).getAttribute('href')).toBe(
      'https://console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-0263D0A3?region=us-west-1',
    );
    // A region says in a line where the default alone leaves no room: the full region's Elastic IPs
    // (5 of 5) and, for an 8-vCPU workspace, every region's vCPUs (default 5); nothing else.
    expect(await readiness.unknownLimits('us-west-1').getByRole('listitem').allInnerTexts()).toEqual([
      "Elastic IPs: at AWS's default of 5 there is no room here (5 in use); this account's own quota is unknown and may be higher.",
      "Standard On-Demand vCPUs: at AWS's default of 5 there is no room here (0 in use); this account's own quota is unknown and may be higher.",
    ]);
    expect(await readiness.unknownLimits('us-east-1').getByRole('listitem').allInnerTexts()).toEqual([
      "Standard On-Demand vCPUs: at AWS's default of 5 there is no room here (0 in use); this account's own quota is unknown and may be higher.",
    ]);
    // AWS's default of 5 vCPUs leaves no room for 8, and the account's own quota is unknown: not "ready".
    expect(await readiness.region('us-east-1').textContent()).toContain('Limits unknown');
    expect(await readiness.region('us-east-1').textContent()).not.toContain('Ready');
    const summary = await h.page.getByLabel('Checked identity').getByRole('status').innerText();
    expect(summary).toMatch(/^Cannot tell for us-east-1, us-east-2 and us-west-2: Service Quotas did not give "Running On-Demand Standard .*check that quota \(below\)\. Needs attention: us-west-1\./);
    expect(summary).not.toMatch(/room for a workspace/);
    const link = problems.getByRole('link', { name: /Service Quotas: VPCs per Region in us-west-1/ });
    expect(await link.getAttribute('href')).toBe('https://console.aws.amazon.com/servicequotas/home/services/vpc/quotas/L-F678F1CE?region=us-west-1');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noreferrer');
  });

  it('re-checks for a smaller workspace: only the full region stays flagged', async () => {
    await readiness.workspaceVcpus.fill('4');
    await readiness.checkAgain.click();
    await h.page.getByText(/Workspace size: 4 vCPUs\./).waitFor({ state: 'visible', timeout: 60_000 });
    await h.page.getByText('us-east-1, us-east-2 and us-west-2 have room for a workspace. Needs attention: us-west-1. Permissions were not checked in advance.').waitFor({ state: 'visible' });
    for (const r of ['us-east-1', 'us-east-2', 'us-west-2']) {
      expect(await readiness.problems(r).count()).toBe(0);
      expect(await readiness.region(r).textContent()).toContain('Ready');
    }
    expect(await readiness.region('us-west-1').textContent()).toContain('Needs attention');
    await h.screenshot('readiness-02-workspace-4');
    const sent = h.ipc.filter((r) => r.channel === 'readiness:check').map((r) => r.request);
    expect(sent).toEqual(['{}', '{"workspaceVcpus":4}']);
  });

  it('lists what the platform will create and links a resource to its limit', async () => {
    await readiness.tab('What the platform will create').click();
    await readiness.platformResources.waitFor({ state: 'visible' });
    expect(await readiness.platformResources.getByRole('listitem').count()).toBe(9);
    await h.screenshot('readiness-03-platform-resources');
    await readiness.platformResources.getByRole('button', { name: 'Show the Elastic IPs limit' }).click();
    await readiness.limits('us-east-1').waitFor({ state: 'visible' });
    const focused = await h.page.evaluate(focusedId);
    expect(focused).toBe('limit-us-east-1-elasticIps');
  });

  it('shows each region’s status in the setup wizard’s region picker', async () => {
    await h.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'New setup' }).click();
    await h.page.getByRole('combobox', { name: 'Region' }).click();
    const west1 = h.page.getByRole('option', { name: 'us-west-1', exact: true });
    await west1.waitFor({ state: 'visible' });
    expect(await west1.textContent()).toMatch(/1 problem/);
    expect(await h.page.getByRole('option', { name: 'us-east-1', exact: true }).textContent()).toMatch(/ready/);
    await h.screenshot('readiness-04-wizard-regions');
    await west1.click();
    await h.page.getByText("us-west-1: 1 problem for the platform's next workspace (limits).").waitFor({ state: 'visible' });
    // The wizard reused the report of the readiness view: no further check was sent.
    expect(h.ipc.filter((r) => r.channel === 'readiness:check')).toHaveLength(2);
    expect(h.pageErrors.filter((e) => !/frame-ancestors/.test(e))).toEqual([]);
  });
});
