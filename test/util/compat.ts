// Which checks run on the aws-cdk-lib of this jest run. `npm test` runs on the
// dev version in node_modules; scripts/compat.sh reruns the same suite on the
// peer floor and on the newest release, with CDK_COMPAT_VERSION set. A check
// that cannot run on a version is skipped by name, and the reason is written
// to test-reports/compat-skipped.txt, which scripts/compat.sh prints.
import * as fs from 'fs';
import * as path from 'path';
import { Example, EXAMPLES } from '../../examples';

/** The aws-cdk-lib this run loads. */
export const CDK_VERSION: string = JSON.parse(fs.readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf-8')).version;

/** Set by scripts/compat.sh: this run is on another aws-cdk-lib than the dev one. */
const COMPAT_RUN = process.env.CDK_COMPAT_VERSION !== undefined;

function atLeast(version: string): boolean {
  const [a, b] = [CDK_VERSION, version].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] > b[i];
  }
  return true;
}

function noteSkipped(name: string, reason: string): void {
  const dir = path.join(process.cwd(), 'test-reports');
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, 'compat-skipped.txt'), `aws-cdk-lib ${CDK_VERSION}: skipped "${name}": ${reason}\n`);
}

/**
 * `test` for a template snapshot. Snapshots are pinned to the dev aws-cdk-lib
 * (what `npm test` runs on): another release renders the same resources with
 * other defaults and metadata, so a compat run skips them; every other test
 * of the suite still runs there.
 */
export function snapshotTest(name: string, fn: () => void): void {
  if (COMPAT_RUN) {
    noteSkipped(name, 'template snapshots are pinned to the dev aws-cdk-lib (npm test)');
    test.skip(name, fn);
  } else {
    test(name, fn);
  }
}

/**
 * `describe` (or `describe.skip`) for the checks of `file` that need an
 * aws-cdk-lib feature added in `version`: the library supports older
 * releases, where those checks cannot run; skipping says so.
 */
export function describeFromCdk(version: string, feature: string, file: string): jest.Describe {
  if (atLeast(version)) {
    return describe;
  }
  noteSkipped(file, `${feature}: aws-cdk-lib ${version} or newer`);
  return describe.skip;
}

/**
 * `test` for one check that needs an aws-cdk-lib feature added in `version`
 * (see describeFromCdk): skipped on older releases, and said so.
 */
export function testFromCdk(version: string, feature: string, name: string, fn: () => void): void {
  if (atLeast(version)) {
    test(name, fn);
  } else {
    noteSkipped(name, `${feature}: aws-cdk-lib ${version} or newer`);
    test.skip(name, fn);
  }
}

/**
 * The examples whose own code runs on this aws-cdk-lib (see
 * `Example.requiresCdk`), as `describe.each` rows; the others are skipped, and said so.
 */
export function examplesOnThisCdk(): Array<readonly [string, Example]> {
  return EXAMPLES.filter((example) => {
    if (example.requiresCdk === undefined || atLeast(example.requiresCdk)) {
      return true;
    }
    noteSkipped(`example ${example.name}`, `its code uses aws-cdk-lib ${example.requiresCdk} or newer`);
    return false;
  }).map((example) => [example.name, example] as const);
}
