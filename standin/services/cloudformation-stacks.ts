import { ServiceError } from './service-error';

/**
 * CloudFormation's DescribeStackResource, answered from the stacks of
 * whatever plays CloudFormation in the test (the CloudFormation runner,
 * standin/runner/): the stand-in holds no stacks of its own, only the
 * rules of the lookup.
 */

/** The statuses the runner gives a resource (the model's ResourceStatus enum has more). */
export type ResourceStatus = 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'CREATE_FAILED'
| 'UPDATE_IN_PROGRESS' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED'
| 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'DELETE_SKIPPED';

/** One logical resource of a stack, as DescribeStackResource shows it. */
export interface StackResourceRecord {
  readonly logicalResourceId: string;
  readonly resourceType: string;
  /** Absent while its Create has not answered yet. */
  readonly physicalResourceId?: string;
  readonly resourceStatus: ResourceStatus;
  readonly lastUpdatedTimestamp: Date;
}

export interface StackRecord {
  /** The stack's ARN, `arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>`. */
  readonly stackId: string;
  readonly stackName: string;
  /** DELETE_COMPLETE: found only by its stack id from then on. */
  readonly deleted: boolean;
  /** The stack's status, e.g. UPDATE_ROLLBACK_IN_PROGRESS while a rollback runs. */
  readonly stackStatus: string;
  /** The logical resources the stack has (a deleted stack: had), by logical id. */
  readonly resources: ReadonlyMap<string, StackResourceRecord>;
}

/** What plays CloudFormation: every stack it knows, deleted ones included. */
export interface CloudFormationSource {
  stacks(): Iterable<StackRecord>;
}

/** A stand-in that no runner has registered with knows no stack. */
export const NO_STACKS: CloudFormationSource = { stacks: () => [] };

interface DescribeStackResourceInput {
  readonly StackName: string;
  readonly LogicalResourceId: string;
}

/**
 * DescribeStackResource (AWS CloudFormation API Reference,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResource.html):
 * "Running stacks: You can specify either the stack's name or its unique
 * stack ID. Deleted stacks: You must specify the unique stack ID", and "for
 * deleted stacks, DescribeStackResource returns resource information for up
 * to 90 days after the stack has been deleted" (the runner forgets none).
 *
 * The refusals' wording is CloudFormation's as recorded against AWS in
 * LocalStack's AWS-validated snapshot tests
 * (https://github.com/localstack/localstack, tests/aws/services/cloudformation/api/test_resources.snapshot.json):
 * an unknown stack is `ValidationError: Stack 'not-a-valid-stack' does not
 * exist` (DescribeStacks says `Stack with id X does not exist`, this
 * operation does not); a logical id the stack does not have, whether never
 * declared, removed by an update (test_describe_deleted_resource_on_update)
 * or failed on create (test_describe_failed_resource), is `ValidationError:
 * Resource <LogicalResourceId> does not exist for stack <StackName as given>`.
 */
export function describeStackResource(source: CloudFormationSource, input: DescribeStackResourceInput): object {
  const stack = findStack(source, input.StackName);
  if (!stack) {
    throw new ServiceError('ValidationError', `Stack '${input.StackName}' does not exist`);
  }
  const resource = stack.resources.get(input.LogicalResourceId);
  if (!resource) {
    throw new ServiceError('ValidationError', `Resource ${input.LogicalResourceId} does not exist for stack ${input.StackName}`);
  }
  return {
    StackResourceDetail: {
      StackName: stack.stackName,
      StackId: stack.stackId,
      LogicalResourceId: resource.logicalResourceId,
      PhysicalResourceId: resource.physicalResourceId,
      ResourceType: resource.resourceType,
      LastUpdatedTimestamp: resource.lastUpdatedTimestamp,
      ResourceStatus: resource.resourceStatus,
      Metadata: '{}',
      DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
    },
  };
}

/** By stack id any stack, deleted ones too (the newest of a name is the live one); by name only a live one. */
function findStack(source: CloudFormationSource, stackName: string): StackRecord | undefined {
  const stacks = [...source.stacks()];
  return stackName.startsWith('arn:')
    ? stacks.find((s) => s.stackId === stackName)
    : stacks.find((s) => s.stackName === stackName && !s.deleted);
}

interface DescribeStacksInput {
  readonly StackName?: string;
}

/**
 * DescribeStacks for one stack (AWS CloudFormation API Reference,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html):
 * by stack id a deleted stack too, by name a live one; an unknown stack is
 * `ValidationError: Stack with id <name> does not exist`. The handler asks it
 * only for its own stack's status (a rollback in progress or not).
 */
export function describeStacks(source: CloudFormationSource, input: DescribeStacksInput): object {
  if (input.StackName === undefined) {
    throw new ServiceError('ValidationError', 'The stand-in answers DescribeStacks for one StackName only.');
  }
  const stack = findStack(source, input.StackName);
  if (!stack) {
    throw new ServiceError('ValidationError', `Stack with id ${input.StackName} does not exist`);
  }
  const created = [...stack.resources.values()].map((r) => r.lastUpdatedTimestamp.getTime());
  return {
    Stacks: [{
      StackId: stack.stackId,
      StackName: stack.stackName,
      CreationTime: new Date(created.length > 0 ? Math.min(...created) : 0),
      StackStatus: stack.stackStatus,
    }],
  };
}
