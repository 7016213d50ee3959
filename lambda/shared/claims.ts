import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isAwsError } from './errors';
import { awsCall, Invocation } from './invocation';
import { log } from './log';
import { DeleteParameterCommand, GetParameterCommand, PutParameterCommand } from './sdk';
import { claimParameterName, ClaimKind } from '../../src/private/custom-resource-contract';

/**
 * Ownership records ("claims"): which custom resource last applied the style
 * of a target, so that a Delete never undoes another resource's state.
 *
 * Cognito keeps one style per client (and one classic customization per
 * client or ALL) and no owner. When a construct is renamed or moved to
 * another stack, CloudFormation creates the new resource and then deletes
 * the old one, both aimed at the same target; on rollback it deletes the new
 * one while the old one stays. Only a record outside Cognito can tell those
 * Deletes apart. One SSM String parameter per target holds
 * `{"owner": "<StackId>|<LogicalResourceId>", "previous"?: "<owner>"}`.
 */

/** A styled target: one client's (or ALL's) managed login style or classic customization. */
export interface Target {
  readonly kind: ClaimKind;
  readonly userPoolId: string;
  readonly clientId: string;
}

export interface Claim {
  /** The resource that applied the target's current state. */
  readonly owner: string;
  /** The resource it took the target over from, while that one may still exist. */
  readonly previous?: string;
}

/** The identity of a custom resource across its life: stack and logical id (a move or rename changes it). */
export function ownerOf(event: CloudFormationCustomResourceEvent): string {
  return `${event.StackId}|${event.LogicalResourceId}`;
}

function targetFields(target: Target) {
  return { userPoolId: target.userPoolId, clientId: target.clientId };
}

export async function readClaim(invocation: Invocation, target: Target): Promise<Claim | undefined> {
  const name = claimParameterName(target.userPoolId, target.kind, target.clientId);
  let value: string | undefined;
  try {
    const response = await awsCall(invocation, 'GetParameter', (options) => invocation.ssm.send(new GetParameterCommand({ Name: name }), options));
    value = response.Parameter?.Value;
  } catch (error) {
    if (isAwsError(error, 'ParameterNotFound')) {
      return undefined;
    }
    throw error;
  }
  const parsed = parseClaim(value);
  if (!parsed) {
    // Written by no version of this handler; an unreadable record owns nothing.
    log('claim unreadable, treated as absent', { ...targetFields(target), parameter: name });
  }
  return parsed;
}

function parseClaim(value: string | undefined): Claim | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { owner?: unknown; previous?: unknown };
    if (typeof parsed.owner !== 'string' || parsed.owner === '') {
      return undefined;
    }
    return typeof parsed.previous === 'string' && parsed.previous !== '' ? { owner: parsed.owner, previous: parsed.previous } : { owner: parsed.owner };
  } catch {
    return undefined;
  }
}

async function writeClaim(invocation: Invocation, target: Target, record: Claim): Promise<void> {
  const name = claimParameterName(target.userPoolId, target.kind, target.clientId);
  await awsCall(invocation, 'PutParameter', (options) => invocation.ssm.send(new PutParameterCommand({
    Name: name,
    Type: 'String',
    Overwrite: true,
    Value: JSON.stringify(record),
  }), options));
  log('claim written', { ...targetFields(target), parameter: name, reason: record.previous ? 'taken over from another resource' : undefined });
}

async function deleteClaim(invocation: Invocation, target: Target): Promise<void> {
  const name = claimParameterName(target.userPoolId, target.kind, target.clientId);
  try {
    await awsCall(invocation, 'DeleteParameter', (options) => invocation.ssm.send(new DeleteParameterCommand({ Name: name }), options));
  } catch (error) {
    if (!isAwsError(error, 'ParameterNotFound')) {
      throw error;
    }
  }
  log('claim deleted', { ...targetFields(target), parameter: name });
}

/**
 * Records `owner` as the owner of the target, after it applied its
 * declaration. A target owned by another resource is taken over and that
 * resource kept as `previous`, for the Delete that rolls the take-over back;
 * a target the owner already holds keeps its `previous`.
 */
export async function takeClaim(invocation: Invocation, target: Target, owner: string): Promise<void> {
  const current = await readClaim(invocation, target);
  const previous = current === undefined ? undefined : current.owner === owner ? current.previous : current.owner;
  if (current?.owner === owner && current.previous === previous) {
    return;
  }
  await writeClaim(invocation, target, previous === undefined ? { owner } : { owner, previous });
}

/** What a Delete of `owner` must do to the target's live state. */
export type Release =
  /** The owner is the last to have declared the target: remove its state. */
  | 'remove'
  /** No record (deployed before claims existed): the caller's legacy rule decides. */
  | 'legacy'
  /** Another resource holds the target (or gets it back): leave the state alone. */
  | 'leave';

/**
 * Settles the record for a Delete of `owner` and says what to do with the
 * live state. `removeState` runs before the record is deleted, so a Delete
 * that fails half-way still owns the target when CloudFormation retries it.
 *
 * - owner without previous: remove the state, then the record;
 * - owner with previous P: the rollback of a take-over (rename or move:
 *   CloudFormation created the owner, then failed and deletes it while P
 *   still exists). The live state stays and the record goes back to P;
 * - another owner: leave it; if its previous is this owner, drop that
 *   previous (this owner is gone and must never get the target back).
 */
export async function release(invocation: Invocation, target: Target, owner: string, removeState: () => Promise<void>): Promise<Release> {
  const current = await readClaim(invocation, target);
  if (current === undefined) {
    return 'legacy';
  }
  if (current.owner === owner) {
    if (current.previous !== undefined) {
      log('left in place', { ...targetFields(target), reason: 'rollback of a take-over: the previous owner still declares this target' });
      await writeClaim(invocation, target, { owner: current.previous });
      return 'leave';
    }
    await removeState();
    await deleteClaim(invocation, target);
    return 'remove';
  }
  log('left in place', { ...targetFields(target), reason: 'another resource owns this target' });
  if (current.previous === owner) {
    await writeClaim(invocation, target, { owner: current.owner });
  }
  return 'leave';
}
