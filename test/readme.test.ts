// The README's TypeScript quick start is code users paste: it must compile
// against the library as it is and synthesize, or the README has drifted.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
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
    + body.slice(split);
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

  test('synthesizes', () => {
    // WHEN it runs from its own folder (file paths in it are relative)
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // THEN no error is thrown
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the snippet is running it
      expect(() => require(file)).not.toThrow();
    } finally {
      process.chdir(cwd);
    }
  });
});
