import * as fs from 'fs';
import * as path from 'path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from '../../standin/runner/cloud-assembly';

/** The L1 resources of a type in a stack, by logical id. */
export function resourcesOfType(stack: Stack, type: string): Map<string, CfnResource> {
  const found = stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === type);
  return new Map(found.map((r) => [stack.getLogicalId(r), r]));
}

export function readTemplate(assemblyDir: string, stackName: string): Template {
  return JSON.parse(fs.readFileSync(path.join(assemblyDir, `${stackName}.template.json`), 'utf8')) as Template;
}

/** The bytes a staged file ref (Bucket/Key/Hash) points at, read from the assembly's asset.<hash>.* file. */
export function stagedBytes(assemblyDir: string, ref: { readonly Hash: string }): Buffer {
  const file = fs.readdirSync(assemblyDir).find((name) => name.startsWith(`asset.${ref.Hash}`));
  if (!file) {
    throw new Error(`no staged file for hash ${ref.Hash} in ${assemblyDir}`);
  }
  return fs.readFileSync(path.join(assemblyDir, file));
}
