// Every TypeScript snippet of the README is code users paste: each must
// compile against the library as it is. The quick start is also run
// (readme.test.ts); the shorter snippets are fragments of a construct's
// constructor, so each is compiled inside a fixture that declares what they
// take as given (`this`, `login`, `userPool`, `client`, `logo`, ...), the way
// jsii-rosetta fixtures do for aws-cdk's own docs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as library from '../src';

const ROOT = path.join(__dirname, '..');

interface Snippet {
  /** 1-based line of the README where the block's code starts. */
  readonly line: number;
  readonly code: string;
}

/** Every ```ts block of the README but the quick start, which readme.test.ts compiles and runs. */
function snippets(): Snippet[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const found: Snippet[] = [];
  const block = /```ts\n([\s\S]*?)```/g;
  for (let match = block.exec(readme); match; match = block.exec(readme)) {
    if (match[1].includes("from 'cdk-cognito-login'")) continue;
    found.push({ line: readme.slice(0, match.index).split('\n').length + 1, code: match[1] });
  }
  return found;
}

/** What the fragments take as given, and the snippet as the body of a stack's constructor. */
function inFixture(snippet: Snippet, src: string): string {
  const names = Object.keys(library).join(', ');
  return [
    "import { Duration, SecretValue, Stack } from 'aws-cdk-lib';",
    "import * as cognito from 'aws-cdk-lib/aws-cognito';",
    `import { ${names} } from '${src}';`,
    'declare const login: CognitoLogin;',
    'declare const userPool: cognito.UserPool;',
    'declare const client: cognito.UserPoolClient;',
    'declare const existingClient: cognito.IUserPoolClient;',
    'declare const logo: BrandingAsset;',
    'export class Snippet extends Stack {',
    '  constructor() {',
    '    super();',
    snippet.code,
    '  }',
    '}',
    '',
  ].join('\n');
}

describe('README TypeScript snippets', () => {
  const all = snippets();
  const dir = mkdtempSync(path.join(ROOT, 'test', '.readme-snippets-'));
  const files = all.map((snippet, i) => {
    const file = path.join(dir, `snippet${i}.ts`);
    writeFileSync(file, inFixture(snippet, path.relative(dir, path.join(ROOT, 'src')).split(path.sep).join('/')));
    return file;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('there are snippets to check', () => {
    expect(all.length).toBeGreaterThan(5);
  });

  test('each compiles against the library', () => {
    // WHEN the TypeScript compiler checks them all with the project's options
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
    })!;
    const program = ts.createProgram(files, {
      ...config.options, noEmit: true, noUnusedLocals: false, noUnusedParameters: false, rootDir: ROOT,
    });

    // THEN none has an error; each error names the README line of its snippet
    const errors = files.flatMap((file, i) => ts.getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => `README.md snippet at line ${all[i].line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`));
    expect(errors).toEqual([]);
  });
});
