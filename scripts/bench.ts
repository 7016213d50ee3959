/**
 * npm run bench: what managed login branding costs in template size and synth
 * time, with this library (assets staged to S3) and with the L1
 * AWS::Cognito::ManagedLoginBranding (assets base64 inside the template).
 *
 * Prints one row per scenario; numbers, not pass/fail. Synth time is the
 * median of a few runs on this machine and varies with its load.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { BrandingAsset, BrandingCategory, BrandingColorMode, ManagedLoginBranding } from '../src';
import { png } from '../test/branding/images';

/** CloudFormation's cap on a template uploaded through S3 (the CDK always uploads). */
const CFN_TEMPLATE_LIMIT = 1_000_000;
const RUNS = 3;

/** Categories that take a PNG (the two favicon categories need ICO / SVG). */
const PNG_CATEGORIES = [
  BrandingCategory.PAGE_HEADER_LOGO, BrandingCategory.PAGE_BACKGROUND, BrandingCategory.FORM_LOGO,
  BrandingCategory.PAGE_FOOTER_LOGO, BrandingCategory.FORM_BACKGROUND, BrandingCategory.PAGE_HEADER_BACKGROUND,
];

interface Scenario { readonly clients: number; readonly images: number; readonly kib: number }

const SCENARIOS: Scenario[] = [
  { clients: 1, images: 1, kib: 100 },
  { clients: 1, images: 3, kib: 400 },
  { clients: 5, images: 3, kib: 400 },
  { clients: 5, images: 4, kib: 500 },
];

function imageFiles(s: Scenario): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'cognito-login-bench-'));
  return Array.from({ length: s.images }, (_, i) => {
    const file = path.join(dir, `image${i}.png`);
    writeFileSync(file, png(s.kib * 1024, i + 1));
    return file;
  });
}

function baseStack(): { stack: Stack; pool: cognito.UserPool } {
  const outdir = mkdtempSync(path.join(tmpdir(), 'cognito-login-bench-out-'));
  const stack = new Stack(new App({ outdir }), 'Bench', { env: { account: '123456789012', region: 'eu-west-1' } });
  return { stack, pool: new cognito.UserPool(stack, 'Pool') };
}

/** Template bytes of a stack styled by this library. */
function withLibrary(s: Scenario, files: string[]): number {
  const { stack, pool } = baseStack();
  for (let c = 0; c < s.clients; c++) {
    const client = pool.addClient(`Client${c}`);
    new ManagedLoginBranding(stack, `Branding${c}`, {
      userPool: pool,
      client,
      assets: files.map((file, i) => BrandingAsset.fromFile(file, { category: PNG_CATEGORIES[i], colorMode: BrandingColorMode.LIGHT })),
    });
  }
  return templateBytes(stack);
}

/** Template bytes of the same styles written with the L1, images inline as base64. */
function withL1(s: Scenario, files: string[]): number {
  const { stack, pool } = baseStack();
  const bytes = files.map((file) => readFileSync(file).toString('base64'));
  for (let c = 0; c < s.clients; c++) {
    const client = pool.addClient(`Client${c}`);
    new cognito.CfnManagedLoginBranding(stack, `Branding${c}`, {
      userPoolId: pool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
      assets: bytes.map((b64, i) => ({ category: PNG_CATEGORIES[i], colorMode: 'LIGHT', extension: 'PNG', bytes: b64 })),
    });
  }
  return templateBytes(stack);
}

function templateBytes(stack: Stack): number {
  const app = stack.node.root as App;
  return Buffer.byteLength(JSON.stringify(app.synth().getStackByName(stack.stackName).template));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(run: () => number): { bytes: number; ms: number } {
  let bytes = 0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    bytes = run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { bytes, ms: median(times) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

console.log(`managed login branding: template size and synth time (median of ${RUNS})`);
console.log('clients | images per style | image size | library template | library synth | L1 template (base64 inline) | L1 synth');
for (const s of SCENARIOS) {
  const files = imageFiles(s);
  const lib = timed(() => withLibrary(s, files));
  const l1 = timed(() => withL1(s, files));
  const l1Note = l1.bytes > CFN_TEMPLATE_LIMIT ? ' (over 1 MB: CloudFormation refuses it)' : '';
  console.log(`${s.clients} | ${s.images} | ${s.kib} KiB | ${kb(lib.bytes)} | ${lib.ms.toFixed(0)} ms | ${kb(l1.bytes)}${l1Note} | ${l1.ms.toFixed(0)} ms`);
}
