/**
 * Refusals name the flag the user actually gave, and out-of-range numbers say "too large" or "too
 * small", never "must be a number" (issue 19.5). Real CLI processes against a bare request counter:
 * nothing is sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useRequestCounter } from '../../helpers/fixtures';
import { cli } from '../../helpers/cli';

const P = ['--profile', 'default', '--region', 'us-east-1'];
const create = ['alarm', 'create', ...P, '--name', 'n', '--threshold', '10', '--json'];
const emails = (n: number) => Array.from({ length: n }, (_, i) => `ops${i}@example.com`).join(',');

describe('monitoring CLI: messages name what the user typed', () => {
  const counter = useRequestCounter();
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    env = counter.env();
  });

  it.each([
    ['101 addresses for a new topic', [...create, '--new-topic', 't', '--email', emails(101)], '--email', /^--email: Too many email addresses: 101 given, at most 20 at once\.$/],
    ['21 addresses for an existing topic', [...create, '--topic-arn', 'arn:aws:sns:us-east-1:123456789012:t', '--email', emails(21)], '--email', /^--email: Too many email addresses: 21 given, at most 20 at once\.$/],
    ['--threshold 1e400', [...create, '--new-topic', 't', '--email', 'a@example.com', '--threshold', '1e400'], '--threshold', /^--threshold: Threshold is too large\.$/],
    ['--threshold -1e400', [...create, '--new-topic', 't', '--email', 'a@example.com', '--threshold=-1e400'], '--threshold', /^--threshold: Threshold is too small\.$/],
    ['--threshold 2e15', [...create, '--new-topic', 't', '--email', 'a@example.com', '--threshold', '2e15'], '--threshold', /^--threshold: Threshold is too large: at most 1,000,000,000,000,000\.$/],
    ['--threshold -5 in a backtest', ['alarm', 'backtest', ...P, '--threshold=-5', '--json'], '--threshold', /^--threshold: Threshold is too small: it must not be negative\.$/],
    ['--days 1e400', ['usage', ...P, '--days', '1e400', '--json'], '--days', /^--days: Days is too large\.$/],
    ['--days 500', ['usage', ...P, '--days', '500', '--json'], '--days', /^--days: Days is too large: CloudWatch keeps at most 455 days\.$/],
    ['--evaluation-periods 1e400', ['alarm', 'backtest', ...P, '--threshold', '5', '--evaluation-periods', '1e400', '--json'], '--evaluation-periods', /^--evaluation-periods: Evaluation periods is too large\.$/],
    ['--datapoints-to-alarm 0', ['alarm', 'backtest', ...P, '--threshold', '5', '--datapoints-to-alarm', '0', '--json'], '--datapoints-to-alarm', /^--datapoints-to-alarm: Datapoints to alarm is too small: at least 1\.$/],
    ['--period 1e400', ['usage', ...P, '--period', '1e400', '--json'], '--period', /^--period: Period is too large\.$/],
  ])('%s', async (_label, args, field, message) => {
    const before = counter.count;
    const r = await cli(args, env);
    expect(r.code, r.stderr).toBe(2);
    expect(r.json).toEqual({ error: { code: 'InvalidInput', message: expect.stringMatching(message), field } });
    expect(r.json.error.message).not.toMatch(/must be a number/);
    expect(counter.count).toBe(before);
  });

  it('a whole number of workspace vCPUs beyond the limit is too large, not "not a whole number"', async () => {
    const r = await cli(['doctor', ...P, '--workspace-vcpus', '99999999999', '--json'], env);
    expect(r.code, r.stderr).toBe(2);
    expect(r.json.error).toMatchObject({ field: '--workspace-vcpus', message: expect.stringMatching(/too large: at most 100000/) });
  });
});
