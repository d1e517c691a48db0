/**
 * MFA in the CLI (issue 13 item 4): `--mfa-code` on every command that takes `--profile`, a prompt
 * on a terminal, and without one a clear exit 2 naming the flag — against moto, which accepts any
 * 6-digit code for AssumeRole with SerialNumber.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { cli } from '../../helpers/cli';
import { useMoto, useRequestCounter } from '../../helpers/fixtures';
import { HAS_MOTO } from '../../helpers/moto';

const MFA_PROFILE = [
  '[profile mfa]',
  'role_arn = arn:aws:iam::123456789012:role/cli-mfa',
  'source_profile = default',
  'mfa_serial = arn:aws:iam::123456789012:mfa/cli-user',
  'region = us-east-1',
].join('\n');

const SETUP = ['--region', 'us-east-1', '--name', 'mfa-plan', '--bucket', 'onramp-mfa-cli-state', '--table', 'onramp-mfa-cli-lock', '--external-id', 'ext-123'];

describe.skipIf(!HAS_MOTO)('--mfa-code against moto', () => {
  const counter = useRequestCounter({ upstream: useMoto() });
  let env: NodeJS.ProcessEnv;

  beforeAll(() => void (env = counter.env(MFA_PROFILE)));

  const assumeRoles = () => counter.requests.filter((r) => r.action === 'AssumeRole');

  it('whoami --mfa-code assumes the role with the code', async () => {
    const before = assumeRoles().length;
    const r = await cli(['whoami', '--profile', 'mfa', '--mfa-code', '123456', '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.json.arn).toContain('assumed-role/cli-mfa');
    const sent = assumeRoles().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('TokenCode=123456');
    expect(decodeURIComponent(sent[0]!.body)).toContain('SerialNumber=arn:aws:iam::123456789012:mfa/cli-user');
  });

  it('a pasted code with spaces around (or inside) is still the whole 6-digit code', async () => {
    const before = assumeRoles().length;
    const r = await cli(['whoami', '--profile', 'mfa', '--mfa-code', ' 123 456\n', '--json'], env);
    expect(r.code).toBe(0);
    expect(assumeRoles().slice(before)[0]!.body).toContain('TokenCode=123456');
  });

  it('without a terminal and without --mfa-code: exit 2 naming the flag, nothing sent', async () => {
    const before = counter.count;
    const r = await cli(['whoami', '--profile', 'mfa', '--json'], env);
    expect(r.code).toBe(2);
    expect(r.json.error).toMatchObject({ code: 'InvalidInput', field: '--mfa-code' });
    expect(r.json.error.message).toContain('pass --mfa-code 123456');
    expect(r.json.error.message).toContain('arn:aws:iam::123456789012:mfa/cli-user');
    expect(r.stderr).toContain('--mfa-code');
    expect(counter.count).toBe(before);
  });

  it.each([
    ['12345', 'The MFA code has 6 digits (5 entered).'],
    ['12a456', 'The MFA code has digits only.'],
  ])('an invalid --mfa-code %j exits 2 before any request', async (code, message) => {
    const before = counter.count;
    const r = await cli(['whoami', '--profile', 'mfa', '--mfa-code', code, '--json'], env);
    expect(r.code).toBe(2);
    expect(r.json.error).toEqual({ code: 'InvalidInput', message: `--mfa-code: ${message}`, field: '--mfa-code' });
    expect(counter.count).toBe(before);
  });

  it.each([
    ['setup plan', ['setup', 'plan', '--profile', 'mfa', ...SETUP]],
    ['doctor', ['doctor', '--profile', 'mfa', '--region', 'us-east-1']],
    ['alarms', ['alarms', '--profile', 'mfa', '--region', 'us-east-1']],
    ['usage', ['usage', '--profile', 'mfa', '--region', 'us-east-1', '--days', '1']],
  ])('%s takes --mfa-code too (and asks for it the same way)', async (_label, argv) => {
    const without = await cli([...argv, '--json'], env);
    expect(without.code).toBe(2);
    expect(without.json.error.field).toBe('--mfa-code');
    const before = assumeRoles().length;
    const r = await cli([...argv, '--mfa-code', '654321', '--json'], env);
    expect([0, 3]).toContain(r.code); // doctor exits 3 when moto lacks a quota API; never 2
    expect(r.json?.error?.code).not.toBe('MfaRequired');
    expect(assumeRoles().slice(before).length).toBe(1);
  });

  it('on a terminal it asks for the code once per command, trimming what was typed', async () => {
    const asked: string[] = [];
    const out = { stdout: '', stderr: '' };
    const code = await runCli(['whoami', '--profile', 'mfa', '--json'], {
      env,
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      terminal: {
        ask: async (question) => {
          asked.push(question);
          return ' 246810 ';
        },
      },
    });
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(asked).toEqual(['MFA code for arn:aws:iam::123456789012:mfa/cli-user: ']);
    expect(assumeRoles().at(-1)!.body).toContain('TokenCode=246810');
  });

  it('a wrong answer at the prompt is exit 2, not a request with a bad code', async () => {
    const before = counter.count;
    const out = { stdout: '', stderr: '' };
    const code = await runCli(['whoami', '--profile', 'mfa', '--json'], {
      env,
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      terminal: { ask: async () => '12' },
    });
    expect(code).toBe(2);
    expect(JSON.parse(out.stdout).error.message).toBe('MFA code: The MFA code has 6 digits (2 entered).');
    expect(counter.count).toBe(before);
  });
});
