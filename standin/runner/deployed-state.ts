import { StackArtifact, Template } from './cloud-assembly';
import { LambdaCode } from './simulated-lambda';
import { StackResourceRecord } from '../services';

/** One resource as CloudFormation knows it after an operation. */
export interface DeployedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
  /** Properties with every intrinsic resolved (what the next Update compares and sends as OldResourceProperties). */
  readonly properties: { readonly [name: string]: unknown };
  /** Fn::GetAtt values. */
  readonly attributes: { readonly [name: string]: unknown };
  readonly deletionPolicy?: string;
  readonly updateReplacePolicy?: string;
  /** For AWS::Lambda::Function: its code in the assembly it was deployed from. */
  readonly lambda?: LambdaCode;
}

export type StackStatus = 'CREATE_COMPLETE' | 'UPDATE_COMPLETE' | 'ROLLBACK_COMPLETE' | 'UPDATE_ROLLBACK_COMPLETE'
| 'UPDATE_ROLLBACK_FAILED' | 'ROLLBACK_FAILED' | 'DELETE_COMPLETE' | 'DELETE_FAILED';

export interface DeployedStack {
  readonly artifact: StackArtifact;
  readonly stackName: string;
  readonly stackId: string;
  readonly account: string;
  readonly region: string;
  readonly template: Template;
  readonly resources: ReadonlyMap<string, DeployedResource>;
  /** Each resource as DescribeStackResource shows it; a stack that failed to delete also keeps what it deleted (DELETE_COMPLETE). */
  readonly resourceStatuses: ReadonlyMap<string, StackResourceRecord>;
  readonly parameters: { readonly [name: string]: string };
  /** Output values by output name. */
  readonly outputs: { readonly [name: string]: string };
  /** Export name to value. */
  readonly exports: { readonly [name: string]: string };
  readonly status: StackStatus;
}

/** One event CloudFormation processed, for assertions and the demo. */
export interface ResourceEvent {
  readonly stackName: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly requestType: 'Create' | 'Update' | 'Delete';
  /** deploy: the stack operation itself; rollback / rollback-cleanup after a failure; cleanup after success; delete: stack deletion. */
  readonly phase: 'deploy' | 'rollback' | 'rollback-cleanup' | 'cleanup' | 'delete';
  readonly physicalId?: string;
  readonly outcome: 'SUCCESS' | 'FAILED';
  readonly reason?: string;
  /** An Update that returned (or, for native types, required) a new physical id. */
  readonly replacement?: boolean;
  /** True when the event went through the custom-resource Lambda. */
  readonly custom: boolean;
}
