import * as fs from 'fs';
import * as path from 'path';

/**
 * Reads a synthesized cloud assembly (a cdk.out directory): its stacks in
 * dependency order, their templates, and the file assets each stack's asset
 * manifest stages to S3.
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

/** A file or directory asset and where CDK publishes it. */
export interface AssetFile {
  readonly hash: string;
  /** Absolute path in the assembly. */
  readonly sourcePath: string;
  readonly packaging: 'file' | 'zip';
  /** With `${AWS::AccountId}`, `${AWS::Region}`, `${AWS::Partition}` placeholders as CDK writes them. */
  readonly destinations: readonly { readonly bucketName: string; readonly objectKey: string }[];
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
  readonly assets: readonly AssetFile[];
  /** The assembly directory, for asset paths. */
  readonly assemblyDir: string;
}

interface Manifest {
  readonly artifacts: {
    readonly [id: string]: {
      readonly type: string;
      readonly environment?: string;
      readonly properties?: { readonly templateFile?: string; readonly stackName?: string; readonly file?: string };
      readonly dependencies?: readonly string[];
    };
  };
}

interface AssetManifest {
  readonly files?: {
    readonly [hash: string]: {
      readonly source: { readonly path: string; readonly packaging?: 'file' | 'zip' };
      readonly destinations: { readonly [id: string]: { readonly bucketName: string; readonly objectKey: string } };
    };
  };
}

/** The stacks of an assembly, each after the stacks it depends on. */
export function readAssembly(dir: string): StackArtifact[] {
  const assemblyDir = path.resolve(dir);
  const manifest = readJson<Manifest>(path.join(assemblyDir, 'manifest.json'));
  const artifacts = manifest.artifacts;
  const stacks = Object.entries(artifacts)
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([id, artifact]): StackArtifact => {
      const env = /^aws:\/\/([^/]+)\/(.+)$/.exec(artifact.environment ?? '');
      const deps = artifact.dependencies ?? [];
      return {
        id,
        stackName: artifact.properties?.stackName ?? id,
        template: readJson<Template>(path.join(assemblyDir, artifact.properties!.templateFile!)),
        account: env && env[1] !== 'unknown-account' ? env[1] : undefined,
        region: env && env[2] !== 'unknown-region' ? env[2] : undefined,
        dependencies: deps.filter((dep) => artifacts[dep]?.type === 'aws:cloudformation:stack'),
        assets: deps
          .filter((dep) => artifacts[dep]?.type === 'cdk:asset-manifest')
          .flatMap((dep) => readAssets(assemblyDir, artifacts[dep].properties!.file!)),
        assemblyDir,
      };
    });
  return dependencyOrder(stacks);
}

function readAssets(assemblyDir: string, file: string): AssetFile[] {
  const manifest = readJson<AssetManifest>(path.join(assemblyDir, file));
  return Object.entries(manifest.files ?? {}).map(([hash, asset]) => ({
    hash,
    sourcePath: path.join(assemblyDir, asset.source.path),
    packaging: asset.source.packaging ?? 'file',
    destinations: Object.values(asset.destinations).map((d) => ({ bucketName: d.bucketName, objectKey: d.objectKey })),
  }));
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

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
