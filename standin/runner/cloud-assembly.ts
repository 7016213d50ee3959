import * as path from 'path';
import { readAssembly as readCloudAssembly, StagedAsset } from '../../src/preview/assembly';

/**
 * A synthesized cloud assembly (a cdk.out directory) as the runner deploys
 * it: its stacks in dependency order, their templates, and the file assets
 * each stack's asset manifest stages to S3.
 */

export interface Template {
  readonly Parameters?: { readonly [name: string]: { readonly Type: string; readonly Default?: unknown } };
  readonly Conditions?: { readonly [name: string]: unknown };
  readonly Mappings?: { readonly [name: string]: { readonly [key: string]: { readonly [key: string]: unknown } } };
  readonly Resources: { readonly [logicalId: string]: TemplateResource };
  readonly Outputs?: { readonly [name: string]: TemplateOutput };
}

export interface TemplateOutput {
  readonly Value: unknown;
  readonly Export?: { readonly Name: unknown };
  readonly Condition?: string;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly [name: string]: unknown };
  readonly DependsOn?: string | readonly string[];
  readonly Condition?: string;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export interface StackArtifact {
  /** Artifact id (the stack's name unless stackName says otherwise). */
  readonly id: string;
  readonly stackName: string;
  readonly template: Template;
  /** From `aws://account/region`; undefined when environment-agnostic. */
  readonly account?: string;
  readonly region?: string;
  /** Artifact ids of the stacks this one depends on. */
  readonly dependencies: readonly string[];
  readonly assets: readonly StagedAsset[];
}

/**
 * The stacks of an assembly, each after the stacks it depends on. The
 * assembly is read by the project's one cloud-assembly reader, the login
 * page preview's (src/preview/assembly.ts): reading cdk.out is no Cognito
 * rule, so the runner shares it rather than keep a second reader.
 */
export function readAssembly(dir: string): StackArtifact[] {
  const read = readCloudAssembly(path.resolve(dir));
  const stackIds = new Set(read.map((stack) => stack.id));
  const stacks = read.map((stack): StackArtifact => {
    const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(stack.environment ?? '');
    return {
      id: stack.id,
      stackName: stack.stackName,
      template: stack.template as Template,
      account: env && env[1] !== 'unknown-account' ? env[1] : undefined,
      region: env && env[2] !== 'unknown-region' ? env[2] : undefined,
      dependencies: stack.dependencies.filter((dep) => stackIds.has(dep)),
      assets: stack.assets(),
    };
  });
  return dependencyOrder(stacks);
}

function dependencyOrder(stacks: StackArtifact[]): StackArtifact[] {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const ordered: StackArtifact[] = [];
  const visit = (stack: StackArtifact, trail: string[]) => {
    if (ordered.includes(stack)) {
      return;
    }
    if (trail.includes(stack.id)) {
      throw new Error(`Stacks depend on each other in a cycle: ${[...trail, stack.id].join(' -> ')}`);
    }
    for (const dep of stack.dependencies) {
      visit(byId.get(dep)!, [...trail, stack.id]);
    }
    ordered.push(stack);
  };
  stacks.forEach((s) => visit(s, []));
  return ordered;
}
