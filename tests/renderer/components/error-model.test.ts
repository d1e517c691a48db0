import { describe, expect, it } from 'vitest';
import { commandIn, describeError, errorTitle, nextStepHint } from '../../../renderer/src/components/error-model';
import { ERROR_CODES } from '../../../shared/errors';

describe('error model', () => {
  it('finds the aws command in an error message', () => {
    expect(commandIn('The SSO session for profile "dev" is missing or expired. Run: aws sso login --profile dev')).toBe(
      'aws sso login --profile dev',
    );
    expect(commandIn('Add it with "aws configure --profile ops".')).toBe('aws configure --profile ops');
    expect(commandIn('Access denied.')).toBeNull();
    // Onramp's own message names its sign-in first and the AWS CLI's in brackets.
    expect(commandIn('… or run: onramp sso login --profile dev (or: aws sso login --profile dev)')).toBe('aws sso login --profile dev');
  });

  it('has a title and a next step for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(errorTitle(code).length).toBeGreaterThan(0);
      expect(nextStepHint(code).length).toBeGreaterThan(0);
    }
  });

  it('describes an error', () => {
    expect(describeError({ code: 'NotConnected', message: 'Connect to an AWS profile first.' })).toEqual({
      title: 'Not connected',
      message: 'Connect to an AWS profile first.',
      hint: 'Open "Connect" and connect to an AWS profile.',
      command: null,
    });
  });
});
