import * as fs from 'fs';
import * as path from 'path';
import { bundleTasks, packageOf } from '../../scripts/bench/bundle-contents';

/**
 * What goes into the Lambda bundles, read from the metafiles the bundle tasks
 * write beside them (`npx projen bundle`; the test task builds them first).
 * The deploy scenarios prove the bundles still run; these prove they stay
 * lean: the SDK's tree-shakeable ES module builds, and no credential source
 * a Lambda never reaches.
 */
const ROOT = path.join(__dirname, '..', '..');

function inputsOf(metafile: string): string[] {
  const file = path.join(ROOT, metafile);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npx projen bundle`);
  const outputs = Object.values(JSON.parse(fs.readFileSync(file, 'utf8')).outputs) as { inputs: object }[];
  return Object.keys(outputs[0].inputs);
}

const BUNDLES = bundleTasks();

test('both Lambda bundles write a metafile', () => {
  // THEN
  expect(BUNDLES.map((bundle) => bundle.outfile).sort()).toEqual(['assets/account-linking/index.js', 'assets/handler/index.js']);
});

test.each(BUNDLES.map((bundle) => [bundle.outfile, bundle.metafile]))('%s is built from the SDK\'s ES module builds, which tree-shake', (_outfile, metafile) => {
  // GIVEN every AWS SDK and Smithy file in the bundle
  const sdk = inputsOf(metafile).filter((input) => /node_modules\/@(aws-sdk|smithy)\//.test(input) && !input.endsWith('.json'));

  // THEN none comes from a CommonJS build
  expect(sdk.length).toBeGreaterThan(0);
  expect(sdk.filter((input) => input.includes('/dist-cjs/'))).toEqual([]);
});

test.each(BUNDLES.map((bundle) => [bundle.outfile, bundle.metafile]))('%s takes its credentials from the environment only', (_outfile, metafile) => {
  // GIVEN the packages in the bundle
  const packages = new Set(inputsOf(metafile).map(packageOf));

  // THEN the environment provider is there, and none of the rest of the default chain (nor the STS and SSO clients it uses)
  expect(packages).toContain('@aws-sdk/credential-provider-env');
  expect([...packages].filter((name) => /credential-provider|nested-clients|token-providers/.test(name))).toEqual(['@aws-sdk/credential-provider-env']);
});

test.each(BUNDLES.map((bundle) => [bundle.outfile, bundle.metafile]))('%s carries no event stream code and no SDK error classes (scripts/bundle/sdk-trim.ts)', (_outfile, metafile) => {
  // GIVEN the files in the bundle
  const inputs = inputsOf(metafile);

  // THEN @smithy/core's event streams are the stand-in that refuses them, and no client's models/errors.js is there
  expect(inputs.filter((input) => /event-?streams?/.test(input))).toEqual(
    inputs.some((input) => input.includes('@smithy/core/dist-es/submodules/protocols/')) ? ['scripts/bundle/event-streams-unbundled.ts'] : [],
  );
  expect(inputs.filter((input) => /@aws-sdk\/client-[^/]+\/dist-es\/models\/errors\.js$/.test(input))).toEqual([]);
});

test.each(BUNDLES.map((bundle) => [bundle.outfile]))('%s is at most 300 kB (issue 20)', (outfile) => {
  // THEN
  expect(fs.statSync(path.join(ROOT, outfile)).size).toBeLessThanOrEqual(300_000);
});
