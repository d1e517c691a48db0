/**
 * Pending email subscriptions. moto confirms every email subscription at once (docs/aws-facts.md#moto-the-stand-in-the-tests-use), so the
 * pending state is tested below the HTTP layer: a stub of the SNS client's `send` that answers like
 * real SNS does before the recipient clicks the link (SubscriptionArn "PendingConfirmation").
 */
import { describe, expect, it } from 'vitest';
import {
  CreateTopicCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTagsForResourceCommand,
  ListTopicsCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import type { AwsContext } from '../../../main/core/aws/context';
import { ensureTopic, listSubscriptions, resendConfirmation } from '../../../main/core/monitoring';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:alerts';

/**
 * A fake SNS holding one topic (Onramp's, by its tags) whose subscriptions stay pending until
 * "confirmed" by the test. It is a real SNSClient with `send` replaced, because the SDK's paginators
 * accept only instances of their client class.
 */
function fakeSns(initial: { endpoint: string; confirmed: boolean }[]) {
  const subs = [...initial];
  const sent: string[] = [];
  let created = initial.length > 0;
  const client = new SNSClient({ region: 'us-east-1' });
  Object.assign(client, {
    send: async (cmd: unknown) => {
      sent.push((cmd as object).constructor.name);
      if (cmd instanceof ListTopicsCommand) return { Topics: created ? [{ TopicArn: TOPIC }] : [] };
      if (cmd instanceof ListTagsForResourceCommand) return { Tags: [{ Key: 'managed-by', Value: 'onramp' }, { Key: 'onramp:purpose', Value: 'alarm-notifications' }] };
      if (cmd instanceof CreateTopicCommand) {
        created = true;
        return { TopicArn: TOPIC };
      }
      if (cmd instanceof GetTopicAttributesCommand) return { Attributes: { TopicArn: TOPIC } };
      if (cmd instanceof ListSubscriptionsByTopicCommand) {
        return {
          Subscriptions: subs.map((s, i) => ({
            TopicArn: TOPIC,
            Protocol: 'email',
            Endpoint: s.endpoint,
            SubscriptionArn: s.confirmed ? `${TOPIC}:sub-${i}` : 'PendingConfirmation',
          })),
        };
      }
      if (cmd instanceof SubscribeCommand) {
        const endpoint = cmd.input.Endpoint!;
        if (!subs.some((s) => s.endpoint === endpoint)) subs.push({ endpoint, confirmed: false });
        return { SubscriptionArn: 'pending confirmation' };
      }
      throw new Error(`unexpected ${(cmd as object).constructor.name}`);
    },
  });
  const aws = { sns: async () => client } as unknown as AwsContext;
  return { aws, sent, subs };
}

describe('SNS subscriptions awaiting confirmation', () => {
  it('reports PendingConfirmation as pending with no ARN', async () => {
    const { aws } = fakeSns([
      { endpoint: 'a@example.com', confirmed: false },
      { endpoint: 'b@example.com', confirmed: true },
    ]);
    expect(await listSubscriptions(aws, 'us-east-1', TOPIC)).toEqual([
      { subscriptionArn: null, endpoint: 'a@example.com', protocol: 'email', status: 'pending' },
      { subscriptionArn: `${TOPIC}:sub-1`, endpoint: 'b@example.com', protocol: 'email', status: 'confirmed' },
    ]);
  });

  it('a new subscription comes back pending, and re-creating never subscribes a pending address twice', async () => {
    const { aws, sent } = fakeSns([]);
    const first = await ensureTopic(aws, 'us-east-1', { kind: 'new', name: 'alerts', emails: ['a@example.com'] });
    expect(first.subscriptions).toEqual([{ subscriptionArn: null, endpoint: 'a@example.com', protocol: 'email', status: 'pending' }]);
    sent.length = 0;
    const again = await ensureTopic(aws, 'us-east-1', { kind: 'new', name: 'alerts', emails: ['A@Example.com'] });
    expect(again.subscriptions).toHaveLength(1);
    expect(sent).not.toContain('SubscribeCommand');
    expect(sent).not.toContain('CreateTopicCommand');
  });

  it('resending subscribes the pending address again (SNS re-sends the confirmation)', async () => {
    const { aws, sent } = fakeSns([{ endpoint: 'a@example.com', confirmed: false }]);
    expect(await resendConfirmation(aws, 'us-east-1', TOPIC, 'a@example.com')).toMatchObject({ status: 'pending' });
    expect(sent.filter((c) => c === 'SubscribeCommand')).toHaveLength(1);
  });

  it('resending to a confirmed address sends nothing; an unknown address is NotFound', async () => {
    const { aws, sent } = fakeSns([{ endpoint: 'b@example.com', confirmed: true }]);
    expect(await resendConfirmation(aws, 'us-east-1', TOPIC, 'b@example.com')).toMatchObject({ status: 'confirmed' });
    expect(sent).not.toContain('SubscribeCommand');
    await expect(resendConfirmation(aws, 'us-east-1', TOPIC, 'c@example.com')).rejects.toMatchObject({ code: 'NotFound', field: 'endpoint' });
  });
});
