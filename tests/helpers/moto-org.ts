/**
 * An AWS Organization made in moto for roll-out tests: moto's default account is the management
 * account; two OUs (dev with a child OU team and a grandchild OU deep; prod) hold member accounts,
 * and an empty OU is what the StackSets fake names when it tells moto an exact account list. moto
 * creates each member's OrganizationAccountAccessRole (and never checks a role's trust on AssumeRole:
 * docs/organizations.md#testing-around-motos-stacksets), so a test reads a member account through it.
 */
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { TEST_ACCESS_KEY, TEST_SECRET_KEY } from './moto';

/** moto's default account: the management account. */
export const MANAGEMENT_ACCOUNT = '123456789012';

/** The organization's OUs and accounts by their role in the tests. */
export interface MotoOrganization {
  root: string;
  ous: { dev: string; team: string; deep: string; prod: string; empty: string };
  accounts: { dev1: string; dev2: string; team1: string; deep1: string; prod1: string; prod2: string };
  /** Account ID → name. */
  names: Record<string, string>;
}

const creds = { accessKeyId: TEST_ACCESS_KEY, secretAccessKey: TEST_SECRET_KEY };

/** Build the organization in a freshly reset moto. */
export async function makeOrganization(motoUrl: string): Promise<MotoOrganization> {
  const org = new OrganizationsClient({ region: 'us-east-1', endpoint: motoUrl, credentials: creds });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const root = (await org.send(new ListRootsCommand({}))).Roots![0]!.Id!;
  const ou = async (parent: string, name: string) => (await org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: name }))).OrganizationalUnit!.Id!;
  const dev = await ou(root, 'dev');
  const team = await ou(dev, 'team');
  const deep = await ou(team, 'deep');
  const prod = await ou(root, 'prod');
  const empty = await ou(root, 'onramp-test-empty');
  const names: Record<string, string> = {};
  const account = async (name: string, parent: string) => {
    const id = (await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }))).CreateAccountStatus!.AccountId!;
    await org.send(new MoveAccountCommand({ AccountId: id, SourceParentId: root, DestinationParentId: parent }));
    names[id] = name;
    return id;
  };
  const accounts = {
    dev1: await account('dev-1', dev),
    dev2: await account('dev-2', dev),
    team1: await account('team-1', team),
    deep1: await account('deep-1', deep),
    prod1: await account('prod-1', prod),
    prod2: await account('prod-2', prod),
  };
  org.destroy();
  return { root, ous: { dev, team, deep, prod, empty }, accounts, names };
}

/** Credentials acting in a member account (moto's OrganizationAccountAccessRole), for an independent client. */
export async function memberCredentials(motoUrl: string, account: string): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken: string }> {
  const sts = new STSClient({ region: 'us-east-1', endpoint: motoUrl, credentials: creds });
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'onramp-test' }));
  sts.destroy();
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

/** The environment the AWS CLI or boto3 needs to act in a member account through moto. */
export async function memberEnv(motoUrl: string, account: string, region: string): Promise<NodeJS.ProcessEnv> {
  const c = await memberCredentials(motoUrl, account);
  return {
    AWS_ACCESS_KEY_ID: c.accessKeyId,
    AWS_SECRET_ACCESS_KEY: c.secretAccessKey,
    AWS_SESSION_TOKEN: c.sessionToken,
    AWS_DEFAULT_REGION: region,
    AWS_ENDPOINT_URL: motoUrl,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
