export * from './cloudformation-runner';
export type { DeployOptions, ReplacementRollback } from './stack-operation';
export type { DeployedResource, DeployedStack, ResourceEvent, StackStatus } from './deployed-state';
export type { CfnResponse } from './simulated-lambda';
export { readAssembly } from './cloud-assembly';
export { synthExample } from './synth';
