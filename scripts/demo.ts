/**
 * npm run demo: synthesize every example app into cdk.out/<example>/ and print,
 * per stack, its resources by type, its template size in bytes and its outputs;
 * then deploy them all, simulated, against the Cognito stand-in (see
 * scripts/demo/simulated-deployment.ts). With --quiet it only synthesizes
 * (scripts/cfn-lint.sh uses it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXAMPLES } from '../examples';
import { simulateDeployments } from './demo/simulated-deployment';
import { writePreviews } from '../src/preview';

const quiet = process.argv.includes('--quiet');
const root = path.join(__dirname, '..', 'cdk.out');

for (const example of EXAMPLES) {
  const outdir = path.join(root, example.name);
  const assembly = example.createApp({ outdir }).synth();
  if (quiet) continue;
  console.log(`\n=== example ${example.name}: ${example.description}`);
  for (const stack of assembly.stacks) {
    const file = path.join(assembly.directory, stack.templateFile);
    const bytes = fs.statSync(file).size;
    const template = stack.template as { Resources?: Record<string, { Type: string }>; Outputs?: Record<string, unknown> };
    const byType = new Map<string, number>();
    for (const resource of Object.values(template.Resources ?? {})) {
      byType.set(resource.Type, (byType.get(resource.Type) ?? 0) + 1);
    }
    console.log(`stack ${stack.stackName}: template ${bytes} bytes, ${Object.keys(template.Resources ?? {}).length} resources`);
    for (const [type, count] of [...byType].sort()) console.log(`  ${String(count).padStart(3)} x ${type}`);
    const outputs = Object.keys(template.Outputs ?? {});
    console.log(`  outputs: ${outputs.length ? outputs.join(', ') : '(none)'}`);
  }
}
if (!quiet) {
  console.log(`\nsynthesized ${EXAMPLES.length} examples into ${path.relative(process.cwd(), root)}/`);
  // First the previews, then the simulated deployments, one after the other so their output does not interleave.
  writeAllPreviews().then(() => simulateDeployments(EXAMPLES, root)).catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

// --- Login page previews (issue 11) --------------------------------------
// Every example's login pages as HTML and, with Chromium installed, PNG:
// cdk.out/preview/<example>/<stack>/<client>.<mode>.png, a gallery per example.
async function writeAllPreviews(): Promise<void> {
  const previews = path.join(root, 'preview');
  console.log('\n=== login page previews');
  for (const example of EXAMPLES) {
    const result = await writePreviews(path.join(root, example.name), path.join(previews, example.name));
    const shown = path.relative(process.cwd(), result.index);
    console.log(`${example.name}: ${result.pages.length} pages, ${result.pages.filter((p) => p.png).length} PNGs; gallery ${shown}`);
    for (const page of result.pages) console.log(`  ${path.relative(process.cwd(), page.png ?? page.html)}`);
    for (const line of [result.noBrowser, result.noSandbox]) if (line) console.log(`  ${line}`);
  }
}
