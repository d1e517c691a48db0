/**
 * The world an organization roll-out test runs in: moto (every AWS service), the StackSets fake in
 * front of it for CloudFormation (AWS_ENDPOINT_URL_CLOUDFORMATION), and an organization made in moto.
 * `fresh()` resets both and builds the organization again (its account IDs change each time).
 */
import type { AwsContext } from '../../main/core/aws/context';
import { contextForProfile } from '../../main/core/profiles/session';
import { useMoto, useServer } from './fixtures';
import { awsTestEnv } from './moto';
import { makeOrganization, type MotoOrganization } from './moto-org';
import { startStackSetsFake, type StackSetsFake } from './stacksets-fake';

/** A roll-out test's servers, organization and environment. */
export interface OrgWorld {
  readonly motoUrl: string;
  readonly fake: StackSetsFake;
  /** The organization of the last `fresh()`. */
  readonly org: MotoOrganization;
  /** The test environment (data folder, AWS files) of the last `fresh()`, pointing at moto and the fake. */
  readonly env: NodeJS.ProcessEnv & { ONRAMP_DATA_DIR: string };
  /** Reset moto and the fake, build the organization, and a new environment. */
  fresh(): Promise<MotoOrganization>;
  /** The management account's AWS context (profile `default`). */
  admin(region?: string): Promise<AwsContext>;
}

/** Start the servers for one describe block. */
export function useOrgWorld(): OrgWorld {
  const moto = useMoto();
  const fake = useServer('useOrgWorld()', () => startStackSetsFake({ motoUrl: moto.url }), (f) => f.stop());
  let org: MotoOrganization | null = null;
  let env: (NodeJS.ProcessEnv & { ONRAMP_DATA_DIR: string }) | null = null;
  const world: OrgWorld = {
    get motoUrl() {
      return moto.url;
    },
    fake,
    get org() {
      if (!org) throw new Error('call fresh() first');
      return org;
    },
    get env() {
      if (!env) throw new Error('call fresh() first');
      return env;
    },
    async fresh() {
      await moto.reset();
      fake.reset();
      org = await makeOrganization(moto.url);
      fake.emptyOu = org.ous.empty;
      env = { ...awsTestEnv(moto.moto), AWS_ENDPOINT_URL_CLOUDFORMATION: fake.url };
      return org;
    },
    admin: (region = 'us-east-2') => contextForProfile({ profile: 'default', region, env: world.env }),
  };
  return world;
}
