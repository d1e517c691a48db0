import { describe, expect, it } from 'vitest';
import { version } from '../../../package.json';
import { COMMANDS } from '../../../main/cli/commands';
import { CREDENTIAL_FLAGS, createCliDeps } from '../../../main/cli/deps';
import { runCli } from '../../../main/cli/run';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { env: { PATH: process.env.PATH }, stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) },
  };
}

describe('onramp --help, --version and <command> --help', () => {
  it('--help lists every command and exits 0; --version prints the package version', async () => {
    const a = io();
    expect(await runCli(['--help'], a.io)).toBe(0);
    for (const words of Object.keys(COMMANDS)) expect(a.out.stdout).toContain(words);
    const b = io();
    expect(await runCli(['--version'], b.io)).toBe(0);
    expect(b.out.stdout.trim()).toBe(version);
  });

  it.each(Object.keys(COMMANDS))('"%s --help" prints every flag it accepts and exits 0', async (words) => {
    const a = io();
    expect(await runCli([...words.split(' '), '--help'], a.io)).toBe(0);
    const entry = COMMANDS[words]!;
    expect(a.out.stdout).toContain(`Usage: onramp ${words}`);
    for (const [flag, spec] of Object.entries(entry.flags)) {
      expect(a.out.stdout).toContain(`--${flag}`);
      expect(spec.description.length).toBeGreaterThan(5);
    }
    expect(a.out.stdout).toContain('--json');
  });

  it.each(Object.keys(COMMANDS))('"%s" really accepts each flag its help lists', async (words) => {
    const entry = COMMANDS[words]!;
    for (const [flag, spec] of Object.entries(entry.flags)) {
      const a = io();
      const args = spec.type === 'string' ? [`--${flag}`, 'x'] : [`--${flag}`];
      await entry.run(args, a.io, createCliDeps(a.io)).catch((err: Error) => {
        expect(err.message).not.toMatch(/Unknown option|unknown/i);
      });
    }
  });

  it.each(Object.keys(COMMANDS).filter((w) => 'profile' in COMMANDS[w]!.flags))('"%s" takes --profile, so it takes --mfa-code, from the one definition', (words) => {
    const flags = COMMANDS[words]!.flags;
    expect(flags['mfa-code']).toMatchObject({ type: 'string', value: 'CODE' });
    // Commands that connect use the composition root's flags unchanged (setup export only renders).
    if (flags.profile!.required) {
      expect(flags.profile).toEqual(CREDENTIAL_FLAGS.profile);
      expect(flags['mfa-code']).toEqual(CREDENTIAL_FLAGS['mfa-code']);
    }
  });

  it('every command that reaches AWS is among them', () => {
    const connecting = Object.keys(COMMANDS).filter((w) => 'profile' in COMMANDS[w]!.flags);
    for (const words of ['whoami', 'setup plan', 'setup apply', 'setup verify', 'setup destroy', 'doctor', 'usage', 'alarm backtest', 'alarm create', 'alarms', 'alarm delete', 'sso login']) {
      expect(connecting).toContain(words);
    }
  });

  it('profile add shows its NAME argument and never a secret flag', async () => {
    const a = io();
    expect(await runCli(['profile', 'add', '--help'], a.io)).toBe(0);
    expect(a.out.stdout).toMatch(/^Usage: onramp profile add NAME --access-key-id ID \[flags\]$/m);
    expect(a.out.stdout).toMatch(/Arguments:\n\s+NAME\s+Name of the new profile/);
    expect(Object.keys(COMMANDS['profile add']!.flags).some((f) => /secret|token/i.test(f))).toBe(false);
  });

  it('a command group without a subcommand lists its subcommands; with --help it exits 0', async () => {
    const a = io();
    expect(await runCli(['alarm', '--help'], a.io)).toBe(0);
    expect(a.out.stdout).toMatch(/alarm create/);
    expect(a.out.stdout).toMatch(/alarm backtest/);
    const b = io();
    expect(await runCli(['setup'], b.io)).toBe(2);
  });

  it('an unknown flag still exits 2 naming it, with or without --json', async () => {
    const a = io();
    expect(await runCli(['setup', 'plan', '--bogus-flag', 'x'], a.io)).toBe(2);
    expect(a.out.stderr).toContain('--bogus-flag');
    const b = io();
    expect(await runCli(['usage', '--nope', '--json'], b.io)).toBe(2);
    expect(JSON.parse(b.out.stdout).error.message).toContain('--nope');
  });
});
