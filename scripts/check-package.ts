/**
 * What `npm pack` would publish: the compiled library, the bundled Lambda
 * code it deploys and the jsii manifest the other languages are built from,
 * and nothing of the project's own (tests, examples, sources of the
 * handler, scripts, source maps). Prints the package's size. Runs after the
 * compile step of `npm test` (lib/ must exist).
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';

interface PackedFile { readonly path: string; readonly size: number }
interface Pack { readonly size: number; readonly unpackedSize: number; readonly entryCount: number; readonly files: PackedFile[] }

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Pack[];
const paths = pack.files.map((file) => file.path);

/** Dependencies that run in users' apps and ship inside the package (jsii's bundledDependencies, set in .projenrc.ts). */
const bundled: string[] = JSON.parse(readFileSync('package.json', 'utf8')).bundledDependencies ?? [];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const inBundled = (p: string) => bundled.some((name) => p.startsWith(`node_modules/${name}/`));

/** Files a user's deployment or a jsii build needs. */
const REQUIRED: Array<[string, RegExp]> = [
  ['the custom-resource handler bundle', /^assets\/handler\/index\.js$/],
  ['the account linking trigger bundle', /^assets\/account-linking\/index\.js$/],
  ['the compiled entry point', /^lib\/index\.js$/],
  ['its type declarations', /^lib\/index\.d\.ts$/],
  ['Cognito\'s default Settings document', /^lib\/.*default-settings\.js$/],
  ['the preview command', /^lib\/preview\/cli\.js$/],
  ['the jsii manifest', /^\.jsii$/],
  ['the README', /^README\.md$/],
  ['the license', /^LICENSE$/],
  ['the changelog', /^CHANGELOG\.md$/],
  ...bundled.map((name): [string, RegExp] => [`the bundled dependency ${name}`, new RegExp(`^node_modules/${escape(name)}/package\\.json$`)]),
];

/** What must never ship: the project's own files, and source maps (they could carry paths and sources). */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['tests', /^test\//],
  ['examples', /^examples\//],
  ['TypeScript sources', /^(src|lambda)\//],
  ['scripts', /^scripts\//],
  ['source maps', /\.map$/],
  ['local tool folders', /^(\.venv|\.bindings|\.compat|cdk\.out|node_modules)\//],
];

const problems = [
  ...REQUIRED.filter(([, pattern]) => !paths.some((p) => pattern.test(p))).map(([what]) => `missing: ${what}`),
  ...FORBIDDEN.flatMap(([what, pattern]) => paths.filter((p) => pattern.test(p) && !inBundled(p)).map((p) => `must not ship (${what}): ${p}`)),
];

const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
console.log(`package: ${pack.entryCount} files, ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked`);
for (const file of [...pack.files].sort((a, b) => b.size - a.size).slice(0, 3)) {
  console.log(`  largest: ${file.path} ${kb(file.size)}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
