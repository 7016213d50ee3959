/**
 * Builds one Lambda bundle: `ts-node scripts/bundle/build.ts <entry>
 * --outfile=<file> --metafile=<file>` (the bundle tasks in .projenrc.ts).
 * The entry, bundled with the pinned SDK into one minified CommonJS file,
 * and esbuild's metafile (what each input contributes; scripts/bench prints
 * its largest packages) beside it.
 *
 * - mainFields module, main: the SDK's ES module builds (dist-es), which
 *   esbuild can tree-shake; the CommonJS builds it picks by default for the
 *   node platform cannot be (esbuild docs, "Main fields" and "Tree shaking").
 * - the alias of @aws-sdk/credential-provider-node: the clients' default
 *   credential chain becomes the environment alone, which is where a Lambda's
 *   credentials are (lambda/shared/environment-credentials.ts says why).
 * - sdkTrim: what tree-shaking cannot drop of the SDK clients (./sdk-trim.ts).
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { build, BuildOptions } from 'esbuild';
import { sdkTrim } from './sdk-trim';

const ROOT = path.join(__dirname, '..', '..');

/** The command line: the entry, then --outfile= and --metafile=. */
function parseArguments(args: string[]): { entry: string; outfile: string; metafile: string } {
  const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const entry = args.find((arg) => !arg.startsWith('--'));
  const outfile = option('outfile');
  const metafile = option('metafile');
  if (!entry || !outfile || !metafile) {
    throw new Error(`usage: build.ts <entry> --outfile=<file> --metafile=<file> (got: ${args.join(' ')})`);
  }
  return { entry, outfile, metafile };
}

/** The esbuild options of a Lambda bundle; test/lambda/sdk-trim.test.ts builds with them too. */
export function lambdaBuildOptions(entry: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    mainFields: ['module', 'main'],
    alias: { '@aws-sdk/credential-provider-node': path.join(ROOT, 'lambda', 'shared', 'environment-credentials.ts') },
    absWorkingDir: ROOT,
    minify: true,
    legalComments: 'none',
    plugins: [sdkTrim()],
  };
}

async function main(): Promise<void> {
  const { entry, outfile, metafile } = parseArguments(process.argv.slice(2));
  const result = await build({ ...lambdaBuildOptions(entry), outfile, metafile: true, logLevel: 'info' });
  mkdirSync(path.dirname(metafile), { recursive: true });
  writeFileSync(metafile, JSON.stringify(result.metafile));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
