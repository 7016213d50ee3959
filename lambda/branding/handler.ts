import type { ManagedLoginBrandingType } from '@aws-sdk/client-cognito-identity-provider';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { createStyle, deleteStyle, describeStyle, patchStyle } from './api';
import { loadContent, StyleContent } from './content';
import { describeAssets, lostSlots, sameLiveStyle } from './style';
import { BRANDING_ID_ATTRIBUTE, DeclaredStyle, MANAGED_LOGIN_BRANDING } from '../../src/branding/private/branding-contract';
import { requireClientId, requireUserPoolId } from '../../src/private/property-parsing';
import { claimBeforeWriting, release, restoreClaim, Target } from '../shared/claims';
import { declaredOf, sameDeclaredState } from '../shared/declared-state';
import { isAwsError } from '../shared/errors';
import { Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { ownerOf, settleVanishedTarget } from '../shared/owners';
import { HandlerResult } from '../shared/result';
import { undoFailedCreate } from '../shared/undo';

/**
 * How often the handler looks at the client's style again when Cognito
 * answers a create with ManagedLoginBrandingExistsException. Once is the
 * common case (our own create whose response was lost, then retried); more
 * means another writer keeps changing the style, and failing says so.
 */
const MAX_ROUNDS = 3;

/**
 * Custom::CognitoManagedLoginBranding: one managed login style for one app
 * client.
 *
 * The physical id is the id of the style made at Create and never changes
 * afterwards, except when UserPoolId or ClientId change (a real
 * replacement). When the live style has to be recreated, its id changes but
 * the physical id does not: a rollback is then always an Update back to the
 * old properties, which converges the client to its previous style, instead
 * of a Delete of a new id that would leave the client with no style. The
 * ManagedLoginBrandingId attribute is the live id.
 */
export async function onBrandingEvent(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  switch (event.RequestType) {
    case 'Create': {
      const style = MANAGED_LOGIN_BRANDING.parse(event.ResourceProperties);
      logStyle('create', style);
      const liveId = await createOnTarget(invocation, event, style);
      return brandingResult(liveId, liveId);
    }
    case 'Update':
      return update(invocation, event);
    case 'Delete':
      await remove(invocation, event);
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

/**
 * The first write of a resource to a client: a Create, or an Update onto
 * another client (a replacement). All or nothing: when it fails, aws-cdk-lib's
 * entrypoint answers the rollback's Delete itself, without calling the
 * handler (a failed Create has the physical id
 * AWSCDK::CustomResourceProviderFramework::CREATE_FAILED), and CloudFormation
 * never sends a replacement that failed a Delete either; so nothing else would
 * ever remove what it wrote. The record names this resource before the first
 * write, and the client's style as it was is kept in memory, so a failure
 * puts both back before the error is answered.
 */
async function createOnTarget(invocation: Invocation, event: CloudFormationCustomResourceEvent, style: DeclaredStyle): Promise<string> {
  const target = targetOf(style);
  // Files first: one that cannot be read fails the create before anything is written.
  const content = await loadContent(invocation, style);
  const before = await claimBeforeWriting(invocation, target, ownerOf(event), declaredOf(event.ResourceProperties));
  let found: ManagedLoginBrandingType | undefined;
  return undoFailedCreate(invocation, target, async (forward) => {
    // Read before the first write rather than after an "exists" answer: a
    // retried create whose first response was lost would otherwise be taken
    // for a style that was there before.
    found = await describeStyle(forward, style);
    return reach(forward, style, content, undefined, found ? 'describe' : 'create');
  }, async (cleanup) => {
    await putBack(cleanup, style, found);
    await restoreClaim(cleanup, target, before);
  });
}

/**
 * Makes the client's style what it was before a failed create: none (our
 * partial style deleted), or the style found there (recreated from the
 * copy read before the first write, unless it is still intact).
 */
async function putBack(invocation: Invocation, style: DeclaredStyle, found: ManagedLoginBrandingType | undefined): Promise<void> {
  const live = await describeStyle(invocation, style);
  if (found && live && sameLiveStyle(live, found)) {
    logStyle('undo', style, 'the style found before is intact', live.ManagedLoginBrandingId);
    return;
  }
  if (live) {
    logStyle('undo', style, found ? 'the style found before is recreated' : 'the client had no style', live.ManagedLoginBrandingId);
    await deleteStyle(invocation, style.userPoolId, live.ManagedLoginBrandingId!);
  }
  if (found) {
    await createStyle(invocation, style, contentOf(found));
  }
}

/** A described style as request members, to create it again. */
function contentOf(found: ManagedLoginBrandingType): StyleContent {
  if (found.UseCognitoProvidedValues) {
    return { UseCognitoProvidedValues: true };
  }
  return {
    ...(found.Settings === undefined ? {} : { Settings: found.Settings as Record<string, unknown> }),
    ...((found.Assets ?? []).length === 0 ? {} : { Assets: found.Assets }),
  };
}

async function update(invocation: Invocation, event: CloudFormationCustomResourceEvent & { RequestType: 'Update' }): Promise<HandlerResult> {
  const style = MANAGED_LOGIN_BRANDING.parse(event.ResourceProperties);
  const oldProperties = event.OldResourceProperties;
  if (style.userPoolId !== oldProperties.UserPoolId || style.clientId !== oldProperties.ClientId) {
    // A style belongs to one client for life: the new client's style is a
    // new resource (new physical id); CloudFormation then sends Delete, with
    // the old properties, for the old client's.
    logStyle('replace', style, 'user pool or client changed');
    const liveId = await createOnTarget(invocation, event, style);
    return brandingResult(liveId, liveId);
  }
  if (sameDeclaredState(oldProperties, event.ResourceProperties)) {
    // Nothing to write; one read keeps the attribute right (the live id may
    // differ from the physical id since a recreate).
    const live = await describeStyle(invocation, style);
    if (live) {
      logStyle('no-op', style, 'declared state unchanged', live.ManagedLoginBrandingId);
      return brandingResult(event.PhysicalResourceId, live.ManagedLoginBrandingId!);
    }
  }
  const content = await loadContent(invocation, style);
  await claimBeforeWriting(invocation, targetOf(style), ownerOf(event), declaredOf(event.ResourceProperties));
  try {
    const liveId = await reach(invocation, style, content, parseOldStyle(oldProperties), 'describe');
    return brandingResult(event.PhysicalResourceId, liveId);
  } catch (error) {
    // A client that is gone: the describe found no style, and the create no client.
    await settleVanishedTarget(invocation, event, style, 'style', error);
    return brandingResult(event.PhysicalResourceId, event.PhysicalResourceId);
  }
}

/**
 * The previous declaration, or undefined when it no longer parses (written by
 * an older version of the library, say). It only adds reasons to recreate; the
 * live style alone is enough to converge, so an unreadable old declaration
 * must not make every future update fail.
 */
function parseOldStyle(oldProperties: Record<string, unknown>): DeclaredStyle | undefined {
  try {
    return MANAGED_LOGIN_BRANDING.parse(oldProperties);
  } catch (error) {
    log('old properties unreadable, converging from the live style', { reason: (error as Error).message });
    return undefined;
  }
}

/**
 * Brings the client's style to the declared state and returns the live id.
 *
 * UpdateManagedLoginBranding is a patch: an omitted member is kept and an
 * asset can be added or replaced but never removed. So when the live style
 * holds something the declaration does not (an asset slot, or the
 * Cognito-provided-values mode), it is deleted and created again. But
 * nothing is deleted before the declared content is known to be accepted:
 * it is first sent to the live style as an update, which Cognito validates.
 * If Cognito refuses it, the deployment fails with Cognito's words and the
 * client keeps its style; only then is the live style deleted and the
 * declared one (now known to pass) created. Cognito's defaults need no such
 * check.
 *
 * `firstStep` 'create' tries the create first (the client was just found
 * with no style); 'describe' reads the live style first (an Update, a
 * take-over, a restore). A create answered with ManagedLoginBrandingExists
 * (a style made in the console, left by another stack, or our own create
 * retried after a lost response) leads to the same convergence: the existing
 * style is taken over.
 */
async function reach(
  invocation: Invocation, style: DeclaredStyle, content: StyleContent, old: DeclaredStyle | undefined, firstStep: 'create' | 'describe',
): Promise<string> {
  if (firstStep === 'create') {
    const created = await createUnlessExists(invocation, style, content);
    if (created) {
      return created;
    }
    logStyle('take over', style, 'the client already has a style');
  }
  let previous = old;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const live = await describeStyle(invocation, style);
    if (!live) {
      logStyle('create', style, 'the client has no style');
      const created = await createUnlessExists(invocation, style, content);
      if (created) {
        return created;
      }
      continue;
    }
    const liveId = live.ManagedLoginBrandingId!;
    const reason = recreateReason(style, previous, live);
    if (!style.useCognitoProvidedValues) {
      logStyle(reason ? 'validate' : 'update', style, reason ? 'the declared content goes to the live style first, so a refusal deletes nothing' : undefined, liveId);
      await patchStyle(invocation, style, liveId, content);
    }
    if (!reason) {
      if (style.useCognitoProvidedValues) {
        logStyle('no-op', style, 'already uses Cognito-provided values', liveId);
      }
      return liveId;
    }
    logStyle('recreate', style, reason, liveId);
    await deleteStyle(invocation, style.userPoolId, liveId);
    const created = await createUnlessExists(invocation, style, content);
    if (created) {
      return created;
    }
    // Our create's response was lost and the retry found the style it made
    // (or another writer was faster): look again, without the old
    // declaration, whose slots the style just created does not hold.
    previous = undefined;
  }
  throw new Error(`The style of client ${style.clientId} in ${style.userPoolId} changed under the handler ${MAX_ROUNDS} times in a row; `
    + 'another writer is changing it. Deploy again once it has stopped');
}

/** The id of the style created, or undefined when the client already has one. */
async function createUnlessExists(invocation: Invocation, style: DeclaredStyle, content: StyleContent): Promise<string | undefined> {
  try {
    return await createStyle(invocation, style, content);
  } catch (error) {
    if (isAwsError(error, 'ManagedLoginBrandingExistsException')) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Why an update cannot reach the declared state, or undefined when it can.
 * (Settings are always declared in custom mode, so a live Settings document
 * is always replaced, never left behind.)
 */
function recreateReason(style: DeclaredStyle, old: DeclaredStyle | undefined, live: ManagedLoginBrandingType): string | undefined {
  const liveUsesDefaults = live.UseCognitoProvidedValues === true;
  if (style.useCognitoProvidedValues !== liveUsesDefaults || (old && style.useCognitoProvidedValues !== old.useCognitoProvidedValues)) {
    return 'switching between Cognito-provided values and custom settings';
  }
  const removed = [...new Set([...lostSlots(old?.assets ?? [], style.assets), ...lostSlots(live.Assets ?? [], style.assets)])].sort();
  if (removed.length > 0) {
    return `assets no longer declared: ${removed.join(', ')}`;
  }
  return undefined;
}

/**
 * A Delete addresses the client's live style, found by client rather than
 * by the physical id (which may name a style recreated since). The claim
 * decides whether this resource may remove it, or hands the client back to
 * an earlier owner's declaration (see claims.ts).
 */
async function remove(invocation: Invocation, event: CloudFormationCustomResourceEvent & { RequestType: 'Delete' }): Promise<void> {
  const target = deleteTarget(event);
  if (!target) {
    return;
  }
  const outcome = await release(invocation, target, ownerOf(event), {
    remove: () => deleteLiveStyle(invocation, target),
    restore: (declared) => restoreDeclaration(invocation, declared),
  });
  if (outcome !== 'legacy') {
    return;
  }
  // No claim: deployed before claims existed. Such a resource's physical id
  // is the id of the style it made; any other style on the client belongs to
  // someone else (a renamed construct's new resource, the console).
  const live = await describeStyle(invocation, target);
  if (live?.ManagedLoginBrandingId === event.PhysicalResourceId) {
    await deleteStyle(invocation, target.userPoolId, event.PhysicalResourceId);
  } else {
    log('nothing to delete', { ...target, physicalResourceId: event.PhysicalResourceId, reason: live ? 'the client\'s style is not this resource\'s' : 'the client has no style' });
  }
}

/** Applies an earlier owner's declaration again: its properties point at files still in the asset bucket. */
async function restoreDeclaration(invocation: Invocation, declared: Record<string, unknown>): Promise<void> {
  const style = MANAGED_LOGIN_BRANDING.parse(declared);
  logStyle('restore', style, 'an earlier owner\'s declaration');
  await reach(invocation, style, await loadContent(invocation, style), undefined, 'describe');
}

async function deleteLiveStyle(invocation: Invocation, target: Target): Promise<void> {
  const live = await describeStyle(invocation, target);
  if (live) {
    await deleteStyle(invocation, target.userPoolId, live.ManagedLoginBrandingId!);
  } else {
    log('nothing to delete', { userPoolId: target.userPoolId, clientId: target.clientId, reason: 'the client has no style' });
  }
}

/** The target of a Delete, or undefined when its properties name none (nothing was ever made). */
function deleteTarget(event: CloudFormationCustomResourceEvent & { RequestType: 'Delete' }): Target | undefined {
  try {
    const [properties, type] = [event.ResourceProperties, event.ResourceType];
    return { kind: MANAGED_LOGIN_BRANDING.claimKind, userPoolId: requireUserPoolId(properties, type), clientId: requireClientId(properties, type) };
  } catch (error) {
    log('nothing to delete', { physicalResourceId: event.PhysicalResourceId, reason: (error as Error).message });
    return undefined;
  }
}

function targetOf(style: DeclaredStyle): Target {
  return { kind: MANAGED_LOGIN_BRANDING.claimKind, userPoolId: style.userPoolId, clientId: style.clientId };
}

function brandingResult(physicalId: string, liveId: string): HandlerResult {
  return { PhysicalResourceId: physicalId, Data: { [BRANDING_ID_ATTRIBUTE]: liveId } };
}

function logStyle(action: string, style: DeclaredStyle, reason?: string, brandingId?: string): void {
  log('branding', {
    action,
    reason,
    brandingId,
    userPoolId: style.userPoolId,
    clientId: style.clientId,
    hash: style.settings?.Hash,
    assets: describeAssets(style),
  });
}
