// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SetupWizard } from '../../../../renderer/src/features/setup-wizard/SetupWizard';
import { RunsProvider } from '../../../../renderer/src/components/runs';
import type { RunOf } from '../../../../shared/contract/runs';
import type { SessionInfo } from '../../../../shared/contract/session';
import type { CloudConfiguration, Plan, SetupInput } from '../../../../shared/contract/setup';
import { renderUi } from '../../helpers/dom';
import { createFakeApi, type FakeHandlers } from '../../helpers/fake-api';
import { runOf } from '../../helpers/runs';

type ApplyRun = RunOf<'setup-apply'>;

const SESSION: SessionInfo = {
  profile: 'default',
  account: '123456789012',
  arn: 'arn:aws:iam::123456789012:user/me',
  userId: 'AIDA',
  region: 'us-west-2',
  endpointUrl: null,
};
const INPUT: SetupInput = {
  name: 'analytics',
  region: 'us-west-2',
  bucketName: 'acme-bodo-state',
  tableName: 'bodo-lock',
  roleName: 'BodoPlatformUser',
  externalId: 'ext-123',
  platformAccountId: '481633624848',
};
const CONFIG: CloudConfiguration = {
  ...INPUT,
  tableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/bodo-lock',
  roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser',
};
const planOf = (action: 'create' | 'conflict'): Plan => ({
  steps: [
    { resource: 'bucket', name: INPUT.bucketName, action: 'create', detail: 'New bucket in us-west-2.' },
    { resource: 'table', name: INPUT.tableName, action: 'create', detail: 'New table.' },
    { resource: 'role', name: INPUT.roleName, action, detail: action === 'conflict' ? 'Role trusts account 999999999999.' : 'New role.' },
    { resource: 'policy', name: 'Bodo-Platform-User-Policy', action: 'create', detail: 'Inline policy.' },
  ],
  interrupted: [],
});

function start(handlers: FakeHandlers) {
  const fake = createFakeApi(handlers).install();
  renderUi(<SetupWizard session={SESSION} onGoConnect={() => undefined} />);
  return fake;
}

function fillForm(values: Partial<SetupInput> = INPUT) {
  const labels: Array<[keyof SetupInput, string]> = [
    ['name', 'Configuration name'],
    ['bucketName', 'S3 bucket name'],
    ['tableName', 'DynamoDB table name'],
    ['roleName', 'IAM role name'],
    ['externalId', 'External ID'],
    ['platformAccountId', 'Platform account ID'],
  ];
  for (const [key, label] of labels) {
    if (values[key] !== undefined) fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value: values[key] } });
  }
}

describe('SetupWizard', () => {
  it('validates as the user types and keeps Next disabled while invalid', () => {
    start({});
    const next = screen.getByRole('button', { name: 'Next: review plan' });
    expect(next).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'IAM role name' })).toHaveValue('BodoPlatformUser');
    expect(screen.getByRole('textbox', { name: 'Platform account ID' })).toHaveValue('481633624848');
    expect(screen.getByRole('combobox', { name: 'Region' })).toHaveValue('us-west-2');
    fireEvent.change(screen.getByRole('textbox', { name: 'S3 bucket name' }), { target: { value: 'Bad_Bucket' } });
    expect(screen.getByText(/S3 bucket name may only contain lowercase letters/)).toBeInTheDocument();
    fillForm({ ...INPUT, bucketName: 'Bad_Bucket' });
    expect(next).toBeDisabled();
    fillForm({ bucketName: INPUT.bucketName });
    expect(screen.queryByText(/S3 bucket name may only contain/)).not.toBeInTheDocument();
    expect(next).toBeEnabled();
  });

  it('says on the form, before the plan, that this account already uses the name for other resources', async () => {
    const existing = { ...CONFIG, bucketName: 'older-bucket', accountId: SESSION.account, profile: 'default', createdAt: '2026-01-01T00:00:00Z', verifiedAt: null };
    const elsewhere = { ...existing, name: 'other-account-name', accountId: '999999999999' };
    const fake = start({ 'configs:list': () => [existing, { ...elsewhere, name: 'shared' }], 'setup:plan': () => planOf('create') });
    await waitFor(() => expect(fake.requestsOn('configs:list')).toHaveLength(1));
    fillForm(INPUT);
    const name = screen.getByRole('textbox', { name: 'Configuration name' });
    expect(name).toHaveAccessibleDescription(/Configuration name "analytics" is already used in account 123456789012/);
    expect(screen.getByText(/bucket older-bucket, table bodo-lock in us-west-2/)).toBeInTheDocument();
    const next = screen.getByRole('button', { name: 'Next: review plan' });
    expect(next).toBeDisabled();
    // The same resources are the same configuration: re-applying it is fine.
    fillForm({ bucketName: 'older-bucket' });
    expect(screen.queryByText(/is already used in account/)).not.toBeInTheDocument();
    expect(next).toBeEnabled();
    // Another account's configuration of the same name does not take it here.
    fillForm({ name: 'shared', bucketName: INPUT.bucketName });
    expect(screen.queryByText(/is already used in account/)).not.toBeInTheDocument();
    expect(next).toBeEnabled();
    expect(fake.requestsOn('setup:plan')).toEqual([]);
  });

  it('generates an external ID', () => {
    start({});
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect((screen.getByRole('textbox', { name: 'External ID' }) as HTMLInputElement).value).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('refuses to apply a plan with a conflict and says why', async () => {
    const fake = start({ 'setup:plan': () => planOf('conflict') });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    const table = await screen.findByRole('table', { name: 'Plan' });
    expect(within(table).getAllByText('create')).toHaveLength(3);
    expect(within(table).getByText('conflict')).toBeInTheDocument();
    expect(within(table).getByText('Role trusts account 999999999999.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(screen.getByText('Cannot apply: the plan has conflicts')).toBeInTheDocument();
    // A sentence that starts with a capital and names the resource.
    expect(screen.getByRole('alert')).toHaveTextContent(/^Cannot apply: the plan has conflictsThe IAM role BodoPlatformUser already exists in a form Onramp will not change\. Go back/);
    // The role name may wrap only between its words.
    const name = within(table).getByText((_, el) => el?.tagName === 'CODE' && el.textContent === 'BodoPlatformUser');
    expect([...name.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent)).toEqual(['Bodo', 'Platform', 'User']);
    expect(fake.requestsOn('setup:plan')).toEqual([INPUT]);
  });

  it('a required field that was cleared says it is required, and keeps its example out of the way', () => {
    start({});
    const table = screen.getByRole('textbox', { name: 'DynamoDB table name' });
    fireEvent.change(table, { target: { value: 'bodo-lock' } });
    fireEvent.change(table, { target: { value: '' } });
    expect(table).toHaveAccessibleDescription(/DynamoDB table name is required\./);
    expect(screen.queryByText(/must be 3–255 characters long \(it is 0\)/)).toBeNull();
    expect(table).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the permissions on the exact names beside the plan, listing what each missing action blocks', async () => {
    const fake = start({
      'setup:plan': () => planOf('create'),
      'readiness:permissions': () => ({
        checked: true,
        missing: [{ action: 'iam:CreateRole', blocks: 'creating the role the platform assumes' }],
        note: null,
      }),
    });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    await screen.findByRole('table', { name: 'Plan' });
    const panel = await screen.findByRole('region', { name: /^Permissions for these names/ });
    expect(panel).toHaveTextContent('1 setup permission missing');
    expect(within(panel).getByRole('list', { name: 'Missing permissions' })).toHaveTextContent('iam:CreateRole — blocks creating the role the platform assumes');
    expect(fake.requestsOn('readiness:permissions')).toEqual([
      { region: INPUT.region, bucketName: INPUT.bucketName, tableName: INPUT.tableName, roleName: INPUT.roleName },
    ]);
    // A warning, not a block: simulation can be wrong (conditions, resource policies), and apply rolls back.
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
    // Refresh plan asks again, once.
    fireEvent.click(screen.getByRole('button', { name: 'Refresh plan' }));
    await waitFor(() => expect(fake.requestsOn('readiness:permissions')).toHaveLength(2));
  });

  it('says plainly when the permissions could not be simulated, and still allows apply', async () => {
    start({
      'setup:plan': () => planOf('create'),
      'readiness:permissions': () => ({ checked: false, missing: [], note: "IAM's policy simulation is not available at this endpoint (HTTP 500)." }),
    });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    const panel = await screen.findByRole('region', { name: /^Permissions for these names/ });
    expect(panel).toHaveTextContent('not checked');
    expect(panel).toHaveTextContent('not available at this endpoint (HTTP 500)');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeEnabled();
  });

  it('plans, creates with live progress, shows the result and verifies', async () => {
    let polls = 0;
    const running: ApplyRun = runOf('setup-apply', 'job-1', 'analytics', {
      steps: [
        { id: 'bucket', label: 'S3 bucket', state: 'done', detail: 'Created' },
        { id: 'table', label: 'DynamoDB table', state: 'running', detail: 'Waiting for ACTIVE' },
      ],
    });
    const fake = start({
      'setup:plan': () => planOf('create'),
      'setup:apply': () => ({ runId: 'job-1' }),
      'runs:progress': () =>
        ++polls < 2
          ? running
          : {
              ...running,
              state: 'succeeded',
              steps: [
                { id: 'bucket', label: 'S3 bucket', state: 'done', detail: 'Created' },
                { id: 'table', label: 'DynamoDB table', state: 'done', detail: 'ACTIVE' },
                { id: 'role', label: 'IAM role', state: 'done', detail: null },
                { id: 'policy', label: 'Inline policy', state: 'done', detail: null },
              ],
              result: CONFIG,
            },
      'setup:verify': () => ({
        ok: false,
        checks: [
          { id: 'bucket.exists', label: 'S3 bucket exists', resource: 'bucket', ok: true, detail: 'Bucket found in us-west-2.' },
          { id: 'role.trust', label: 'IAM role trusts the platform with your external ID', resource: 'role', ok: false, detail: 'Trust policy names another external ID.' },
        ],
      }),
    });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    await screen.findByRole('table', { name: 'Plan' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByLabelText('DynamoDB table: running')).toBeInTheDocument();
    const view = await screen.findByRole('button', { name: 'View result' }, { timeout: 3000 });
    expect(screen.getByLabelText('Inline policy: done')).toBeInTheDocument();
    expect(screen.getByText('Cloud Configuration created')).toBeInTheDocument();
    fireEvent.click(view);

    const result = await screen.findByRole('table', { name: 'Cloud Configuration' });
    expect(within(result).getByText(CONFIG.roleArn)).toBeInTheDocument();
    expect(within(result).getByText(CONFIG.tableArn)).toBeInTheDocument();
    for (const label of ['Name', 'S3 bucket', 'DynamoDB table', 'Role ARN', 'Region', 'Table ARN', 'Role name', 'External ID', 'Platform account ID']) {
      expect(within(result).getByRole('button', { name: `Copy ${label}` })).toBeInTheDocument();
    }
    expect(screen.getByRole('button', { name: 'Export JSON' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    const checks = await screen.findByRole('list', { name: 'Verification checks' });
    expect(within(checks).getByLabelText('S3 bucket exists: ok')).toBeInTheDocument();
    expect(within(checks).getByLabelText('IAM role trusts the platform with your external ID: failed')).toHaveTextContent('Trust policy names another external ID.');
    // Failures first.
    expect(within(checks).getAllByRole('listitem')[0]).toHaveAccessibleName('IAM role trusts the platform with your external ID: failed');
    expect(screen.getByText('1 of 2 checks failed')).toBeInTheDocument();
    expect(fake.requestsOn('setup:apply')).toEqual([INPUT]);
    expect(new Set(fake.requestsOn('runs:progress').map((r) => r.runId))).toEqual(new Set(['job-1']));
    expect(fake.requestsOn('setup:verify')).toEqual([{ name: 'analytics' }]);
  });

  it('shows a failed apply with its error and what was rolled back', async () => {
    start({
      'setup:plan': () => planOf('create'),
      'setup:apply': () => ({ runId: 'job-2' }),
      'runs:progress': ({ runId }) =>
        runOf('setup-apply', runId, 'analytics', {
          state: 'failed',
          steps: [
            { id: 'bucket', label: 'S3 bucket', state: 'undone', detail: 'Deleted again' },
            { id: 'role', label: 'IAM role', state: 'failed', detail: 'AccessDenied' },
          ],
          error: { code: 'AccessDenied', message: 'IAM CreateRole: AccessDenied: not authorized.' },
          rolledBack: ['bucket acme-bodo-state', 'table bodo-lock'],
        }),
    });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    await screen.findByRole('table', { name: 'Plan' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('IAM CreateRole: AccessDenied: not authorized.');
    const undone = within(alert).getByRole('list', { name: 'Rolled back resources' });
    expect(within(undone).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['bucket acme-bodo-state', 'table bodo-lock']);
    expect(screen.getByLabelText('IAM role: failed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to plan' })).toBeInTheDocument();
  });

  it('shows a plan error with what to do next', async () => {
    start({
      'setup:plan': () => {
        throw new Error('The IPC bridge broke.');
      },
    });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Restart Onramp'));
  });
});

describe('SetupWizard: cancel, keeping its place, notifying', () => {
  const job = (over: Partial<ApplyRun>): ApplyRun =>
    runOf('setup-apply', 'job-c', 'analytics', {
      steps: [
        { id: 'bucket', label: 'S3 bucket', state: 'done', detail: 'created in us-west-2' },
        { id: 'role', label: 'IAM role', state: 'running', detail: 'CreateRole' },
      ],
      ...over,
    });

  it('Cancel in the middle of apply asks main to stop, then shows what was undone and what is left to remove by hand', async () => {
    let cancelled = false;
    const show = vi.spyOn(notifications, 'show');
    const fake = start({
      'setup:plan': () => planOf('create'),
      'setup:apply': () => ({ runId: 'job-c' }),
      'runs:cancel': () => {
        cancelled = true;
        return { cancelled: true };
      },
      'runs:progress': () =>
        cancelled
          ? job({
              state: 'cancelled',
              steps: [
                { id: 'bucket', label: 'S3 bucket', state: 'undone', detail: 'deleted again by the rollback' },
                { id: 'role', label: 'IAM role', state: 'failed', detail: 'could not be undone: AccessDenied' },
              ],
              error: { code: 'Cancelled', message: 'Setup cancelled. Undid: bucket acme-bodo-state.' },
              rolledBack: ['bucket acme-bodo-state'],
              manual: [{ resource: 'role', name: 'BodoPlatformUser', reason: 'AccessDenied', command: 'aws iam delete-role --role-name BodoPlatformUser', console: 'https://console.aws.amazon.com/iam/home#/roles/details/BodoPlatformUser (Delete)' }],
            })
          : job({}),
    });
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    await screen.findByRole('table', { name: 'Plan' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(fake.requestsOn('runs:cancel')).toEqual([{ runId: 'job-c' }]);
    const left = await screen.findByRole('list', { name: 'Left to remove by hand' }, { timeout: 3000 });
    expect(left).toHaveTextContent('aws iam delete-role --role-name BodoPlatformUser');
    expect(screen.getByRole('button', { name: 'Copy command for role BodoPlatformUser' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Rolled back resources' })).getByText('bucket acme-bodo-state')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    await waitFor(() => expect(show).toHaveBeenCalledWith(expect.objectContaining({ title: 'Setup cancelled' })));
    show.mockRestore();
  });

  it('leaving the wizard and coming back shows the same run, and a notification says when it finished', async () => {
    let polls = 0;
    const show = vi.spyOn(notifications, 'show');
    const fake = createFakeApi({
      'setup:plan': () => planOf('create'),
      'setup:apply': () => ({ runId: 'job-c' }),
      'runs:progress': () => (++polls < 6 ? job({}) : job({ state: 'succeeded', result: CONFIG, steps: [{ id: 'role', label: 'IAM role', state: 'done', detail: CONFIG.roleArn }] })),
    }).install();
    function Shell() {
      const [onWizard, setOnWizard] = useState(true);
      return (
        <RunsProvider>
          <button type="button" onClick={() => setOnWizard((v) => !v)}>
            toggle screen
          </button>
          {onWizard ? <SetupWizard session={SESSION} onGoConnect={() => undefined} /> : <p>Another screen</p>}
        </RunsProvider>
      );
    }
    renderUi(<Shell />);
    fillForm();
    fireEvent.click(screen.getByRole('button', { name: 'Next: review plan' }));
    await screen.findByRole('table', { name: 'Plan' });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByLabelText('IAM role: running')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'toggle screen' }));
    expect(screen.getByText('Another screen')).toBeInTheDocument();
    // Finishes while another screen is shown: the notification says so.
    await waitFor(() => expect(show).toHaveBeenCalledWith(expect.objectContaining({ title: 'Setup finished' })), { timeout: 4000 });
    // Its text names the configuration, and its action opens the setup screen with the result.
    const shown = show.mock.calls.find(([n]) => n.title === 'Setup finished')![0];
    expect(JSON.stringify((shown.message as { props: unknown }).props)).toContain('Cloud Configuration analytics is in place.');
    expect(JSON.stringify((shown.message as { props: unknown }).props)).toContain('Show the result');
    fireEvent.click(screen.getByRole('button', { name: 'toggle screen' }));
    // Back: the same run's result, not an empty form; apply was sent once.
    expect(await screen.findByRole('button', { name: 'View result' })).toBeInTheDocument();
    expect(screen.getByLabelText('IAM role: done')).toBeInTheDocument();
    expect(fake.requestsOn('setup:apply')).toHaveLength(1);
    show.mockRestore();
  });

  it('lists interrupted runs with Finish and Undo; Undo starts a followed run', async () => {
    const fake = start({
      'setup:interrupted': () => ({
        runs: [{ runId: 'run-1', configuration: 'old', account: '123456789012', region: 'us-west-2', profile: 'default', startedAt: '2025-01-01T00:00:00Z', resources: [{ kind: 'bucket', name: 'old-bucket', state: 'created' }], input: { ...INPUT, name: 'old' } }],
        unreadable: [],
      }),
      'setup:resolve-interrupted': () => ({ runId: 'job-u' }),
      'runs:progress': () => runOf('setup-recover', 'job-u', 'old', { action: 'undo', steps: [{ id: 'rollback', label: 'Undo the interrupted run', state: 'running', detail: null }] }),
    });
    const region = await screen.findByRole('region', { name: 'Interrupted setup runs' });
    expect(region).toHaveTextContent('bucket old-bucket (created, not hardened yet)');
    fireEvent.click(within(region).getByRole('button', { name: 'Undo old' }));
    expect(await screen.findByLabelText('Undo the interrupted run: running')).toBeInTheDocument();
    expect(fake.requestsOn('setup:resolve-interrupted')).toEqual([{ runId: 'run-1', action: 'undo' }]);
  });
});
