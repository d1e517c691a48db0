// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationsScreen } from '../../../renderer/src/features/configurations/ConfigurationsScreen';
import { clearReadinessCache } from '../../../renderer/src/features/readiness/use-readiness';
import { SetupWizard } from '../../../renderer/src/features/setup-wizard/SetupWizard';
import type { SavedConfiguration } from '../../../shared/contract/setup';
import { renderUi } from '../helpers/dom';
import { createFakeApi, fail } from '../helpers/fake-api';
import { REPORT, SESSION, unknownVcpusRegion } from './fixtures';
import type { ReadinessReport } from '../../../shared/contract/readiness';
import { NO_PLATFORM_TOKEN } from '../helpers/platform-status';

beforeEach(() => clearReadinessCache());
afterEach(() => vi.restoreAllMocks());

describe('setup wizard region status', () => {
  it('shows each region’s readiness next to it and links to the readiness view', async () => {
    createFakeApi({ 'readiness:check': () => REPORT }).install();
    const onShowReadiness = vi.fn();
    renderUi(<SetupWizard session={{ ...SESSION, region: 'us-west-1' }} onGoConnect={() => undefined} onShowReadiness={onShowReadiness} />);
    expect(await screen.findByText("us-west-1: 1 problem for the platform's next workspace (limits).")).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: 'Region' }));
    const option = await screen.findByRole('option', { name: 'us-west-2' });
    expect(option).toHaveTextContent('ready');
    expect(screen.getByRole('option', { name: 'us-west-1' })).toHaveTextContent('1 problem');
    fireEvent.click(option);
    expect(await screen.findByText("us-west-2: ready for the platform's next workspace.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Account readiness' }));
    expect(onShowReadiness).toHaveBeenCalledTimes(1);
  });

  it('a region whose limits are unknown is not called ready: the picker and the status line say what to check', async () => {
    createFakeApi({ 'readiness:check': () => ({ ...REPORT, verdict: 'unknown' as const, regions: [unknownVcpusRegion('us-west-2')] }) }).install();
    renderUi(<SetupWizard session={SESSION} onGoConnect={() => undefined} onShowReadiness={() => undefined} />);
    expect(await screen.findByText(/^us-west-2: cannot tell whether the platform's next workspace fits/)).toBeInTheDocument();
    expect(screen.queryByText(/ready for the platform's next workspace/)).toBeNull();
    expect(screen.getByRole('button', { name: 'See what to check' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('combobox', { name: 'Region' }));
    expect(await screen.findByRole('option', { name: 'us-west-2' })).toHaveTextContent('limits unknown');
  });

  it('joins a check already running: leaving and coming back starts no second check and does not stay "Checking…"', async () => {
    let answer: ((r: ReadinessReport) => void) | null = null;
    const fake = createFakeApi({ 'readiness:check': () => new Promise<ReadinessReport>((resolve) => (answer ??= resolve)) }).install();
    const first = renderUi(<SetupWizard session={SESSION} onGoConnect={() => undefined} />);
    expect(await screen.findByText("Checking each region's limits…")).toBeInTheDocument();
    first.unmount();
    renderUi(<SetupWizard session={SESSION} onGoConnect={() => undefined} />);
    expect(await screen.findByText("Checking each region's limits…")).toBeInTheDocument();
    expect(fake.requestsOn('readiness:check')).toHaveLength(1);
    answer!(REPORT);
    expect(await screen.findByText("us-west-2: ready for the platform's next workspace.")).toBeInTheDocument();
    expect(screen.queryByText("Checking each region's limits…")).toBeNull();
    expect(fake.requestsOn('readiness:check')).toHaveLength(1);
  });

  it('does not block the form when the check fails', async () => {
    createFakeApi({ 'readiness:check': () => fail('AccessDenied', 'no') }).install();
    renderUi(<SetupWizard session={SESSION} onGoConnect={() => undefined} />);
    expect(await screen.findByText('Region limits could not be checked; you can still continue.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Region' })).toBeEnabled();
  });

  it('opens "What the platform will create" from the wizard', async () => {
    createFakeApi({ 'readiness:check': () => REPORT }).install();
    const onShowReadiness = vi.fn();
    renderUi(<SetupWizard session={SESSION} onGoConnect={() => undefined} onShowReadiness={onShowReadiness} />);
    fireEvent.click(screen.getByRole('button', { name: 'What the platform will create' }));
    const dialog = await screen.findByRole('dialog', { name: 'What the platform will create' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show the VPCs limit' }));
    expect(onShowReadiness).toHaveBeenCalledTimes(1);
  });
});

const SAVED: SavedConfiguration = {
  name: 'prod',
  region: 'us-east-1',
  bucketName: 'prod-bucket',
  tableName: 'prod-table',
  tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/prod-table',
  roleName: 'BodoPlatformUser',
  roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
  externalId: 'x1',
  platformAccountId: '481633624848',
  accountId: '123456789012',
  profile: 'default',
  createdAt: '2025-01-01T00:00:00Z',
  verifiedAt: null,
};

describe('export from the configurations list', () => {
  function start() {
    return createFakeApi({
      'configs:list': () => [SAVED],
      'export:document': ({ format }) => ({
        format,
        filename: format === 'terraform' ? 'prod.tf' : format === 'cli' ? 'prod.sh' : 'prod.yaml',
        mimeType: 'text/plain',
        content: `# ${format} document`,
      }),
    }).install();
  }

  it('downloads a Terraform configuration as a file', async () => {
    const fake = start();
    const created = vi.fn((_b: Blob) => 'blob:test');
    URL.createObjectURL = created as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => undefined;
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    renderUi(<ConfigurationsScreen onNewSetup={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export prod' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Download Terraform configuration' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(fake.requestsOn('export:document')).toEqual([{ name: 'prod', accountId: '123456789012', format: 'terraform' }]);
    expect(clicks[0].download).toBe('prod.tf');
    expect(await (created.mock.calls[0][0] as Blob).text()).toBe('# terraform document');
    expect(screen.getByRole('status')).toHaveTextContent('Saved Terraform configuration as prod.tf.');
  });

  it('copies the CloudFormation template to the clipboard', async () => {
    const fake = start();
    const writeText = vi.fn(async (_t: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderUi(<ConfigurationsScreen onNewSetup={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export prod' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Copy CloudFormation template' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('# cloudformation document'));
    expect(fake.requestsOn('export:document')).toEqual([{ name: 'prod', accountId: '123456789012', format: 'cloudformation' }]);
    expect(await screen.findByRole('status')).toHaveTextContent('Copied the CloudFormation template to the clipboard.');
  });

  it('says what failed and what to do next when an export fails', async () => {
    createFakeApi({
      'configs:list': () => [SAVED],
      'export:document': () => fail('NotFound', 'No saved configuration named "prod".'),
      'platform:status': () => NO_PLATFORM_TOKEN,
    }).install();
    renderUi(<ConfigurationsScreen onNewSetup={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export prod' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Download AWS CLI script' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Export failed: No saved configuration named "prod"\. \S/);
  });
});
