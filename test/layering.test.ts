import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
// ESLint 9's class for the .eslintrc format that projen writes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LegacyESLint } = require('eslint/use-at-your-own-risk');

/**
 * The layers of docs/architecture.md, as the generated .eslintrc.json states
 * them and `npm test` checks them (eslint over src, lambda, standin, scripts,
 * test): each case lints one made-up file at a real path with one of those
 * rules only, so what is proven is the rule as configured, not a copy of it
 * (import/no-cycle follows the files on disk, so its case writes real ones).
 */
const ROOT = path.join(__dirname, '..');
const config = JSON.parse(readFileSync(path.join(ROOT, '.eslintrc.json'), 'utf-8').replace(/^\/\/.*\n/, ''));

async function problemsOf(file: string, code: string, rules: readonly string[] = ['import/no-restricted-paths']): Promise<string[]> {
  const eslint = new LegacyESLint({
    cwd: ROOT,
    useEslintrc: false,
    overrideConfig: {
      parser: config.parser,
      parserOptions: { ecmaVersion: 2020, sourceType: 'module' },
      plugins: ['import'],
      // `plugin:import/typescript` tells the plugin to read .ts dependencies.
      extends: config.extends,
      settings: config.settings,
      rules: Object.fromEntries(rules.map((rule) => [rule, config.rules[rule]])),
    },
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.map((message: { ruleId: string; message: string }) => `${message.ruleId}: ${message.message}`);
}

describe('the layers npm test enforces', () => {
  test.each([
    ['a shared internal imports a feature', 'src/private/new-shared.ts', "import { DEFAULT_SETTINGS_DOCUMENT } from '../branding/private/default-settings';", 'src/private/ holds what the whole library shares'],
    ['a shared internal imports a feature\'s public file', 'src/private/new-shared.ts', "import { LoginPages } from '../pages/login-pages';", 'src/private/ holds what the whole library shares'],
    ['a feature imports another feature\'s internals', 'src/branding/new-file.ts', "import { CLASSIC_CSS_RULES } from '../classic/private/css-rules';", 'not its private/ internals'],
    ['the handler imports a construct internal', 'lambda/shared/new-file.ts', "import { ViolationCollector } from '../../src/private/validate';", 'lambda/ imports only the contract files of src/'],
    ['src/ imports the handler', 'src/private/new-shared.ts', "import { RESOURCE_TYPES } from '../../lambda/registry';", 'src/ never imports lambda/'],
    ['the stand-in imports a library internal', 'standin/services/new-model.ts', "import { imageTypeOf } from '../../src/private/file-type';", 'the stand-in models the services on their own documentation'],
    ['the runner imports a handler module', 'standin/runner/new-step.ts', "import { log } from '../../lambda/shared/log';", 'the runner reads the types of lambda/registry.ts'],
    ['a script imports a test', 'scripts/new-script.ts', "import { poolStack } from '../test/branding/stacks';", 'standin/ and scripts/ never import test/'],
  ])('GIVEN %s WHEN linted THEN the import is refused', async (_case, file, code, expected) => {
    const problems = await problemsOf(file, code);
    expect(problems).toEqual([expect.stringContaining(expected)]);
  });

  test.each([
    ['the composer imports a feature\'s internals', 'src/new-composer.ts', "import { LoginTerms } from './terms/private/client-terms';"],
    ['a feature imports another feature\'s public file', 'src/branding/new-file.ts', "import { ClassicCss } from '../classic/options';"],
    ['a feature imports another feature\'s contract', 'src/branding/new-file.ts', "import { CLASSIC_CUSTOMIZATION_TYPE } from '../classic/private/classic-contract';"],
    ['pages checks both page generations', 'src/pages/private/new-file.ts', "import { collectCssViolations } from '../../classic/private/css-rules';"],
    ['the handler imports a contract', 'lambda/shared/new-file.ts', "import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';"],
    ['the runner reads the registry and the assembly reader', 'standin/runner/new-step.ts', "import { RESOURCE_TYPES } from '../../lambda/registry';\nimport { readAssembly } from '../../src/preview/assembly';"],
  ])('GIVEN %s WHEN linted THEN nothing is refused', async (_case, file, code) => {
    expect(await problemsOf(file, code)).toEqual([]);
  });

  test('GIVEN two modules that import each other WHEN linted THEN the cycle is refused', async () => {
    // import/no-cycle follows the files on disk, so this case writes its two (and removes them).
    const dir = mkdtempSync(path.join(ROOT, 'test', 'layering-cycle-'));
    try {
      writeFileSync(path.join(dir, 'first.ts'), "import { SECOND } from './second';\nexport const FIRST = SECOND + 1;\n");
      writeFileSync(path.join(dir, 'second.ts'), "import { FIRST } from './first';\nexport const SECOND = 1;\nexport const BOTH = [FIRST];\n");
      const file = path.relative(ROOT, path.join(dir, 'first.ts'));
      expect(await problemsOf(file, readFileSync(path.join(ROOT, file), 'utf-8'), ['import/no-cycle']))
        .toEqual([expect.stringContaining('import/no-cycle: Dependency cycle detected')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('GIVEN the folders of src/ WHEN .eslintrc.json was generated THEN every feature folder has its zones (run `npx projen` after adding one)', () => {
    const features = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'private').map((entry) => entry.name);
    const targets = new Set(config.rules['import/no-restricted-paths'][1].zones.flatMap((zone: { target: string | string[] }) => zone.target));
    expect(features.filter((feature) => !targets.has(`./src/${feature}`))).toEqual([]);
  });
});
