/** boto3 against moto as the independent client: an administrator's changes, and reading back what Onramp made. */
import { python } from './python';
import type { AwsTestEnv } from './fixtures';

/**
 * Run a boto3 snippet with `session` (a boto3 Session on the env's default profile, pointed at moto
 * through AWS_ENDPOINT_URL) in scope; `args` arrive as the dict `a`; whatever the snippet assigns to
 * `out` is printed as JSON and returned.
 */
export async function boto3(env: AwsTestEnv, snippet: string, args: Record<string, unknown> = {}): Promise<unknown> {
  const script = [
    'import json, sys, boto3',
    `a = json.loads(${JSON.stringify(JSON.stringify(args))})`,
    "session = boto3.Session(profile_name='default', region_name=a.get('region', 'us-east-1'))",
    'out = None',
    snippet,
    'print(json.dumps(out, default=str))',
  ].join('\n');
  return python(script, {
    HOME: env.HOME,
    AWS_CONFIG_FILE: env.AWS_CONFIG_FILE,
    AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE,
    AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL,
  });
}
