import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outsideReference } from '../../scripts/eslint-rules.mjs';
import { ROOT } from '../helpers/cli';

// Code comments are linted by `onramp/no-outside-notes`; the Markdown a reader of a clone opens
// (README.md and docs/) is held to the same rule here.

/** README.md and every Markdown file under docs/, relative to the repository root. */
function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

describe('citations point inside the repository', () => {
  it.each([
    ['Rules: ../shared/FACTS.md ("CloudWatch metrics")', 'FACTS.md'],
    ['see BODO-API.md §4a', 'BODO-API.md'],
    ['(TOOLCHAIN.md)', 'TOOLCHAIN.md'],
    ['house rules in STYLE.md', 'STYLE.md'],
    ['read in /work/shared/reference/notes', '/work/shared/reference/notes'],
    ['copied from /home/dev/notes.txt', '/home/dev/notes.txt'],
  ])('finds the planted %j', (text, what) => {
    expect(outsideReference(text)?.what).toBe(what);
  });

  it.each(['docs/aws-facts.md#iam', '~/.aws/sso/cache/<sha1>.json', '../../shared/contract/setup', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html'])(
    'leaves %j alone',
    (text) => {
      expect(outsideReference(text)).toBeNull();
    },
  );

  it('README.md and docs/ cite nothing outside the repository', () => {
    const found = markdownFiles().flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${file}:${i + 1}`, ref: outsideReference(line) }))
        .filter((x) => x.ref !== null),
    );
    expect(found).toEqual([]);
  });
});
