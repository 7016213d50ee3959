import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CLASSIC_CUSTOMIZATION, DeclaredCustomization } from '../../src/classic/private/classic-contract';
import { claimBeforeWriting, release, restoreClaim, Target, targetFields } from '../shared/claims';
import { declaredOf, sameDeclaredState } from '../shared/declared-state';
import { isAwsError } from '../shared/errors';
import { awsCall, Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { ownerOf, settleVanishedTarget } from '../shared/owners';
import { HandlerResult } from '../shared/result';
import { readBytes, readText } from '../shared/s3-files';
import { GetUICustomizationCommand, SetUICustomizationCommand } from '../shared/sdk';
import { undoFailedCreate } from '../shared/undo';

/**
 * Custom::CognitoClassicLoginCustomization: CSS and logo of the classic hosted
 * UI for one client or for ALL. Its physical id is `<UserPoolId>:<ClientId>`,
 * so moving it to another pool or client yields a new id and CloudFormation
 * clears the old target with a Delete.
 *
 * Two resources aimed at the same target (a renamed or moved construct: the
 * new one is created, then the old one deleted) share that physical id; the
 * claim (see claims.ts) is what tells the old one's Delete to leave the
 * target to the new one, and the new one's rollback Delete to apply the old
 * one's declaration again.
 */
export async function onClassicEvent(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  if (event.RequestType === 'Delete') {
    await remove(invocation, event);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const properties = event.ResourceProperties;
  const declared = CLASSIC_CUSTOMIZATION.parse(properties);
  const { userPoolId, clientId } = declared;
  const target: Target = { kind: CLASSIC_CUSTOMIZATION.claimKind, userPoolId, clientId };
  const physicalId = `${userPoolId}:${clientId}`;
  const newTarget = event.RequestType === 'Create' || event.PhysicalResourceId !== physicalId;
  if (!newTarget && sameDeclaredState(event.OldResourceProperties, properties)) {
    log('classic', { action: 'no-op', reason: 'declared state unchanged', userPoolId, clientId });
    return { PhysicalResourceId: physicalId };
  }
  // Files first: one that cannot be read fails before anything is written.
  const files = await readFiles(invocation, declared);
  const before = await claimBeforeWriting(invocation, target, ownerOf(event), declaredOf(properties));
  if (newTarget) {
    // A Create, or a replacement onto another target: all or nothing (see undoFailedCreate).
    let found: Customization | undefined;
    await undoFailedCreate(invocation, target, async (forward) => {
      found = await ownCustomization(forward, target);
      await apply(forward, declared, files);
    }, async (cleanup) => {
      await putBack(cleanup, target, found, before?.declared);
      await restoreClaim(cleanup, target, before);
    });
    return { PhysicalResourceId: physicalId };
  }
  try {
    await apply(invocation, declared, files);
  } catch (error) {
    await settleVanishedTarget(invocation, event, target, 'customization', error);
  }
  return { PhysicalResourceId: physicalId };
}

/** The declared CSS text and logo bytes, read from the staged files. */
interface Files {
  readonly cssText?: string;
  readonly imageBytes?: Uint8Array;
}

async function readFiles(invocation: Invocation, declared: DeclaredCustomization): Promise<Files> {
  const [cssText, imageBytes] = await Promise.all([
    declared.css ? readText(invocation, declared.css) : Promise.resolve(undefined),
    declared.logo ? readBytes(invocation, declared.logo) : Promise.resolve(undefined),
  ]);
  return { cssText, imageBytes };
}

/** Sets the declared CSS and logo on the target. */
async function apply(invocation: Invocation, declared: DeclaredCustomization, files: Files): Promise<void> {
  const { userPoolId, clientId, css, logo } = declared;
  log('classic', {
    action: 'set',
    userPoolId,
    clientId,
    hashes: { ...(css ? { css: css.Hash } : {}), ...(logo ? { logo: logo.Hash } : {}) },
  });
  // CSS and image go in one call: Cognito cannot set them separately, and a
  // call replaces both, so an omitted one is cleared. The image is the raw
  // bytes; the SDK base64-encodes the blob itself.
  await setUiCustomization(invocation, {
    UserPoolId: userPoolId,
    ClientId: clientId,
    ...(files.cssText === undefined ? {} : { CSS: files.cssText }),
    ...(files.imageBytes === undefined ? {} : { ImageFile: files.imageBytes }),
  });
}

/** Applies a declaration read from a record: its files first, then the call. */
async function applyDeclared(invocation: Invocation, properties: Record<string, unknown>): Promise<void> {
  const declared = CLASSIC_CUSTOMIZATION.parse(properties);
  await apply(invocation, declared, await readFiles(invocation, declared));
}

/** A target's own customization as GetUICustomization shows it (the logo only as a URL). */
interface Customization {
  readonly css?: string;
  readonly imageUrl?: string;
}

/**
 * The target's own customization, or undefined when it has none.
 * GetUICustomization answers with ALL's customization for a client that has
 * none of its own, saying so in ClientId
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUICustomization.html).
 */
async function ownCustomization(invocation: Invocation, target: Target): Promise<Customization | undefined> {
  const response = await awsCall(invocation, 'GetUICustomization', (options) => invocation.cognito.send(
    new GetUICustomizationCommand({ UserPoolId: target.userPoolId, ClientId: target.clientId }), options));
  const found = response.UICustomization;
  if (!found || (found.ClientId ?? 'ALL') !== target.clientId || (found.CSS === undefined && found.ImageUrl === undefined)) {
    return undefined;
  }
  return { css: found.CSS, imageUrl: found.ImageUrl };
}

/**
 * Puts the target back as a failed create found it: as found when untouched;
 * else the earlier owner's declaration when a resource of this library made
 * it; else cleared when it had nothing; else (made in the console) its CSS,
 * with the logo lost, since Cognito hands a logo back only as a URL.
 */
async function putBack(
  invocation: Invocation, target: Target, found: Customization | undefined, declared: Record<string, unknown> | undefined,
): Promise<void> {
  const now = await ownCustomization(invocation, target);
  if (now?.css === found?.css && now?.imageUrl === found?.imageUrl) {
    log('classic', { action: 'undo', reason: 'the target is as the create found it', ...targetFields(target) });
    return;
  }
  if (found && declared) {
    log('classic', { action: 'undo', reason: 'the earlier owner\'s declaration is applied again', ...targetFields(target) });
    await applyDeclared(invocation, declared);
  } else if (!found) {
    log('classic', { action: 'undo', reason: 'the target had no customization', ...targetFields(target) });
    await clear(invocation, target);
  } else {
    const reason = 'a customization made outside CloudFormation gets its CSS back; its logo cannot be read back';
    log('classic', { action: 'undo', reason, ...targetFields(target) });
    const css = found.css === undefined ? {} : { CSS: found.css };
    await setUiCustomization(invocation, { UserPoolId: target.userPoolId, ClientId: target.clientId, ...css });
  }
}

/**
 * Clears the target if this resource owns it, or applies an earlier owner's
 * declaration again (see claims.ts); without a claim (deployed before claims
 * existed) it clears the target its physical id names, as before. A
 * per-client resource clears that client only and never touches ALL.
 */
async function remove(invocation: Invocation, event: CloudFormationCustomResourceEvent & { RequestType: 'Delete' }): Promise<void> {
  const target = deleteTarget(event);
  if (!target) {
    return;
  }
  const outcome = await release(invocation, target, ownerOf(event), {
    remove: () => clear(invocation, target),
    restore: (declared) => applyDeclared(invocation, declared),
  });
  if (outcome === 'legacy') {
    await clear(invocation, target);
  }
}

/**
 * The target of a Delete: the one its physical id names (for a
 * replacement's clean-up, the old target), or none when the physical id
 * names no target (nothing was set).
 */
function deleteTarget(event: CloudFormationCustomResourceEvent & { RequestType: 'Delete' }): Target | undefined {
  const match = /^([^:]+):([^:]+)$/.exec(event.PhysicalResourceId);
  if (!match) {
    log('nothing to clear', { physicalResourceId: event.PhysicalResourceId, reason: 'physical id is not <UserPoolId>:<ClientId>' });
    return undefined;
  }
  return { kind: CLASSIC_CUSTOMIZATION.claimKind, userPoolId: match[1], clientId: match[2] };
}

/**
 * SetUICustomization with neither CSS nor image clears the target (how the
 * Terraform provider deletes it too). A pool or client that is gone has
 * nothing left to clear.
 */
async function clear(invocation: Invocation, target: Target): Promise<void> {
  const { userPoolId, clientId } = target;
  try {
    await setUiCustomization(invocation, { UserPoolId: userPoolId, ClientId: clientId });
    log('classic', { action: 'cleared', userPoolId, clientId });
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) {
      throw error;
    }
    log('classic', { action: 'nothing to clear', reason: 'user pool or client not found', userPoolId, clientId });
  }
}

async function setUiCustomization(
  invocation: Invocation, input: { UserPoolId: string; ClientId: string; CSS?: string; ImageFile?: Uint8Array },
): Promise<void> {
  await awsCall(invocation, 'SetUICustomization', (options) => invocation.cognito.send(new SetUICustomizationCommand(input), options));
}
