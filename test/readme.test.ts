// The README's TypeScript quick start is code users paste: it must compile
// against the library as it is and synthesize, or the README has drifted.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');

/** The first ```ts block after the "Quick start (TypeScript)" heading. */
function quickStart(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const section = readme.slice(readme.indexOf('## Quick start (TypeScript)'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no TypeScript quick start');
  return match[1];
}

/**
 * The snippet as a module: imports of 'cdk-cognito-login' point at src/, and
 * the `stack` it takes as given is declared after the imports.
 */
function asModule(snippet: string, dir: string): string {
  const src = path.relative(dir, path.join(ROOT, 'src')).split(path.sep).join('/');
  const body = snippet.replace(/from 'cdk-cognito-login'/g, `from '${src}'`);
  const lastImport = body.lastIndexOf(' from ');
  const split = body.indexOf('\n', lastImport) + 1;
  return body.slice(0, split)
    + "import { App as ReadmeApp } from 'aws-cdk-lib';\n"
    + "const stack = new Stack(new ReadmeApp(), 'Readme', { env: { account: '123456789012', region: 'eu-west-1' } });\n"
    + body.slice(split)
    + '\nexport const readmeStack = stack;\n';
}

describe('README quick start (TypeScript)', () => {
  // GIVEN the snippet as a file beside src/, with the logo it names
  const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-'));
  const file = path.join(dir, 'quick-start.ts');
  writeFileSync(file, asModule(quickStart(), dir));
  copyFileSync(path.join(ROOT, 'examples', 'assets', 'logo.png'), path.join(dir, 'logo.png'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('compiles against the library', () => {
    // WHEN the TypeScript compiler checks it with the project's options
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
    })!;
    const program = ts.createProgram([file], { ...config.options, noEmit: true, noUnusedLocals: false, rootDir: ROOT });
    const diagnostics = ts.getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));

    // THEN there is nothing to report
    expect(diagnostics).toEqual([]);
  });

  test('synthesizes, and the logo it declares shows', () => {
    // WHEN it runs from its own folder (file paths in it are relative)
    const cwd = process.cwd();
    process.chdir(dir);
    let stack: Stack;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the snippet is running it
      stack = require(file).readmeStack;
    } finally {
      process.chdir(cwd);
    }

    // THEN the staged Settings document of its style switches the header logo on:
    // Cognito's defaults hide it, and a deployed quick start would show no logo
    const style = Object.values<any>(Template.fromStack(stack).findResources('Custom::CognitoManagedLoginBranding'))[0];
    const assembly = Stage.of(stack)!.synth().directory;
    const settings = JSON.parse(readFileSync(path.join(assembly, `asset.${style.Properties.Settings.Key}`), 'utf-8'));
    expect(style.Properties.Assets).toEqual([expect.objectContaining({ Category: 'PAGE_HEADER_LOGO' })]);
    expect(settings.components.pageHeader.logo.enabled).toBe(true);
    expect(settings.categories.global.pageHeader.enabled).toBe(true);
  });
});
