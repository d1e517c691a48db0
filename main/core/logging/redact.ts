/**
 * Remove AWS key material from a piece of text before it is logged or copied into a report:
 * access key IDs, secret access keys and session tokens (by name and by shape), SigV4 signatures,
 * credentials and Authorization headers, and the Bodo Platform's secret key and bearer tokens. Deliberately over-eager: a redacted harmless string costs
 * nothing, a leaked secret costs an account.
 */
export function redact(text: string): string {
  return (
    text
      // Access key IDs (long-term AKIA, temporary ASIA) — AWS's documented 20-character shape.
      .replace(/\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g, '[redacted-key-id]')
      // Named secrets in INI, JSON, env or object-literal form: `aws_secret_access_key = …`, `"SecretAccessKey":"…"`,
      // and the IAM Identity Center sign-in's tokens, client secret and device code (the AWS CLI's cache fields).
      .replace(
        /\b(aws_secret_access_key|secret_access_key|SecretAccessKey|secretAccessKey|AWS_SECRET_ACCESS_KEY|aws_session_token|aws_security_token|AWS_SESSION_TOKEN|SessionToken|sessionToken|X-Amz-Security-Token|accessToken|refreshToken|clientSecret|deviceCode|x-amz-sso_bearer_token)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
        '$1$2[redacted]',
      )
      // Presigned-URL and header parts of SigV4.
      .replace(/\b(X-Amz-Signature|X-Amz-Credential|Signature)=[^&\s"']+/gi, '$1=[redacted]')
      .replace(/\b(Authorization|x-amz-security-token)(["']?\s*[:=]\s*["']?)[^"'\r\n]+/gi, '$1$2[redacted]')
      // Bodo Platform credentials: the SDK's variables and the token request's `secret` field, and bearer JWTs.
      .replace(/\b(BODO_ORG_SECRET_KEY|BODO_SECRET_KEY|secretKey|clientSecret)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/g, '$1$2[redacted]')
      .replace(/(["']secret["']\s*:\s*["'])[^"']+/g, '$1[redacted]')
      .replace(/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]')
      // Anything shaped like a session token: a very long base64 run.
      .replace(/[A-Za-z0-9/+=]{100,}/g, '[redacted-token]')
      // Anything shaped like a bare secret access key: 40 base64 characters mixing cases and digits
      // (a lower-case hex SHA-1 such as a commit ID does not match).
      .replace(/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, (m) =>
        /[A-Z]/.test(m) && /[a-z]/.test(m) && /[0-9/+]/.test(m) ? '[redacted-secret]' : m,
      )
  );
}
