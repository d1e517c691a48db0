import { describe, expect, it } from 'vitest';
import { resolvePlatformUrls } from '../../../main/core/platform';
import { SettingsUpdateSchema } from '../../../shared/contract/settings';
import { platformUrlProblem } from '../../../shared/platform/urls';

describe('platform base URLs', () => {
  it('default to the platform’s own', () => {
    expect(resolvePlatformUrls({}, null)).toEqual({
      apiUrl: 'https://api.bodo.ai/api',
      authUrl: 'https://auth.bodo.ai',
      apiUrlSource: 'default',
      authUrlSource: 'default',
    });
  });

  it('Settings override the defaults; the environment overrides Settings; trailing slashes dropped', () => {
    const settings = { platformApiUrl: 'https://api.staging.example/api/', platformAuthUrl: 'https://auth.staging.example' };
    expect(resolvePlatformUrls({}, settings)).toMatchObject({ apiUrl: 'https://api.staging.example/api', apiUrlSource: 'settings', authUrlSource: 'settings' });
    const env = { ONRAMP_PLATFORM_API_URL: 'http://127.0.0.1:4010/api', ONRAMP_PLATFORM_AUTH_URL: 'http://localhost:4011/' };
    expect(resolvePlatformUrls(env, settings)).toEqual({
      apiUrl: 'http://127.0.0.1:4010/api',
      authUrl: 'http://localhost:4011',
      apiUrlSource: 'env',
      authUrlSource: 'env',
    });
  });

  it.each([
    ['http://api.bodo.ai/api', /https/],
    ['https://user:pw@api.bodo.ai/api', /user name or password/],
    ['https://api.bodo.ai/api?token=x', /query/],
    ['https://api.bodo.ai/api#x', /fragment/],
    ['not a url', /not a URL/],
    ['ftp://127.0.0.1/', /https/],
  ])('refuses %s', (url, problem) => {
    expect(platformUrlProblem(url)).toMatch(problem);
    expect(() => resolvePlatformUrls({ ONRAMP_PLATFORM_API_URL: url }, null)).toThrow(problem);
    expect(SettingsUpdateSchema.safeParse({ platformApiUrl: url }).success).toBe(false);
  });

  it('an invalid environment override is InvalidInput naming the variable', () => {
    try {
      resolvePlatformUrls({ ONRAMP_PLATFORM_AUTH_URL: 'http://auth.example' }, null);
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'InvalidInput', field: 'ONRAMP_PLATFORM_AUTH_URL' });
    }
  });

  it('Settings accept a valid override and null to go back to the default', () => {
    expect(SettingsUpdateSchema.parse({ platformApiUrl: 'https://api.example/api/' })).toEqual({ platformApiUrl: 'https://api.example/api' });
    expect(SettingsUpdateSchema.parse({ platformApiUrl: null })).toEqual({ platformApiUrl: null });
  });
});
