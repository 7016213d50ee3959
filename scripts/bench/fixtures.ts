/**
 * What every benchmark builds on: the branding images (a 20 KB logo, a 300 KB
 * background and a 5 KB favicon), fresh apps writing to temporary folders, and
 * the facts read back from a synthesized template.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { App, DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { policyCharactersPerRole } from '../../standin/runner/iam-rendering';
import { ico, png } from '../../standin/sample-images';

export const ENV = { account: '123456789012', region: 'eu-west-1' };

/** CloudFormation's limits on a template: through S3 (what the CDK uploads) and inline in the request. */
export const TEMPLATE_LIMIT_S3 = 1_000_000;
export const TEMPLATE_LIMIT_INLINE = 51_200;
export const RESOURCE_LIMIT = 500;
/** IAM's limit on the inline policies of one role, all of them together (characters, whitespace excluded). */
export const ROLE_POLICY_LIMIT = 10_240;

/** The three image files of the branding every benchmark applies. */
export interface BrandingImages {
  readonly logo: string;
  readonly background: string;
  readonly favicon: string;
  /** Raw bytes of the three images together. */
  readonly totalBytes: number;
}

const inputDirs: string[] = [];
const outputDirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cognito-login-bench-${prefix}-`));
  (prefix === 'out' ? outputDirs : inputDirs).push(dir);
  return dir;
}

/** Removes the cloud assemblies written so far (large: the handler bundle alone is ~300 kB in each). */
export function cleanOutputs(): void {
  for (const dir of outputDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Removes every temporary folder, inputs too. */
export function cleanAll(): void {
  cleanOutputs();
  for (const dir of inputDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Writes the images, `scale` times the nominal sizes (20 KB logo, 300 KB
 * background, 5 KB favicon); `seed` varies their content.
 */
export function brandingImages(scale = 1, seed = 1): BrandingImages {
  const dir = tempDir('images');
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  const logo = write('logo.png', png(Math.round(20 * 1024 * scale), seed));
  const background = write('background.png', png(Math.round(300 * 1024 * scale), seed + 1));
  const favicon = write('favicon.ico', ico(Math.round(5 * 1024 * scale), seed + 2));
  return {
    logo,
    background,
    favicon,
    totalBytes: [logo, background, favicon].reduce((sum, f) => sum + statSync(f).size, 0),
  };
}

/**
 * A fresh app (its own temporary outdir) with one stack; `bootstrapRule`
 * false leaves out the CDK's BootstrapVersion parameter and rule.
 */
export function newStack(id = 'Bench', bootstrapRule = true): Stack {
  const app = new App({ outdir: tempDir('out') });
  return new Stack(app, id, {
    env: ENV,
    ...(bootstrapRule ? {} : { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) }),
  });
}

/**
 * Drops the rule engine of aws-cdk-lib's template validation (2.262.0 on),
 * so that the next synth builds its own, as every `cdk synth` does: the CLI
 * runs the app once in a new process. The engine is a singleton of the
 * process, rebuilt only when a template holds a resource type it was not
 * built for; in a benchmark that alternates two apps of different resource
 * types in one process, some synths would pay the build and others not
 * (per-pair ratios from 0.2x to 2.5x at 3 clients). Its only way to drop
 * the engine is internal, so the benchmark fails loudly if it goes away.
 */
export function freshTemplateValidator(): void {
  const plugin = (cdk as any).CloudFormationValidatePlugin;
  if (plugin === undefined) return; // before 2.262.0: no built-in validation to reset
  if (typeof plugin._disposeSingleton !== 'function') {
    throw new Error('aws-cdk-lib\'s CloudFormationValidatePlugin no longer has _disposeSingleton: the synth benchmark cannot give each synth a new validator');
  }
  plugin._disposeSingleton();
}

export function synth(stack: Stack): CloudAssembly {
  return (stack.node.root as App).synth();
}

interface Template {
  readonly Resources: Record<string, { Type: string; Properties?: any }>;
}

/** What the benchmarks read from a synthesized stack. */
export interface TemplateFacts {
  /** Bytes of the template file the CDK uploads (as written to the cloud assembly). */
  readonly bytes: number;
  readonly resources: number;
  readonly lambdas: number;
  /**
   * Characters of the IAM policy documents the stack attaches (inline policies
   * of roles and AWS::IAM::Policy resources) as IAM counts them: compact JSON,
   * intrinsics resolved to values of real length (standin/runner/iam-rendering.ts).
   */
  readonly policyChars: number;
  /** The largest sum of inline policy characters attached to one role (IAM's 10,240 limit is per role). */
  readonly maxPolicyCharsPerRole: number;
}

export function templateFacts(assembly: CloudAssembly, stackName: string): TemplateFacts {
  const artifact = assembly.getStackByName(stackName);
  const template = artifact.template as Template;
  const resources = Object.values(template.Resources);
  // CloudFormation's generated names end in 12 or 13 random characters.
  const perRole = policyCharactersPerRole(template, { ...ENV, stackName, generatedSuffix: 'ABCDEFGHIJKL' });
  return {
    bytes: statSync(path.join(assembly.directory, artifact.templateFile)).size,
    resources: resources.length,
    lambdas: resources.filter((r) => r.Type === 'AWS::Lambda::Function').length,
    policyChars: [...perRole.values()].reduce((sum, chars) => sum + chars, 0),
    maxPolicyCharsPerRole: Math.max(0, ...perRole.values()),
  };
}

/** Synthesizes the stack and reads its facts. */
export function factsOf(stack: Stack): TemplateFacts {
  return templateFacts(synth(stack), stack.stackName);
}
