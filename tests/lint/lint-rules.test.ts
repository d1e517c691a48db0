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
    // A feature reaches another only through its index.ts; components/ import no feature.
    ['renderer/src/features/setup-wizard/ResultStep.tsx', "import { RegisterWithPlatform } from '../platform/RegisterWithPlatform';\nexport const x = RegisterWithPlatform;\n", 'onramp/feature-doors'],
    ['renderer/src/features/setup-wizard/SetupFormStep.tsx', "import type { RegionStatus } from '../readiness/model';\nexport type X = RegionStatus;\n", 'onramp/feature-doors'],
    ['renderer/src/features/dashboard/DashboardScreen.tsx', "export const load = () => import('../alarm-wizard/AlarmWizard');\n", 'onramp/feature-doors'],
    ['renderer/src/features/configurations/ConfigurationsScreen.tsx', "export { PlatformPanel } from '../../features/platform/PlatformPanel';\n", 'onramp/feature-doors'],
    ['renderer/src/components/ExportMenu.tsx', "import { useSetupRun } from '../features/setup-wizard';\nexport const x = useSetupRun;\n", 'onramp/feature-doors'],
    // Comments cite docs/ or public sources, never notes outside the repository or a machine path.
    ['main/core/setup/claims.ts', '// IAM role names are unique case-insensitively (FACTS.md).\nexport const x = 1;\n', 'onramp/no-outside-notes'],
    ['shared/platform/urls.ts', '/** The API base (BODO-API.md §1). */\nexport const x = 1;\n', 'onramp/no-outside-notes'],
    ['renderer/src/main.tsx', '/* House rules: STYLE.md */\nexport const x = 1;\n', 'onramp/no-outside-notes'],
    ['main/core/platform/adapter.ts', '/** Read in /work/notes/reference.md. */\nexport const x = 1;\n', 'onramp/no-outside-notes'],
    ['scripts/start.mjs', '// Electron needs its installer first (see ../shared/TOOLCHAIN.md).\nexport const x = 1;\n', 'onramp/no-outside-notes'],
  ])('%s: %s', async (file, code, rule) => {
    expect(await rulesFor(file, code)).toContain(rule);
  });

  it.each([
    ['renderer/src/features/configurations/ConfigurationsScreen.tsx', "import { PlatformPanel } from '../platform';\nexport const x = PlatformPanel;\n"],
    ['renderer/src/features/configurations/ConfigurationsScreen.tsx', "import { useSetupRun } from '../setup-wizard/index';\nexport const x = useSetupRun;\n"],
    ['renderer/src/features/setup-wizard/ResultStep.tsx', "import { ExportMenu } from '../../components/ExportMenu';\nimport { RESULT_FIELDS } from './model';\nexport const x = [ExportMenu, RESULT_FIELDS];\n"],
    ['renderer/src/app/nav.tsx', "export const load = () => import('../features/setup-wizard/SetupWizard');\n"],
    ['main/core/setup/claims.ts', '// Unique case-insensitively (docs/aws-facts.md, "IAM").\nexport const x = 1;\n'],
  ])('%s: allowed: %s', async (file, code) => {
    expect(await rulesFor(file, code)).toEqual([]);
  });

  it('the project as it is passes', async () => {
    const results = await eslint.lintFiles(['main/core/setup/tags.ts', 'renderer/src/main.tsx', 'shared/contract/common.ts']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.severity === 2))).toEqual([]);
  });
});
