import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The Node.js binary the simulated Lambda runs on: the release pinned in
 * scripts/lambda-node.json (from .projenrc.ts, which keeps it of the major the
 * library's functions deploy on), fetched into .lambda-node/ by
 * scripts/lambda-node.sh. `npm test` fetches it before jest; a test run on its
 * own fetches it on first use.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

interface Pin {
  readonly package: string;
  readonly version: string;
}

/** The pinned release, e.g. `24.22.3`. */
export function lambdaNodeVersion(): string {
  return pin().version;
}

/** The Lambda runtime of that release's major, e.g. `nodejs24.x` (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html). */
export function lambdaRuntime(): string {
  return `nodejs${lambdaNodeVersion().split('.')[0]}.x`;
}

let binary: string | undefined;

/** The binary's absolute path; runs scripts/lambda-node.sh first when it is missing. */
export function lambdaNodeBinary(): string {
  if (!binary) {
    const { package: name, version } = pin();
    const expected = path.join(REPO_ROOT, '.lambda-node', `${name}-${version}`, 'bin', 'node');
    if (!fs.existsSync(expected)) {
      // Idempotent, prints the path; from npm's cache in well under a second, from the registry in a few seconds.
      execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'lambda-node.sh')], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
    }
    binary = expected;
  }
  return binary;
}

function pin(): Pin {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'lambda-node.json'), 'utf8')) as Pin;
}
