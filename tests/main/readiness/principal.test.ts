import { describe, expect, it } from 'vitest';
import { simulationPrincipal } from '../../../main/core/readiness/principal';
import { isStandardInstanceType } from '../../../main/core/readiness/vcpus';

describe('simulationPrincipal', () => {
  it('simulates an IAM user as itself, path included', () => {
    expect(simulationPrincipal('arn:aws:iam::123456789012:user/ops/alice')).toEqual({ kind: 'arn', arn: 'arn:aws:iam::123456789012:user/ops/alice' });
  });

  it('simulates an assumed-role session as its role, to be looked up by name', () => {
    expect(simulationPrincipal('arn:aws:sts::123456789012:assumed-role/Admin/alice@example.com')).toEqual({
      kind: 'role',
      partition: 'aws',
      account: '123456789012',
      roleName: 'Admin',
      fallbackArn: 'arn:aws:iam::123456789012:role/Admin',
    });
  });

  it('keeps the partition', () => {
    expect(simulationPrincipal('arn:aws-us-gov:sts::123456789012:assumed-role/R/s')).toMatchObject({ fallbackArn: 'arn:aws-us-gov:iam::123456789012:role/R' });
  });

  it('refuses the root user with an explanation', () => {
    const p = simulationPrincipal('arn:aws:iam::123456789012:root');
    expect(p.kind).toBe('unsupported');
    expect(p.kind === 'unsupported' && p.reason).toMatch(/root user/);
  });

  it('refuses federated users and anything that is not an IAM or STS ARN', () => {
    expect(simulationPrincipal('arn:aws:sts::123456789012:federated-user/bob').kind).toBe('unsupported');
    expect(simulationPrincipal('not-an-arn').kind).toBe('unsupported');
    expect(simulationPrincipal('arn:aws:s3:::bucket').kind).toBe('unsupported');
  });

  it("maps moto's sts-service user ARN to the IAM user", () => {
    expect(simulationPrincipal('arn:aws:sts::123456789012:user/moto')).toEqual({ kind: 'arn', arn: 'arn:aws:iam::123456789012:user/moto' });
  });
});

describe('isStandardInstanceType', () => {
  it.each(['m5.large', 'c7gn.16xlarge', 'r7iz.xlarge', 't3.micro', 'z1d.large', 'i4i.large', 'im4gn.large', 'is4gen.large', 'd3en.xlarge', 'h1.2xlarge', 'a1.medium', 'M5.LARGE'])(
    '%s counts as Standard',
    (t) => expect(isStandardInstanceType(t)).toBe(true),
  );
  it.each(['g5.xlarge', 'p4d.24xlarge', 'inf2.xlarge', 'trn1.2xlarge', 'x2idn.16xlarge', 'u-6tb1.metal', 'hpc7g.16xlarge', 'dl1.24xlarge', 'mac1.metal', 'f1.2xlarge', 'vt1.3xlarge', ''])(
    '%s does not',
    (t) => expect(isStandardInstanceType(t)).toBe(false),
  );
});
