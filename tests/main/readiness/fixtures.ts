/** Shared pieces of the readiness integration tests: observer EC2 clients and canned IAM/EC2 answers. */
import { AllocateAddressCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { CannedResponse, SeenRequest } from '../../helpers/request-counter';

const creds = { accessKeyId: 'AKIAOBSERVER00000001', secretAccessKey: 'observer' };

/** An EC2 client of our own (not the code under test) for arranging moto's state. */
export function observerEc2(url: string, region: string): EC2Client {
  return new EC2Client({ region, endpoint: url, credentials: creds });
}

/** Fill a region: `vpcs` extra VPCs beside moto's default one, and `addresses` Elastic IPs. */
export async function fillRegion(url: string, region: string, vpcs: number, addresses: number): Promise<void> {
  const ec2 = observerEc2(url, region);
  for (let i = 0; i < vpcs; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i}.0.0/16` }));
  for (let i = 0; i < addresses; i++) await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
}

/** The region a signed request was sent to (from its SigV4 credential scope). */
export function regionOf(req: SeenRequest): string | null {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? null;
}

/** The ActionNames of a SimulatePrincipalPolicy query request. */
export function simulatedActions(req: SeenRequest): string[] {
  const params = new URLSearchParams(req.body);
  return [...params.entries()].filter(([k]) => /^ActionNames\.member\.\d+$/.test(k)).map(([, v]) => v);
}

/** An IAM SimulatePrincipalPolicy answer allowing every requested action except `denied`. */
export function simulationAnswer(req: SeenRequest, denied: readonly string[]): CannedResponse {
  const members = simulatedActions(req)
    .map((a) => `<member><EvalActionName>${a}</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>${denied.includes(a) ? 'implicitDeny' : 'allowed'}</EvalDecision></member>`)
    .join('');
  return {
    status: 200,
    body: `<SimulatePrincipalPolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><SimulatePrincipalPolicyResult><IsTruncated>false</IsTruncated><EvaluationResults>${members}</EvaluationResults></SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>`,
  };
}

/** An EC2 (query protocol) error answer. */
export function ec2Error(code: string, status = 403): CannedResponse {
  return {
    status,
    body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors><RequestID>r</RequestID></Response>`,
  };
}
