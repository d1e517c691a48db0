import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInvoker, createSessionHolder } from '../../../main/handlers';
import { ConfigurationStore } from '../../../main/core/store/configurations';
import { CHANNELS, type Channel, type RequestOf } from '../../../shared/contract';

// Every channel that talks to AWS answers NotConnected before any request when no profile is
// connected. The table is typed over every channel, so a new channel does not compile until it says
// here what it needs: a valid sample request, or why it works without a session.

const SETUP = {
  name: 'prod',
  region: 'us-east-1',
  bucketName: 'onramp-state-1',
  tableName: 'onramp-locks',
  roleName: 'BodoPlatformUser',
  externalId: 'ext-1234',
  platformAccountId: '481633624848',
} as const;
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';

type Sample = { [C in Channel]: { needsSession: true; request: RequestOf<C> } | { needsSession: false; why: string } };

const SAMPLES: Sample = {
  'runs:progress': { needsSession: false, why: 'reads a run kept in memory' },
  'runs:cancel': { needsSession: false, why: 'signals a run kept in memory' },
  'runs:list': { needsSession: false, why: 'lists the runs kept in memory' },
  'profiles:list': { needsSession: false, why: 'reads the local AWS files' },
  'session:connect': { needsSession: false, why: 'opens the session' },
  'session:current': { needsSession: false, why: 'answers null when not connected' },
  'session:disconnect': { needsSession: false, why: 'ends the session' },
  'session:connect-keys': { needsSession: false, why: 'opens the session' },
  'session:save-profile': { needsSession: true, request: { name: 'saved' } },
  'setup:plan': { needsSession: true, request: SETUP },
  'setup:apply': { needsSession: true, request: SETUP },
  'setup:verify': { needsSession: true, request: { name: 'prod' } },
  'setup:destroy': { needsSession: true, request: { name: 'prod', confirmation: 'prod' } },
  'setup:interrupted': { needsSession: false, why: 'reads the local journal' },
  'setup:resolve-interrupted': { needsSession: true, request: { runId: 'run-1', action: 'undo' } },
  'configs:list': { needsSession: false, why: 'reads the local store' },
  'configs:forget': { needsSession: false, why: 'edits the local store' },
  'usage:history': { needsSession: true, request: { region: 'us-east-1' } },
  'usage:classes': { needsSession: true, request: { region: 'us-east-1' } },
  'usage:quota': { needsSession: true, request: { region: 'us-east-1' } },
  'alarms:list': { needsSession: true, request: { region: 'us-east-1' } },
  'alarms:create': {
    needsSession: true,
    request: { config: { regions: ['us-east-1'], name: 'vcpu', metric: { kind: 'vcpu', usageClass: 'all' }, threshold: 10, topic: { kind: 'new', name: 'alerts', emails: ['ops@example.com'] } } },
  },
  'alarms:delete-plan': { needsSession: true, request: { regions: ['us-east-1'], name: 'vcpu' } },
  'alarms:delete': { needsSession: true, request: { regions: ['us-east-1'], name: 'vcpu' } },
  'alarms:test-notification': { needsSession: true, request: { region: 'us-east-1', name: 'vcpu' } },
  'topics:list': { needsSession: true, request: { region: 'us-east-1' } },
  'topics:lookup': { needsSession: true, request: { regions: ['us-east-1', 'us-west-2'], name: 'alerts' } },
  'topics:subscriptions': { needsSession: true, request: { region: 'us-east-1', topicArn: TOPIC } },
  'topics:resend': { needsSession: true, request: { region: 'us-east-1', topicArn: TOPIC, endpoint: 'ops@example.com' } },
  'dashboard:summary': { needsSession: true, request: { regions: ['us-east-1'] } },
  'usage:requests': { needsSession: false, why: 'reads the in-memory request log' },
  'cost:report': { needsSession: true, request: {} },
  'cost:refresh': { needsSession: true, request: {} },
  'budgets:list': { needsSession: true, request: {} },
  'budgets:create': { needsSession: true, request: { config: { name: 'platform-monthly', amount: '500', emails: ['ops@example.com'] } } },
  'budgets:delete': { needsSession: true, request: { name: 'platform-monthly' } },
  'readiness:check': { needsSession: true, request: {} },
  'readiness:permissions': { needsSession: true, request: { region: 'us-east-1', bucketName: 'onramp-state-1', tableName: 'onramp-locks', roleName: 'BodoPlatformUser' } },
  'export:document': { needsSession: false, why: 'renders a saved configuration locally' },
  'settings:get': { needsSession: false, why: 'reads local settings' },
  'settings:update': { needsSession: false, why: 'writes local settings' },
  'diagnostics:get': { needsSession: false, why: 'reports local state' },
  'sso:sign-in': { needsSession: false, why: 'signs a profile in before any session exists' },
  'sso:open-browser': { needsSession: false, why: 'reopens a sign-in page' },
  'platform:status': { needsSession: false, why: 'reads the local platform credential store and URLs' },
  'platform:save-credentials': { needsSession: false, why: 'talks to the Bodo Platform, not AWS' },
  'platform:forget-credentials': { needsSession: false, why: 'edits the local platform credential store' },
  'platform:register': { needsSession: false, why: 'registers saved values with the Bodo Platform; no AWS call' },
  'platform:list': { needsSession: false, why: 'reads the Bodo Platform and the local store; no AWS call' },
  'org:list': { needsSession: true, request: { region: 'us-east-1' } },
  'org:plan': { needsSession: true, request: { name: 'acme', region: 'us-east-1', bucketPattern: 'acme-{account}', tableName: 'locks', roleName: 'BodoPlatformUser', platformAccountId: '481633624848', targets: { ous: ['ou-ab12-cd34ef56'] } } },
  'org:apply': { needsSession: true, request: { name: 'acme', region: 'us-east-1', bucketPattern: 'acme-{account}', tableName: 'locks', roleName: 'BodoPlatformUser', platformAccountId: '481633624848', targets: { ous: ['ou-ab12-cd34ef56'] }, consentTrustedAccess: true } },
  'org:status': { needsSession: true, request: { name: 'acme', region: 'us-east-1' } },
  'org:destroy': { needsSession: true, request: { name: 'acme', region: 'us-east-1', confirmation: 'acme' } },
  'org:dashboard': { needsSession: true, request: { name: 'acme', region: 'us-east-1' } },
  'watch:status': { needsSession: false, why: 'reads the watcher kept in memory and the settings' },
  'watch:update': { needsSession: false, why: 'saves the watcher settings' },
  'watch:pause': { needsSession: false, why: 'pauses the watcher kept in memory' },
};

const needing = CHANNELS.filter((c) => SAMPLES[c].needsSession);

describe('without a connected session', () => {
  const dir = mkdtempSync(join(tmpdir(), 'onramp-not-connected-'));
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n');
  writeFileSync(join(dir, 'credentials'), '');
  const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), HOME: dir, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };
  const store = new ConfigurationStore(join(dir, 'data'));
  const invoke = createInvoker({ env, dataDir: join(dir, 'data'), store, session: createSessionHolder() });

  it('covers every AWS channel of the contract', () => {
    expect(needing.length).toBeGreaterThanOrEqual(16);
  });

  it.each(needing)('%s answers NotConnected', async (channel) => {
    // verify and destroy look up the saved configuration first: give them one.
    await store.save({ ...SETUP, tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/onramp-locks', roleArn: 'arn:aws:iam::123456789012:role/BodoPlatformUser', accountId: '123456789012', profile: 'default', createdAt: new Date(0).toISOString(), verifiedAt: null });
    const sample = SAMPLES[channel];
    if (!sample.needsSession) throw new Error('unreachable');
    expect(await invoke(channel, sample.request)).toMatchObject({ ok: false, error: { code: 'NotConnected' } });
  });
});
