// Reads a synthesized cloud assembly (cdk.out) with nothing but its JSON
// files, so the preview works for apps written in any jsii language and needs
// no CDK toolkit library: manifest.json names the stacks (and nested
// assemblies of Stages), each asset manifest says which file of the assembly
// an S3 object key stands for.
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
  readonly template: Template;
  /**
   * The bytes of a file staged as an S3 asset, by its object key (the `Key`
   * of the custom resources' file references), or undefined when the
   * assembly does not hold it.
   */
  readFile(objectKey: string): Buffer | undefined;
}

interface ManifestArtifact {
  readonly type: string;
  readonly displayName?: string;
  readonly additionalMetadataFile?: string;
  readonly metadata?: { readonly [constructPath: string]: any };
  readonly properties?: { readonly [key: string]: any };
}

/** Every stack of the assembly in `directory`, nested assemblies included, in manifest order. */
export function readAssembly(directory: string): AssemblyStack[] {
  const manifestFile = path.join(directory, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`${directory} is not a cloud assembly: it has no manifest.json (run \`cdk synth\` first)`);
  }
  const manifest = readJson(manifestFile) as { artifacts?: { [id: string]: ManifestArtifact } };
  const artifacts = Object.entries(manifest.artifacts ?? {});
  const files = stagedFiles(directory, artifacts.map(([, artifact]) => artifact));
  const stacks: AssemblyStack[] = [];
  for (const [id, artifact] of artifacts) {
    if (artifact.type === 'aws:cloudformation:stack' && artifact.properties?.templateFile) {
      stacks.push({
        name: artifact.displayName ?? id,
        template: withConstructPaths(readJson(path.join(directory, artifact.properties.templateFile)) as Template, directory, artifact),
        readFile: (objectKey) => readStaged(directory, files, objectKey),
      });
    } else if (artifact.type === 'cdk:cloud-assembly' && artifact.properties?.directoryName) {
      stacks.push(...readAssembly(path.join(directory, artifact.properties.directoryName)));
    }
  }
  return stacks;
}

/**
 * The template with each resource's `aws:cdk:path` metadata, taken from the
 * stack's metadata (`aws:cdk:logicalId` entries) when the template lacks it:
 * an app synthesized without the CDK CLI has no path metadata in its
 * templates, and the construct id is the best name of a client without a ClientName.
 */
function withConstructPaths(template: Template, directory: string, artifact: ManifestArtifact): Template {
  const file = artifact.additionalMetadataFile;
  const metadata = (file ? readJson(path.join(directory, file)) : artifact.metadata ?? {}) as {
    [constructPath: string]: Array<{ type: string; data?: unknown }>;
  };
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

/** Object key -> path of the file in the assembly, from every asset manifest of one assembly. */
function stagedFiles(directory: string, artifacts: ManifestArtifact[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const artifact of artifacts) {
    if (artifact.type !== 'cdk:asset-manifest' || !artifact.properties?.file) {
      continue;
    }
    const assets = readJson(path.join(directory, artifact.properties.file)) as {
      files?: { [hash: string]: { source?: { path?: string; packaging?: string }; destinations?: { [id: string]: { objectKey?: string } } } };
    };
    for (const asset of Object.values(assets.files ?? {})) {
      if (asset.source?.path === undefined || (asset.source.packaging ?? 'file') !== 'file') {
        continue;
      }
      for (const destination of Object.values(asset.destinations ?? {})) {
        if (destination.objectKey) {
          files.set(destination.objectKey, asset.source.path);
        }
      }
    }
  }
  return files;
}

function readStaged(directory: string, files: Map<string, string>, objectKey: string): Buffer | undefined {
  // A file asset is staged as `asset.<hash><extension>` and published under
  // `<hash><extension>`: the fallback serves an assembly whose asset manifest is missing.
  const candidates = [files.get(objectKey), `asset.${objectKey}`].filter((p): p is string => p !== undefined);
  for (const candidate of candidates) {
    const file = path.resolve(directory, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      return fs.readFileSync(file);
    }
  }
  return undefined;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
