import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isAwsError } from './errors';
import { awsCall, Invocation } from './invocation';
import { log } from './log';
import { DescribeStackResourceCommand, DescribeStacksCommand } from './sdk';

/**
 * Who declares a target, as CloudFormation knows it. An ownership record
 * names resources by stack id and logical id; whether one of them still
 * counts is CloudFormation's to say, not the record's: a stack can be
 * deleted, or a resource retained (DeletionPolicy Retain) or removed, without
 * the handler hearing of it.
 */

/** The identity of a custom resource across its life: stack and logical id (a move or rename changes it). */
export function ownerOf(event: CloudFormationCustomResourceEvent): string {
  return `${event.StackId}|${event.LogicalResourceId}`;
}

/** `<StackId>|<LogicalResourceId>` split back, for the API and for logs. */
export function ownerParts(owner: string): { stackId: string; logicalId: string } {
  const cut = owner.lastIndexOf('|');
  return { stackId: owner.slice(0, cut), logicalId: owner.slice(cut + 1) };
}

/**
 * Whether the resource still exists in its stack. DescribeStackResource
 * answers for a deleted stack, by its stack id, for 90 days, with the
 * resource's last status (DELETE_COMPLETE, or DELETE_SKIPPED when it was
 * retained); a resource removed from a live stack, or a stack older than
 * that, is a ValidationError ("... does not exist ...").
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResource.html)
 *
 * Any other failure (throttling past the deadline, a permission missing)
 * counts the owner as existing: bringing an earlier declaration back is
 * recoverable by deploying again, removing a style another stack declares is
 * not.
 */
export async function stillExists(invocation: Invocation, owner: string): Promise<boolean> {
  const { stackId, logicalId } = ownerParts(owner);
  try {
    const response = await awsCall(invocation, 'DescribeStackResource', (options) => invocation.cloudFormation.send(
      new DescribeStackResourceCommand({ StackName: stackId, LogicalResourceId: logicalId }), options));
    const status = response.StackResourceDetail?.ResourceStatus ?? '';
    return !status.startsWith('DELETE_');
  } catch (error) {
    if (isAwsError(error, 'ValidationError') && /does not exist/.test((error as Error).message)) {
      return false;
    }
    log('owner taken as existing', { owner, reason: `CloudFormation could not say: ${(error as Error).message}` });
    return true;
  }
}

/** Written out whole, so that the README's troubleshooting table can quote each (test/readme-troubleshooting.test.ts). */
const CANNOT_UPDATE = {
  style: 'no longer exists (deleted outside CloudFormation?), so its style cannot be updated.',
  customization: 'no longer exists (deleted outside CloudFormation?), so its customization cannot be updated.',
} as const;

/**
 * What an Update does when Cognito answered ResourceNotFoundException for its
 * target: the client (or its pool) is gone, deleted outside CloudFormation.
 * During a rollback nothing is left to restore, and the Update must succeed
 * (this returns), or the stack sticks in UPDATE_ROLLBACK_FAILED; a forward
 * Update fails saying what happened and what to do. Any other error is the
 * caller's, thrown again. `what` names what the resource applies.
 */
export async function settleVanishedTarget(
  invocation: Invocation, event: CloudFormationCustomResourceEvent,
  target: { readonly userPoolId: string; readonly clientId: string }, what: keyof typeof CANNOT_UPDATE, error: unknown,
): Promise<void> {
  if (!isAwsError(error, 'ResourceNotFoundException')) {
    throw error;
  }
  const { userPoolId, clientId } = target;
  if (await isRollingBack(invocation, event)) {
    log('nothing to restore', { userPoolId, clientId, reason: 'the client or its pool no longer exists; the rollback has nothing left to style' });
    return;
  }
  throw new Error(`Client ${clientId} of user pool ${userPoolId} ${CANNOT_UPDATE[what]} Give the client construct a new id so that `
    + `CloudFormation creates the client again, or remove the client and its ${what} from the app. (${(error as Error).message})`);
}

/**
 * Whether CloudFormation is rolling the resource's stack back. Asked only
 * when the target is gone (a client deleted outside CloudFormation): a
 * rollback then has nothing left to restore and must not stick the stack in
 * UPDATE_ROLLBACK_FAILED, while a forward update must fail and say why.
 * (Stack status values: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html#cfn-console-view-stack-data-resources-status-codes)
 */
async function isRollingBack(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<boolean> {
  const response = await awsCall(invocation, 'DescribeStacks', (options) => invocation.cloudFormation.send(
    new DescribeStacksCommand({ StackName: event.StackId }), options));
  const status = response.Stacks?.[0]?.StackStatus ?? '';
  return status.includes('ROLLBACK_IN_PROGRESS');
}
