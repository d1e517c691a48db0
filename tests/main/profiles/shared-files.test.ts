/** The shared-file writer keeps every byte it does not own: other profiles, comments, blank lines, CRLF. */
import { describe, expect, it } from 'vitest';
import { hasProfile, sectionHeader, setProfileKeys } from '../../../main/core/profiles/shared-files';

const KEYS = { aws_access_key_id: 'AKIANEWKEY0000000001', aws_secret_access_key: 'new/secret+key0000000000000000000000000', aws_session_token: null };

const CREDENTIALS = [
  '# my keys, hand-written',
  '[default]',
  'aws_access_key_id = AKIAOLDDEFAULT000001',
  'aws_secret_access_key = old-default-secret',
  '',
  '; the work account',
  '[work]',
  'aws_access_key_id=AKIAWORK000000000001',
  'aws_secret_access_key=work-secret   ',
  '',
  '',
].join('\n');

describe('sectionHeader', () => {
  it('uses [profile NAME] in config (but [default]) and [NAME] in credentials', () => {
    expect(sectionHeader('config', 'dev')).toBe('[profile dev]');
    expect(sectionHeader('config', 'default')).toBe('[default]');
    expect(sectionHeader('credentials', 'dev')).toBe('[dev]');
  });
});

describe('hasProfile', () => {
  it('finds sections the way the AWS CLI and SDKs name them', () => {
    const config = '[default]\nregion=us-east-1\n[profile  dev ]\n[ profile prod ]  # note\n[sso-session corp]\n[services local]\n';
    expect(hasProfile(config, 'config', 'default')).toBe(true);
    expect(hasProfile(config, 'config', 'dev')).toBe(true);
    expect(hasProfile(config, 'config', 'prod')).toBe(true);
    expect(hasProfile(config, 'config', 'corp')).toBe(false);
    expect(hasProfile(config, 'config', 'local')).toBe(false);
    expect(hasProfile('[profile default]\n', 'config', 'default')).toBe(true);
    expect(hasProfile(CREDENTIALS, 'credentials', 'work')).toBe(true);
    expect(hasProfile(CREDENTIALS, 'credentials', 'Work')).toBe(false);
    expect(hasProfile('', 'credentials', 'work')).toBe(false);
    // An indented "[x]" is still a header for the parsers; a "[x]" inside a comment is not.
    expect(hasProfile('# [new]\n', 'credentials', 'new')).toBe(false);
  });

  it('reads a header on the first line of a file that starts with a byte-order mark', () => {
    expect(hasProfile('\uFEFF[first]\nk = v\n', 'credentials', 'first')).toBe(true);
    expect(hasProfile('\u00EF\u00BB\u00BF[first]\nk = v\n', 'credentials', 'first')).toBe(true);
  });
});

describe('setProfileKeys', () => {
  it('creates a missing file’s content', () => {
    expect(setProfileKeys('', 'credentials', 'new', KEYS)).toBe(
      '[new]\naws_access_key_id = AKIANEWKEY0000000001\naws_secret_access_key = new/secret+key0000000000000000000000000\n',
    );
    expect(setProfileKeys('', 'config', 'new', { region: 'eu-west-1' })).toBe('[profile new]\nregion = eu-west-1\n');
  });

  it('appends a new profile after the existing bytes, which stay exactly as they were', () => {
    const out = setProfileKeys(CREDENTIALS, 'credentials', 'new', KEYS);
    expect(out.startsWith(CREDENTIALS)).toBe(true);
    // The file already ends with a blank line: no second one is added.
    expect(out.slice(CREDENTIALS.length)).toBe('[new]\naws_access_key_id = AKIANEWKEY0000000001\naws_secret_access_key = new/secret+key0000000000000000000000000\n');
  });

  it('separates the new section with one blank line, and ends an unterminated last line first', () => {
    const out = setProfileKeys('[a]\nk = v', 'credentials', 'b', { k: 'w' });
    expect(out).toBe('[a]\nk = v\n\n[b]\nk = w\n');
  });

  it('keeps a CRLF file CRLF, byte for byte', () => {
    const crlf = CREDENTIALS.replace(/\n/g, '\r\n');
    const out = setProfileKeys(crlf, 'credentials', 'new', KEYS);
    expect(out.startsWith(crlf)).toBe(true);
    expect(out.slice(crlf.length)).toBe('[new]\r\naws_access_key_id = AKIANEWKEY0000000001\r\naws_secret_access_key = new/secret+key0000000000000000000000000\r\n');
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('replaces an existing profile in place: its keys change, every other line is untouched', () => {
    const withToken = CREDENTIALS.replace('aws_secret_access_key=work-secret   \n', 'aws_secret_access_key=work-secret   \naws_session_token = old-token\n# keep me\nx_custom = 1\n');
    const out = setProfileKeys(withToken, 'credentials', 'work', KEYS);
    expect(out).toBe(
      [
        '# my keys, hand-written',
        '[default]',
        'aws_access_key_id = AKIAOLDDEFAULT000001',
        'aws_secret_access_key = old-default-secret',
        '',
        '; the work account',
        '[work]',
        'aws_access_key_id = AKIANEWKEY0000000001',
        'aws_secret_access_key = new/secret+key0000000000000000000000000',
        '# keep me',
        'x_custom = 1',
        '',
        '',
      ].join('\n'),
    );
  });

  it('adds a missing key after the section’s last setting, before the blank lines and comments of the next', () => {
    const config = '[profile dev]\noutput = json\n\n# prod below\n[profile prod]\nregion = us-east-1\n';
    expect(setProfileKeys(config, 'config', 'dev', { region: 'us-west-2' })).toBe(
      '[profile dev]\noutput = json\nregion = us-west-2\n\n# prod below\n[profile prod]\nregion = us-east-1\n',
    );
    expect(setProfileKeys('[default]', 'config', 'default', { region: 'us-west-2' })).toBe('[default]\nregion = us-west-2\n');
  });

  it('never mistakes an indented sub-setting for the profile’s own key, and removes a key’s sub-settings with it', () => {
    const config = '[profile dev]\ns3 =\n  region = not-this-one\nregion = us-east-1\n';
    expect(setProfileKeys(config, 'config', 'dev', { region: 'eu-west-1' })).toBe('[profile dev]\ns3 =\n  region = not-this-one\nregion = eu-west-1\n');
    expect(setProfileKeys(config, 'config', 'dev', { s3: null })).toBe('[profile dev]\nregion = us-east-1\n');
  });

  it('makes the new value win when a profile is written twice in one file (readers merge duplicates)', () => {
    const dup = '[work]\naws_access_key_id = AKIAFIRST0000000001\n[other]\nk = v\n[work]\naws_access_key_id = AKIASECOND000000001\nregion_note = x\n';
    const out = setProfileKeys(dup, 'credentials', 'work', { aws_access_key_id: 'AKIANEWKEY0000000001' });
    expect(out).toBe('[work]\naws_access_key_id = AKIANEWKEY0000000001\n[other]\nk = v\n[work]\nregion_note = x\n');
  });

  it('matches the config section however the user spaced it, and [profile default] for default', () => {
    expect(setProfileKeys('[ profile  dev ]\nregion = a\n', 'config', 'dev', { region: 'b' })).toBe('[ profile  dev ]\nregion = b\n');
    expect(setProfileKeys('[profile default]\nregion = a\n', 'config', 'default', { region: 'b' })).toBe('[profile default]\nregion = b\n');
  });

  it('keeps a byte-order mark and non-ASCII bytes (as latin1) elsewhere in the file', () => {
    const text = '\u00EF\u00BB\u00BF# caf\u00C3\u00A9\n[other]\nk = v\n';
    expect(setProfileKeys(text, 'credentials', 'new', { k: 'w' })).toBe(`${text}\n[new]\nk = w\n`);
  });

  it('changes nothing when there is nothing to set', () => {
    expect(setProfileKeys(CREDENTIALS, 'credentials', 'absent', { aws_session_token: null })).toBe(CREDENTIALS);
  });

  it('refuses values or names that would break out of their line or section', () => {
    expect(() => setProfileKeys('', 'credentials', 'a]\n[b', KEYS)).toThrow(/line break or bracket/);
    expect(() => setProfileKeys('', 'credentials', 'a', { aws_secret_access_key: 'x\n[evil]' })).toThrow(/line break/);
  });
});
