import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// `npm run lint` must be able to fail: each planted violation, linted as if it were a real file of
// the project, is reported by the rule that guards it.

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function rulesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('lint fails on planted violations', () => {
  it.each([
    ['renderer/src/main.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'no-restricted-imports'],
    ['renderer/src/main.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['renderer/src/main.tsx', "import { createHandlers } from '../../main/handlers';\nexport const x = createHandlers;\n", 'no-restricted-imports'],
    ['main/core/setup/tags.ts', "import { app } from 'electron';\nexport const x = app;\n", 'no-restricted-imports'],
    ['main/handlers/configs.ts', "import { App } from '../../renderer/src/app/App';\nexport const x = App;\n", 'no-restricted-imports'],
    ['main/core/setup/tags.ts', 'async function f(): Promise<void> {}\nexport function g(): void {\n  f();\n}\n', '@typescript-eslint/no-floating-promises'],
    ['shared/contract/common.ts', 'export const x: any = 1;\n', '@typescript-eslint/no-explicit-any'],
    ['main/core/setup/tags.ts', "import { AppError } from '../../../shared/errors';\nexport type E = AppError;\n", '@typescript-eslint/consistent-type-imports'],
  ])('%s: %s', async (file, code, rule) => {
    expect(await rulesFor(file, code)).toContain(rule);
  });

  it('the project as it is passes', async () => {
    const results = await eslint.lintFiles(['main/core/setup/tags.ts', 'renderer/src/main.tsx', 'shared/contract/common.ts']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.severity === 2))).toEqual([]);
  });
});
