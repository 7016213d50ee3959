// The README's TypeScript quick start and its one-minute app are code users
// paste: each must compile against the library as it is and synthesize, or
// the README has drifted.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';
import { readmeSection } from '../scripts/readme-section';

const ROOT = path.join(__dirname, '..');

/** The first ```ts block of a README section. */
function firstBlockAfter(heading: string): string {
  const match = /```ts\n([\s\S]*?)```/.exec(readmeSection(heading).lines.join('\n'));
  if (!match) throw new Error(`README has no TypeScript block after "${heading}"`);
  return match[1];
}

/** Imports of 'cdk-cognito-login' pointed at src/, as seen from dir. */
function fromSource(snippet: string, dir: string): string {
  const src = path.relative(dir, path.join(ROOT, 'src')).split(path.sep).join('/');
  return snippet.replace(/from 'cdk-cognito-login'/g, `from '${src}'`);
}

/**
 * The quick start as a module: the `stack` it takes as given is declared
 * after the imports.
 */
function asModule(snippet: string, dir: string): string {
  const body = fromSource(snippet, dir);
  const lastImport = body.lastIndexOf(' from ');
  const split = body.indexOf('\n', lastImport) + 1;
  return body.slice(0, split)
    + "import { App as ReadmeApp } from 'aws-cdk-lib';\n"
    + "const stack = new Stack(new ReadmeApp(), 'Readme', { env: { account: '123456789012', region: 'eu-west-1' } });\n"
    + body.slice(split)
    + '\nexport const readmeStack = stack;\n';
}

/** The TypeScript compiler's findings on a file, with the project's options. */
function diagnosticsOf(file: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
  })!;
  const program = ts.createProgram([file], { ...config.options, noEmit: true, noUnusedLocals: false, rootDir: ROOT });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('README quick start (TypeScript)', () => {
  // GIVEN the snippet as a file beside src/, with the logo it names
  const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-'));
  const file = path.join(dir, 'quick-start.ts');
  writeFileSync(file, asModule(firstBlockAfter('## Quick start (TypeScript)'), dir));
  copyFileSync(path.join(ROOT, 'examples', 'assets', 'logo.png'), path.join(dir, 'logo.png'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('compiles against the library', () => {
    // WHEN the TypeScript compiler checks it with the project's options
    const diagnostics = diagnosticsOf(file);

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

describe('README one-minute app', () => {
  // GIVEN lib/auth-stack.ts as the README writes it, beside src/
  const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-'));
  const file = path.join(dir, 'auth-stack.ts');
  writeFileSync(file, fromSource(firstBlockAfter('## In one minute'), dir));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('compiles against the library', () => {
    expect(diagnosticsOf(file)).toEqual([]);
  });

  test('deploys a retained pool, its sign-in pages and a client that can use them', () => {
    // WHEN bin/auth.ts of `cdk init` instantiates it
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the snippet is running it
    const { AuthStack } = require(file);
    const stack: Stack = new AuthStack(new App(), 'AuthStack');
    const template = Template.fromStack(stack);

    // THEN the pool keeps its users when the stack goes
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }) });
    // the domain serves managed login, and the client has a style, so its pages show (not "Login pages unavailable")
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'acme-auth-dev', ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['http://localhost:3000/callback'] });
    template.resourceCountIs('Custom::CognitoManagedLoginBranding', 1);
    // and `cdk deploy` prints the sign-in URL the README says to open
    expect(Object.keys(template.findOutputs('*')).filter((id) => id.startsWith('LoginWebSignInUrl'))).toHaveLength(1);
  });
});
