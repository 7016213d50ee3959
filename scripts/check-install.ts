/**
 * The README's install path for a package that is not on npm yet: `npm pack`
 * in this repository, then `npm install <the tarball>` in an app. This packs
 * for real, installs the tarball offline into a fresh app folder under test/
 * (the package's only dependency ships inside it; its peers aws-cdk-lib and
 * constructs resolve from the repository's node_modules above the folder),
 * and runs the README's one-minute app there against the installed package:
 * it must synthesize, with the handler bundle staged from the tarball's files.
 * Runs after the compile step of `npm test` (lib/ must exist).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import * as ts from 'typescript';
import { readmeSection } from './readme-section';

const ROOT = path.join(__dirname, '..');
// Inside test/ so that the app's aws-cdk-lib is the repository's; /test/.readme-*/ is gitignored.
const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-install-'));

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

try {
  // `npm pack` as the README says, into the app's folder.
  const [{ filename }] = JSON.parse(npm(['pack', '--json', '--silent', '--pack-destination', dir], ROOT)) as Array<{ filename: string }>;
  const tarball = path.join(dir, filename);

  // `npm install <tarball>` in an app: offline, so nothing but the tarball is read.
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'readme-install', private: true }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--legacy-peer-deps', '--loglevel=error', tarball], dir);
  const installed = path.join(dir, 'node_modules', 'cdk-cognito-login');

  // The one-minute app's lib/auth-stack.ts, importing the installed package.
  const block = /```ts\n([\s\S]*?)```/.exec(readmeSection('## In one minute').lines.join('\n'));
  if (!block) throw new Error('README.md: no TypeScript block under "## In one minute"');
  const app = path.join(dir, 'auth-stack.js');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 };
  writeFileSync(app, ts.transpileModule(block[1], { compilerOptions }).outputText);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading the app is running it
  const { AuthStack } = require(app);
  // bin/auth.ts of `cdk init`, then `cdk synth`.
  const cdk = new App({ outdir: path.join(dir, 'cdk.out') });
  new AuthStack(cdk, 'AuthStack');
  const out = cdk.synth();

  const problems: string[] = [];
  const loaded = require.resolve('cdk-cognito-login', { paths: [dir] });
  if (!loaded.startsWith(installed + path.sep)) problems.push(`the app loaded ${loaded}, not the installed package`);
  const template = out.getStackByName('AuthStack').template as { Resources: Record<string, { Type: string }> };
  const types = Object.values(template.Resources).map((r) => r.Type);
  for (const type of ['AWS::Cognito::UserPool', 'AWS::Cognito::UserPoolDomain', 'AWS::Cognito::UserPoolClient', 'Custom::CognitoManagedLoginBranding']) {
    if (!types.includes(type)) problems.push(`the one-minute app's template has no ${type}`);
  }
  const staged = readdirSync(out.directory).filter((name) => name.startsWith('asset.') && existsSync(path.join(out.directory, name, 'index.js')));
  if (staged.length === 0) problems.push('no Lambda bundle (asset.*/index.js) was staged from the installed package');

  console.log(`install: ${filename} installed offline into an app; the README's one-minute app synthesized ${types.length} resources from it`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
