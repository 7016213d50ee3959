import { Claim, decodeClaim, encodeClaim, OwnerEntry } from './claim-record';
import { isAwsError } from './errors';
import { awsCall, Invocation } from './invocation';
import { log } from './log';
import { ownerParts, stillExists } from './owners';
import { DeleteParameterCommand, GetParameterCommand, PutParameterCommand } from './sdk';
import { claimParameterName, ClaimKind } from '../../src/private/custom-resource-contract';

/**
 * Ownership records ("claims"): which custom resource declares a target's
 * state now, which ones declared it before, and what each declared, so that
 * a Delete never undoes another resource's state and a rolled-back take-over
 * brings the earlier declaration back.
 *
 * Cognito keeps one style per client (and one classic customization per
 * client or ALL) and no owner. When a construct is renamed or moved to
 * another stack, CloudFormation creates the new resource and then deletes
 * the old one, both aimed at the same target; on rollback it deletes the new
 * one while the old one stays, and sends the old one no event. Two apps may
 * also style one client. Only a record outside Cognito can tell these apart:
 * one SSM parameter per target (claim-record.ts).
 *
 * When a previous owner still counts: while CloudFormation says its
 * resource exists (owners.ts). A previous owner whose stack was deleted,
 * whose resource was retained by DeletionPolicy Retain, or which was removed
 * from its stack, is forgotten the first time a Delete looks at it.
 */

/** A styled target: one client's (or ALL's) managed login style or classic customization. */
export interface Target {
  readonly kind: ClaimKind;
  readonly userPoolId: string;
  readonly clientId: string;
}

export type { Claim } from './claim-record';

/** What the log may say of a target: its ids. */
export function targetFields(target: Target) {
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
  const parsed = decodeClaim(value);
  if (!parsed) {
    // Written by no version of this handler; an unreadable record owns nothing.
    log('claim unreadable, treated as absent', { ...targetFields(target), parameter: name });
  }
  return parsed;
}

async function writeClaim(invocation: Invocation, target: Target, record: Claim): Promise<void> {
  const name = claimParameterName(target.userPoolId, target.kind, target.clientId);
  const { value, tier, dropped } = encodeClaim(record);
  for (const entry of dropped) {
    log('previous owner forgotten', { ...targetFields(target), owner: entry.owner, reason: 'the record holds at most 8 KB; the oldest previous owners go first' });
  }
  await awsCall(invocation, 'PutParameter', (options) => invocation.ssm.send(new PutParameterCommand({
    Name: name,
    Type: 'String',
    Tier: tier,
    Overwrite: true,
    Value: value,
  }), options));
  log('claim written', { ...targetFields(target), parameter: name, owner: record.owner });
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

/** Records are built and decoded with their members in one order, so equal records serialize alike (unequal ones cost a write at most). */
function sameClaim(a: Claim | undefined, b: Claim | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Records `owner` as the owner of the target with what it declares, BEFORE
 * it writes anything to Cognito: a failure between the two can then only
 * leave a record naming a resource whose writes the record lets a later
 * Delete find, never state that no record explains. A target another
 * resource holds is taken over, that resource kept first among the
 * previous owners (with its declaration, to bring back if this one is rolled
 * back). Returns the record as it was, for `restoreClaim` when the write
 * that follows fails.
 */
export async function claimBeforeWriting(
  invocation: Invocation, target: Target, owner: string, declared: Record<string, unknown>,
): Promise<Claim | undefined> {
  const before = await readClaim(invocation, target);
  let previous: readonly OwnerEntry[] = before?.previous ?? [];
  if (before && before.owner !== owner) {
    const other = ownerParts(before.owner);
    log('taking over', { ...targetFields(target), owner: before.owner, reason: `declared by ${other.logicalId} of stack ${other.stackId}; it gets the target back if this resource goes away first` });
    const earlier = previous.filter((p) => p.owner !== before.owner && p.owner !== owner);
    previous = [{ owner: before.owner, ...(before.declared ? { declared: before.declared } : {}) }, ...earlier];
  }
  const record: Claim = { owner, declared, previous: previous.filter((p) => p.owner !== owner) };
  if (!sameClaim(before, record)) {
    await writeClaim(invocation, target, record);
  }
  return before;
}

/** Puts the record back as it was before `claimBeforeWriting` (a failed Create undoing itself). */
export async function restoreClaim(invocation: Invocation, target: Target, before: Claim | undefined): Promise<void> {
  if (before) {
    await writeClaim(invocation, target, before);
  } else {
    await deleteClaim(invocation, target);
  }
}

/** What a Delete did to the target's live state. */
export type Release =
  /** The owner was the last to declare the target: its state is removed. */
  | 'remove'
  /** An earlier owner that still exists declared the target: its declaration is applied again and it owns the target. */
  | 'restore'
  /** No record (deployed before claims existed): the caller's legacy rule decides. */
  | 'legacy'
  /** Another resource holds the target: the state is left alone. */
  | 'leave';

export interface ReleaseActions {
  /** Removes the target's state (the last declaration goes away). */
  readonly remove: () => Promise<void>;
  /** Converges the target to an earlier owner's declaration. */
  readonly restore: (declared: Record<string, unknown>) => Promise<void>;
}

/**
 * Applies an earlier declaration again. A client (or pool) that is gone has
 * nothing left to style; Cognito says so with ResourceNotFoundException,
 * which must not fail the Delete (a rollback's).
 */
async function restoreUnlessGone(target: Target, restore: () => Promise<void>): Promise<void> {
  try {
    await restore();
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) {
      throw error;
    }
    log('nothing to restore', { ...targetFields(target), reason: 'the client or its pool no longer exists' });
  }
}

/**
 * Settles the record for a Delete of `owner` and does what it says to the
 * live state. The state changes before the record does, so a Delete that
 * fails half-way still owns the target when CloudFormation retries it.
 *
 * - `owner` holds the target: the newest previous owner that still exists
 *   gets it back with its own declaration applied again (the rollback of a
 *   rename or move, or the second of two apps going away); previous owners
 *   that no longer exist are forgotten; with none left, the state and the
 *   record are removed.
 * - another resource holds it: the state is left alone, and `owner` leaves
 *   that record's previous owners (it is gone and must never come back).
 */
export async function release(invocation: Invocation, target: Target, owner: string, actions: ReleaseActions): Promise<Release> {
  const current = await readClaim(invocation, target);
  if (current === undefined) {
    return 'legacy';
  }
  if (current.owner !== owner) {
    log('left in place', { ...targetFields(target), owner: current.owner, reason: 'another resource owns this target' });
    if (current.previous.some((p) => p.owner === owner)) {
      await writeClaim(invocation, target, { ...current, previous: current.previous.filter((p) => p.owner !== owner) });
    }
    return 'leave';
  }
  for (const [index, entry] of current.previous.entries()) {
    if (!await stillExists(invocation, entry.owner)) {
      log('previous owner forgotten', { ...targetFields(target), owner: entry.owner, reason: 'CloudFormation says it no longer exists' });
      continue;
    }
    const handBack: Claim = {
      owner: entry.owner, ...(entry.declared ? { declared: entry.declared } : {}), previous: current.previous.slice(index + 1),
    };
    if (entry.declared) {
      log('restoring', { ...targetFields(target), owner: entry.owner, reason: 'an earlier owner still declares this target: its declaration comes back' });
      await restoreUnlessGone(target, () => actions.restore(entry.declared!));
    } else {
      log('left in place', { ...targetFields(target), owner: entry.owner, reason: 'handed back to an earlier owner whose record predates declarations: its content cannot be applied again here' });
    }
    await writeClaim(invocation, target, handBack);
    return entry.declared ? 'restore' : 'leave';
  }
  await actions.remove();
  await deleteClaim(invocation, target);
  return 'remove';
}
