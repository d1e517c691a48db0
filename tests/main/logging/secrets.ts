import { TEST_ACCESS_KEY, TEST_SECRET_KEY } from '../../helpers/moto';

/** AWS's documented example keys plus the suite's own test keys and a session token of realistic shape. */
export const SECRETS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  tempAccessKeyId: 'ASIAQWERTYUIOP123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  suiteAccessKey: TEST_ACCESS_KEY,
  suiteSecretKey: TEST_SECRET_KEY,
  sessionToken: `IQoJb3JpZ2luX2VjE${'Fw0xNzA1MjUxNjQ4MzJaMCQxIjAgBgNVBAMTGWV4YW1wbGUK'.repeat(6)}`,
  signature: 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
} as const;

/** Lines that carry those secrets in the shapes they turn up in: INI, JSON, env, headers, URLs, SDK messages. */
export function secretBearingLines(): string[] {
  const s = SECRETS;
  return [
    `aws_access_key_id = ${s.accessKeyId}`,
    `aws_secret_access_key = ${s.secretAccessKey}`,
    `aws_secret_access_key=${s.suiteSecretKey}`,
    `aws_session_token = ${s.sessionToken}`,
    JSON.stringify({ AccessKeyId: s.tempAccessKeyId, SecretAccessKey: s.secretAccessKey, SessionToken: s.sessionToken }),
    `credentials: { accessKeyId: '${s.suiteAccessKey}', secretAccessKey: '${s.suiteSecretKey}', sessionToken: '${s.sessionToken}' }`,
    `AWS_SECRET_ACCESS_KEY=${s.secretAccessKey} AWS_SESSION_TOKEN=${s.sessionToken}`,
    `Authorization: AWS4-HMAC-SHA256 Credential=${s.accessKeyId}/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=${s.signature}`,
    `https://bucket.s3.amazonaws.com/k?X-Amz-Credential=${s.accessKeyId}%2F20260101&X-Amz-Security-Token=${s.sessionToken}&X-Amz-Signature=${s.signature}`,
    `The secret was ${s.secretAccessKey} and the key ${s.accessKeyId}`,
  ];
}
