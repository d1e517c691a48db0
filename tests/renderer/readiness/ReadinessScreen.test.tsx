// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadinessScreen } from '../../../renderer/src/features/readiness/ReadinessScreen';
import { clearReadinessCache } from '../../../renderer/src/features/readiness/use-readiness';
import type { ReadinessReport } from '../../../shared/contract/readiness';
import { PLATFORM_CHARGES_NOTE, PLATFORM_RESOURCES, quotaConsoleUrl } from '../../../shared/readiness';
import { renderUi } from '../helpers/dom';
import { createFakeApi, fail } from '../helpers/fake-api';
import { REPORT, SESSION, unknownVcpusRegion } from './fixtures';

function start(report: (r: { workspaceVcpus?: number }) => ReadinessReport = () => REPORT, session = SESSION) {
  const fake = createFakeApi({ 'readiness:check': report }).install();
  const onGoConnect = vi.fn();
  renderUi(<ReadinessScreen session={session} onGoConnect={onGoConnect} />);
  return { fake, onGoConnect };
}

beforeEach(() => clearReadinessCache());

describe('ReadinessScreen', () => {
  it('one verdict for the summary and the cards: with every vCPU quota unknown it never says "room", it says what to check', async () => {
    const regions = (['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'] as const).map(unknownVcpusRegion);
    start(() => ({ ...REPORT, verdict: 'unknown', regions }));
    await screen.findByRole('table', { name: 'Limits in us-west-2' });
    const summary = within(screen.getByLabelText('Checked identity')).getByRole('status');
    expect(summary).toHaveTextContent(/^Cannot tell for us-east-1, us-east-2, us-west-1 and us-west-2: Service Quotas did not give "Running On-Demand Standard/);
    expect(summary).toHaveTextContent(/check that quota \(below\)/);
    expect(summary.textContent).not.toMatch(/room for a workspace/);
    expect(within(screen.getByLabelText('Checked identity')).getByText('Limits unknown')).toBeInTheDocument();
    for (const r of ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']) {
      const card = screen.getByRole('region', { name: r });
      expect(within(card).getByText('Limits unknown')).toBeInTheDocument();
      expect(within(card).queryByText(/^Ready/)).toBeNull();
    }
  });


  it('shows the identity, says plainly that simulation was unavailable, and lists limits per region', async () => {
    const { fake } = start();
    const west1 = await screen.findByRole('table', { name: 'Limits in us-west-1' });
    expect(fake.requestsOn('readiness:check')).toEqual([{}]);
    expect(screen.getByLabelText('Checked identity')).toHaveTextContent('arn:aws:iam::123456789012:user/me');
    expect(screen.getByText(/^Simulation unavailable: IAM policy simulation is not available at this endpoint \(HTTP 500\)\./)).toBeInTheDocument();
    for (const r of ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']) {
      expect(screen.getByRole('table', { name: `Limits in ${r}` })).toBeInTheDocument();
    }
    const vpcRow = within(west1).getByRole('rowheader', { name: 'VPCs' }).closest('tr')!;
    expect(within(vpcRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '5', 'account']);
    const eipRow = within(west1).getByRole('rowheader', { name: 'Elastic IPs' }).closest('tr')!;
    expect(within(eipRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '5', 'AWS default']);
    expect(within(west1).getByRole('rowheader', { name: 'NAT gateways' })).toBeInTheDocument();
    expect(within(west1).getByRole('rowheader', { name: 'Standard On-Demand vCPUs' })).toBeInTheDocument();
  });

  it('shows the Standard Spot vCPUs in every card, as informational: a Spot shortfall leaves the card ready', async () => {
    const { region } = await import('./fixtures');
    const short = region('us-east-1', {
      spotVcpus: {
        used: 4,
        limit: 4,
        source: 'account',
        quotaReason: null,
        note: `Standard Spot vCPUs: informational, it matters only when clusters use Spot instances and never changes the verdict. 4 in use of 4. A workspace of 8 vCPUs on Spot instances would not fit (0 free): request a higher quota at ${quotaConsoleUrl('us-east-1', 'spotVcpus')} if its clusters use Spot.`,
      },
    });
    start(() => ({ ...REPORT, verdict: 'ready', regions: [short, region('us-west-2')] }));
    const east = await screen.findByRole('table', { name: 'Limits in us-east-1' });
    const spotRow = within(east).getByRole('rowheader', { name: 'Standard Spot vCPUs' }).closest('tr')!;
    expect(within(spotRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', '4', 'account']);
    const card = screen.getByRole('region', { name: 'us-east-1' });
    expect(within(card).getByText('Ready')).toBeInTheDocument();
    const note = within(card).getByLabelText('Standard Spot vCPUs in us-east-1');
    expect(note).toHaveTextContent(
      /^Standard Spot vCPUs are informational: they matter only when clusters use Spot instances and never change this verdict\. A workspace of 8 vCPUs on Spot would not fit \(0 free\); if its clusters use Spot, request more at Service Quotas/,
    );
    expect(within(note).getByRole('link', { name: /Service Quotas: All Standard \(A, C, D, H, I, M, R, T, Z\) Spot Instance Requests in us-east-1/ })).toHaveAttribute(
      'href',
      'https://console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-34B43A08?region=us-east-1',
    );
    const west2 = screen.getByRole('table', { name: 'Limits in us-west-2' });
    const defaultRow = within(west2).getByRole('rowheader', { name: 'Standard Spot vCPUs' }).closest('tr')!;
    expect(within(defaultRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '5', 'AWS default']);
    // 5 free at AWS's default is not enough for 8: said so, "at AWS's default".
    expect(screen.getByLabelText('Standard Spot vCPUs in us-west-2')).toHaveTextContent(/would not fit \(5 free at AWS's default\)/);
    // Not an unknown limit: the shared "could not be read" notice names only the quotas that decide the verdict.
    expect(screen.getByRole('note', { name: 'Some limits could not be read' })).not.toHaveTextContent(/Spot/);
  });

  it('a report without Spot figures (an older main process) still draws its cards', async () => {
    const { region } = await import('./fixtures');
    const { spotVcpus: _omit, ...older } = region('us-east-1');
    start(() => ({ ...REPORT, regions: [older] }));
    const east = await screen.findByRole('table', { name: 'Limits in us-east-1' });
    const spotRow = within(east).getByRole('rowheader', { name: 'Standard Spot vCPUs' }).closest('tr')!;
    expect(within(spotRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['?', '—', 'not read']);
    expect(screen.queryByLabelText('Standard Spot vCPUs in us-east-1')).toBeNull();
  });

  it('lists a flagged region’s problems with links to the Service Quotas console', async () => {
    start();
    const problems = await screen.findByRole('list', { name: 'Problems in us-west-1' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(1);
    const link = within(problems).getByRole('link', { name: /Service Quotas: VPCs per Region in us-west-1/ });
    expect(link).toHaveAttribute('href', 'https://console.aws.amazon.com/servicequotas/home/services/vpc/quotas/L-F678F1CE?region=us-west-1');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noreferrer');
    expect(problems).toHaveTextContent(/or choose another region\./);
    expect(screen.queryByRole('list', { name: 'Problems in us-east-1' })).toBeNull();
  });

  it('an unreadable quota is explained once for every region, with a console link per region and one CLI command', async () => {
    start();
    const notice = await screen.findByRole('note', { name: 'Some limits could not be read' });
    // All four regions lack the Elastic IP quota: the explanation is said once, not four times.
    expect(screen.getAllByText(/this account.s own quota may be higher/)).toHaveLength(1);
    expect(notice).toHaveTextContent(/EC2-VPC Elastic IPs — unknown in us-east-1, us-east-2, us-west-1, us-west-2 \(Service Quotas answered: NoSuchResourceException\)\. Default: 5\./);
    expect(notice).toHaveTextContent(/At the default there would be no room in us-west-1\./);
    for (const r of ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']) {
      expect(within(notice).getByRole('link', { name: `Service Quotas: EC2-VPC Elastic IPs in ${r}` })).toHaveAttribute(
        'href',
        `https://console.aws.amazon.com/servicequotas/home/services/ec2/quotas/L-0263D0A3?region=${r}`,
      );
    }
    expect(within(notice).getAllByLabelText('AWS CLI command for EC2-VPC Elastic IPs')).toHaveLength(1);
    expect(notice).toHaveTextContent('aws service-quotas get-service-quota --service-code ec2 --quota-code L-0263D0A3 --region <region>');
    // A card adds a short line only where the default alone leaves no room; the table marks every default.
    expect(await screen.findByRole('list', { name: 'Unknown limits in us-west-1' })).toHaveTextContent(
      "Elastic IPs: at AWS's default of 5 there is no room here (5 in use); this account's own quota is unknown and may be higher.",
    );
    expect(screen.queryByRole('list', { name: 'Unknown limits in us-east-1' })).toBeNull();
  });

  it('shows no unknown-limits notice when every quota was read', async () => {
    const { region } = await import('./fixtures');
    const read = { elasticIps: { used: 0, limit: 5, source: 'account' as const }, warnings: [], unknownQuotas: [] };
    start(() => ({ ...REPORT, regions: [region('us-east-1', read), region('us-west-2', read)] }));
    await screen.findByRole('table', { name: 'Limits in us-east-1' });
    expect(screen.queryByRole('note', { name: 'Some limits could not be read' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Unknown limits in us-east-1' })).toBeNull();
  });

  it('lists missing permissions with what each blocks', async () => {
    start(() => ({
      ...REPORT,
      permissions: { checked: true, missing: [{ action: 'iam:CreateRole', blocks: 'creating the role the platform assumes' }], note: null },
    }));
    const list = await screen.findByRole('list', { name: 'Missing permissions' });
    expect(list).toHaveTextContent('iam:CreateRole — blocks creating the role the platform assumes');
  });

  it('lists the cost features\' missing permissions apart, as not needed for the setup', async () => {
    start(() => ({
      ...REPORT,
      permissions: { checked: true, missing: [], note: null },
      costPermissions: { checked: true, missing: [{ action: 'ce:GetCostAndUsage', blocks: 'the Cost screen and onramp cost (actual spend from Cost Explorer)' }], note: null },
    }));
    const panel = await screen.findByRole('region', { name: 'Cost permissions' });
    expect(panel).toHaveTextContent('Permissions for the Cost screen and budgets (1 missing)');
    expect(panel).toHaveTextContent('Not needed for the setup');
    expect(within(panel).getByRole('list', { name: 'Missing cost permissions' })).toHaveTextContent('ce:GetCostAndUsage — the Cost screen and onramp cost');
    expect(screen.queryByRole('list', { name: 'Missing permissions' })).toBeNull();
  });

  it('checks again for the workspace size the user enters', async () => {
    const { fake } = start(({ workspaceVcpus }) => ({ ...REPORT, workspaceVcpus: workspaceVcpus ?? 8 }));
    await screen.findByRole('table', { name: 'Limits in us-west-1' });
    const input = screen.getByRole('textbox', { name: 'Workspace vCPUs' });
    fireEvent.change(input, { target: { value: '16' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(fake.requestsOn('readiness:check')).toEqual([{}, { workspaceVcpus: 16 }]));
    await screen.findByText(/Workspace size: 16 vCPUs\./);
  });

  it('shows a failed check as an error', async () => {
    start(() => fail('AccessDenied', 'Not allowed to call sts:GetCallerIdentity.'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not allowed to call sts:GetCallerIdentity.');
  });

  it('asks to connect first when there is no session', () => {
    const fake = createFakeApi({ 'readiness:check': () => REPORT }).install();
    const onGoConnect = vi.fn();
    renderUi(<ReadinessScreen session={null} onGoConnect={onGoConnect} />);
    fireEvent.click(screen.getByRole('button', { name: 'Go to Connect' }));
    expect(onGoConnect).toHaveBeenCalled();
    expect(fake.calls).toEqual([]);
  });

  it('lists what the platform will create, the charges note, and links each to its limit', async () => {
    start();
    await screen.findByRole('table', { name: 'Limits in us-west-1' });
    fireEvent.click(screen.getByRole('tab', { name: 'What the platform will create' }));
    const list = screen.getByRole('list', { name: 'Resources the platform creates' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(PLATFORM_RESOURCES.length);
    expect(screen.getByText(PLATFORM_CHARGES_NOTE)).toBeInTheDocument();
    fireEvent.click(within(list).getByRole('button', { name: 'Show the Elastic IPs limit' }));
    const table = await screen.findByRole('table', { name: 'Limits in us-east-1' });
    await waitFor(() => expect(document.activeElement).toBe(within(table).getByRole('rowheader', { name: 'Elastic IPs' })));
  });
});
