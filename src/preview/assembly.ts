// Reads a synthesized cloud assembly (cdk.out) with nothing but its JSON
// files, so the preview works for apps written in any jsii language and needs
// no CDK toolkit library: manifest.json names the stacks (and nested
// assemblies of Stages), each asset manifest says which file of the assembly
// an S3 object key stands for. Every path those files name is read only when
// it resolves, symbolic links followed, inside the assembly's directory: the
// pages embed what they read, and a crafted manifest must not make them carry
// /etc/passwd or a private key.
import * as fs from 'fs';
import * as path from 'path';

/** One resource of a CloudFormation template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { readonly [key: string]: any };
  /** `aws:cdk:path` is the construct path of a resource the CDK made. */
  readonly Metadata?: { readonly [key: string]: any };
}

/** The part of a template the preview reads. */
export interface Template {
  readonly Resources?: { readonly [logicalId: string]: TemplateResource };
}

/** A stack of the assembly and the staged files it can resolve. */
export interface AssemblyStack {
  /** The stack's display name (`Stage/Stack` inside a Stage). */
  readonly name: string;
  /** The artifact's id in its manifest. */
  readonly id: string;
  /** The CloudFormation stack name: `properties.stackName`, else the artifact id. */
  readonly stackName: string;
  /** `aws://<account>/<region>` as the manifest gives it. */
  readonly environment?: string;
  /** Ids of the artifacts this one depends on (stacks and asset manifests), in its own assembly. */
  readonly dependencies: readonly string[];
  /** The folder of the assembly (or nested assembly) that holds the stack. */
  readonly directory: string;
  /** The template's file, relative to `directory`. */
  readonly templateFile: string;
  readonly template: Template;
  /** The files and folders the stack's asset manifests stage, each path confined to the assembly (read on demand). */
  assets(): StagedAsset[];
  /**
   * The bytes of a file staged as an S3 asset, by its object key (the `Key`
   * of the custom resources' file references), or why they were not read:
   * the assembly does not hold the file, or its path leads out of the assembly.
   */
  readFile(objectKey: string): StagedFile;
}

/** One file or directory asset of an asset manifest and where the CDK publishes it. */
export interface StagedAsset {
  readonly hash: string;
  /** Absolute path in the assembly (inside it; undefined when nothing is there). */
  readonly sourcePath?: string;
  /** The path as the asset manifest names it, relative to the assembly's folder. */
  readonly source: string;
  readonly packaging: 'file' | 'zip';
  readonly displayName?: string;
  /** With `${AWS::AccountId}`, `${AWS::Region}`, `${AWS::Partition}` placeholders as the CDK writes them. */
  readonly destinations: readonly { readonly bucketName: string; readonly objectKey: string }[];
}

/** A staged file's bytes, or why it was not read (a phrase after the file's name: "is not in the assembly"). */
export type StagedFile = { readonly bytes: Buffer } | { readonly problem: string };

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly dependencies?: readonly string[];
  readonly displayName?: string;
  readonly additionalMetadataFile?: string;
  readonly metadata?: { readonly [constructPath: string]: any };
  readonly properties?: { readonly [key: string]: any };
}

/** Every stack of the assembly in `directory`, nested assemblies included, in manifest order. */
export function readAssembly(directory: string): AssemblyStack[] {
  if (!fs.existsSync(path.join(directory, 'manifest.json'))) {
    throw new Error(`${directory} is not a cloud assembly: it has no manifest.json (run \`cdk synth\` first)`);
  }
  return readNestedAssembly(new AssemblyFiles(directory), fs.realpathSync(directory));
}

/**
 * The assembly's files, confined to its top directory: nested assemblies are
 * folders inside it, so one root serves them all.
 */
class AssemblyFiles {
  private readonly root: string;

  constructor(directory: string) {
    this.root = fs.realpathSync(directory);
  }

  /**
   * The real path of `file` (relative to `base`) as `namedBy` names it
   * (e.g. `manifest.json: artifacts.App.properties.templateFile`), or an
   * error that says which file named which path and where it leads.
   * Undefined when nothing is there.
   */
  public resolve(base: string, file: string, namedBy: string): { readonly path?: string; readonly problem?: string } {
    const resolved = path.resolve(base, file);
    let real: string;
    try {
      real = fs.realpathSync(resolved);
    } catch {
      return {};
    }
    const inside = path.relative(this.root, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
      const how = real === resolved ? '' : ' (through a symbolic link)';
      return { problem: `${namedBy} names "${file}", which leads${how} to ${real}, outside the cloud assembly ${this.root}: the preview reads only files inside it` };
    }
    return { path: real };
  }

  /** The text of a JSON file the assembly needs (a manifest or a template); throws when it is missing or outside. */
  public readJson(base: string, file: string, namedBy: string): unknown {
    const found = this.resolve(base, file, namedBy);
    if (found.problem !== undefined) {
      throw new Error(found.problem);
    }
    if (found.path === undefined || !fs.statSync(found.path).isFile()) {
      throw new Error(`${namedBy} names "${file}", which is not a file in the cloud assembly ${this.root}`);
    }
    return JSON.parse(fs.readFileSync(found.path, 'utf8'));
  }
}

function readNestedAssembly(files: AssemblyFiles, directory: string): AssemblyStack[] {
  const manifest = files.readJson(directory, 'manifest.json', 'the assembly') as { artifacts?: { [id: string]: ManifestArtifact } };
  const artifacts = Object.entries(manifest.artifacts ?? {});
  const staged = stagedFiles(files, directory, artifacts);
  const stacks: AssemblyStack[] = [];
  for (const [id, artifact] of artifacts) {
    const namedBy = (property: string) => `${path.join(directory, 'manifest.json')}: artifacts.${id}.${property}`;
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      const template = files.readJson(directory, artifact.properties.templateFile, namedBy('properties.templateFile')) as Template;
      const metadata = artifact.additionalMetadataFile
        ? files.readJson(directory, artifact.additionalMetadataFile, namedBy('additionalMetadataFile'))
        : artifact.metadata ?? {};
      const dependencies = artifact.dependencies ?? [];
      stacks.push({
        name: artifact.displayName ?? id,
        id,
        stackName: artifact.properties.stackName ?? id,
        ...(artifact.environment === undefined ? {} : { environment: artifact.environment }),
        dependencies,
        directory,
        templateFile: artifact.properties.templateFile,
        template: withConstructPaths(template, metadata as ConstructMetadata),
        assets: () => dependencies
          .filter((dep) => manifest.artifacts?.[dep]?.type === 'cdk:asset-manifest' && manifest.artifacts[dep].properties?.file)
          .flatMap((dep) => assetsOf(files, directory, manifest.artifacts![dep].properties!.file, `${path.join(directory, 'manifest.json')}: artifacts.${dep}.properties.file`)),
        readFile: (objectKey) => readStaged(files, directory, staged, objectKey),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      const nested = files.resolve(directory, artifact.properties.directoryName, namedBy('properties.directoryName'));
      if (nested.problem !== undefined) {
        throw new Error(nested.problem);
      }
      stacks.push(...readNestedAssembly(files, nested.path ?? path.resolve(directory, artifact.properties.directoryName)));
    }
  }
  return stacks;
}

/** A stack's metadata: entries by construct path. */
type ConstructMetadata = { [constructPath: string]: Array<{ type: string; data?: unknown }> };

/**
 * The template with each resource's `aws:cdk:path` metadata, taken from the
 * stack's metadata (`aws:cdk:logicalId` entries) when the template lacks it:
 * an app synthesized without the CDK CLI has no path metadata in its
 * templates, and the construct id is the best name of a client without a ClientName.
 */
function withConstructPaths(template: Template, metadata: ConstructMetadata): Template {
  const resources = (template.Resources ?? {}) as { [id: string]: { Metadata?: { [key: string]: unknown } } };
  for (const [constructPath, entries] of Object.entries(metadata)) {
    for (const entry of entries) {
      const resource = entry.type === 'aws:cdk:logicalId' && typeof entry.data === 'string' ? resources[entry.data] : undefined;
      if (resource !== undefined && resource.Metadata?.['aws:cdk:path'] === undefined) {
        resource.Metadata = { ...resource.Metadata, 'aws:cdk:path': constructPath.replace(/^\//, '') };
      }
    }
  }
  return template;
}

/** The assets of one asset manifest; a source path that leads out of the assembly is an error. */
function assetsOf(files: AssemblyFiles, directory: string, assetManifest: string, namedBy: string): StagedAsset[] {
  const assets = files.readJson(directory, assetManifest, namedBy) as {
    files?: { [hash: string]: { displayName?: string; source: { path: string; packaging?: 'file' | 'zip' }; destinations?: { [id: string]: { bucketName: string; objectKey: string } } } };
  };
  return Object.entries(assets.files ?? {}).map(([hash, asset]) => {
    const found = files.resolve(directory, asset.source.path, `${path.join(directory, assetManifest)}: files.${hash}.source.path`);
    if (found.problem !== undefined) {
      throw new Error(found.problem);
    }
    return {
      hash,
      ...(found.path === undefined ? {} : { sourcePath: found.path }),
      source: asset.source.path,
      packaging: asset.source.packaging ?? 'file',
      ...(asset.displayName === undefined ? {} : { displayName: asset.displayName }),
      destinations: Object.values(asset.destinations ?? {}).map((d) => ({ bucketName: d.bucketName, objectKey: d.objectKey })),
    };
  });
}

/** A file asset's staged path and who named it, by object key. */
interface StagedPath {
  readonly file: string;
  readonly namedBy: string;
}

/** Object key -> path of the file in the assembly, from every asset manifest of one assembly. */
function stagedFiles(files: AssemblyFiles, directory: string, artifacts: Array<[string, ManifestArtifact]>): Map<string, StagedPath> {
  const staged = new Map<string, StagedPath>();
  for (const [id, artifact] of artifacts) {
    if (artifact.type !== 'cdk:asset-manifest' || !artifact.properties?.file) {
      continue;
    }
    const assetManifest = artifact.properties.file as string;
    const assets = files.readJson(directory, assetManifest, `${path.join(directory, 'manifest.json')}: artifacts.${id}.properties.file`) as {
      files?: { [hash: string]: { source?: { path?: string; packaging?: string }; destinations?: { [id: string]: { objectKey?: string } } } };
    };
    for (const [hash, asset] of Object.entries(assets.files ?? {})) {
      if (asset.source?.path === undefined || (asset.source.packaging ?? 'file') !== 'file') {
        continue;
      }
      for (const destination of Object.values(asset.destinations ?? {})) {
        if (destination.objectKey) {
          staged.set(destination.objectKey, { file: asset.source.path, namedBy: `${path.join(directory, assetManifest)}: files.${hash}.source.path` });
        }
      }
    }
  }
  return staged;
}

function readStaged(files: AssemblyFiles, directory: string, staged: Map<string, StagedPath>, objectKey: string): StagedFile {
  // A file asset is staged as `asset.<hash><extension>` and published under
  // `<hash><extension>`: the fallback serves an assembly whose asset manifest is missing.
  const candidates = [staged.get(objectKey), { file: `asset.${objectKey}`, namedBy: `the object key ${objectKey}` }]
    .filter((c): c is StagedPath => c !== undefined);
  for (const candidate of candidates) {
    const found = files.resolve(directory, candidate.file, candidate.namedBy);
    if (found.problem !== undefined) {
      return { problem: `is not read: ${found.problem}` };
    }
    if (found.path !== undefined && fs.statSync(found.path).isFile()) {
      return { bytes: fs.readFileSync(found.path) };
    }
  }
  return { problem: 'is not in the assembly' };
}
