import type { ManagedLoginBrandingType } from '@aws-sdk/client-cognito-identity-provider';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { createStyle, deleteStyle, describeStyle, updateStyle } from './api';
import { loadContent } from './content';
import { DeclaredStyle, describeAssets, lostSlots, parseStyle } from './style';
import { BRANDING_ID_ATTRIBUTE } from '../../src/private/custom-resource-contract';
import { isAwsError } from '../shared/errors';
import { log } from '../shared/log';
import { sameDeclaredState } from '../shared/properties';
import { HandlerResult } from '../shared/result';
import { Runtime } from '../shared/runtime';

/** ManagedLoginBrandingId is a UUID; anything else as a physical id is a marker of a create that never happened. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Custom::CognitoManagedLoginBranding: one managed login style for one app client. */
export async function onBrandingEvent(rt: Runtime, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  switch (event.RequestType) {
    case 'Create': {
      const style = parseStyle(event.ResourceProperties);
      logStyle('create', style);
      return brandingResult(await createOrTakeOver(rt, style));
    }
    case 'Update':
      return brandingResult(await update(rt, event.PhysicalResourceId, event.ResourceProperties, event.OldResourceProperties));
    case 'Delete':
      await remove(rt, event.PhysicalResourceId, event.ResourceProperties);
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

async function update(
  rt: Runtime,
  physicalId: string,
  properties: Record<string, unknown>,
  oldProperties: Record<string, unknown>,
): Promise<string> {
  const style = parseStyle(properties);
  const old = parseOldStyle(oldProperties);
  if (style.userPoolId !== oldProperties.UserPoolId || style.clientId !== oldProperties.ClientId) {
    // A style belongs to one client for life. Make the new client's style and
    // return its id; CloudFormation then sends Delete for the old id.
    logStyle('replace', style, 'user pool or client changed');
    return createOrTakeOver(rt, style);
  }
  if (UUID.test(physicalId) && sameDeclaredState(oldProperties, properties)) {
    logStyle('no-op', style, 'declared state unchanged');
    return physicalId;
  }
  return converge(rt, style, old);
}

/**
 * The previous declaration, or undefined when it no longer parses (written by
 * an older version of the library, say). It only adds reasons to recreate; the
 * live style alone is enough to converge, so an unreadable old declaration
 * must not make every future update fail.
 */
function parseOldStyle(oldProperties: Record<string, unknown>): DeclaredStyle | undefined {
  try {
    return parseStyle(oldProperties);
  } catch (error) {
    log('old properties unreadable, converging from the live style', { reason: (error as Error).message });
    return undefined;
  }
}

/**
 * Brings the client's existing style to the declared state.
 *
 * UpdateManagedLoginBranding is a patch: an omitted member is kept and an
 * asset can be added or replaced but never removed. So whenever the live style
 * holds something the declaration no longer has (an asset slot, settings, or
 * the Cognito-provided-values mode), updating would leave it behind; the style
 * is deleted and created again instead, which gives it a new id. CloudFormation
 * then sends Delete for the old id, which finds nothing and succeeds.
 *
 * The price of a new id: if a later resource fails and the stack rolls back,
 * CloudFormation deletes the new style and goes back to the old id, which no
 * longer exists, so the client has no style until the next deployment of the
 * change (whose Update finds none and creates it). Keeping the id would need
 * an update that empties a style, which the API does not document.
 *
 * The live style is described first (one read): it is what an update would
 * patch, so it shows drift made outside CloudFormation (assets added in the
 * console, a style deleted by hand) as well as what the old properties
 * declared.
 */
async function converge(rt: Runtime, style: DeclaredStyle, old: DeclaredStyle | undefined): Promise<string> {
  const live = await describeStyle(rt, style);
  if (!live) {
    logStyle('create', style, 'the client has no style any more');
    return createOrTakeOver(rt, style);
  }
  const liveId = live.ManagedLoginBrandingId!;
  const reason = recreateReason(style, old, live);
  const content = await loadContent(rt, style);
  if (reason) {
    logStyle('recreate', style, reason, liveId);
    await deleteStyle(rt, style.userPoolId, liveId);
    return createStyle(rt, style, content);
  }
  if (style.useCognitoProvidedValues) {
    // Live and declared are both Cognito's defaults: nothing to write.
    logStyle('no-op', style, 'already uses Cognito-provided values', liveId);
    return liveId;
  }
  logStyle('update', style, undefined, liveId);
  await updateStyle(rt, style, liveId, content);
  return liveId;
}

/** Why an update cannot reach the declared state, or undefined when it can. */
function recreateReason(style: DeclaredStyle, old: DeclaredStyle | undefined, live: ManagedLoginBrandingType): string | undefined {
  const liveUsesDefaults = live.UseCognitoProvidedValues === true;
  if (style.useCognitoProvidedValues !== liveUsesDefaults || (old && style.useCognitoProvidedValues !== old.useCognitoProvidedValues)) {
    return 'switching between Cognito-provided values and custom settings';
  }
  const removed = [...new Set([...lostSlots(old?.assets ?? [], style.assets), ...lostSlots(live.Assets ?? [], style.assets)])].sort();
  if (removed.length > 0) {
    return `assets no longer declared: ${removed.join(', ')}`;
  }
  if (!style.settings && (old?.settings || live.Settings !== undefined)) {
    return 'settings no longer declared';
  }
  return undefined;
}

/**
 * Creates the client's style. If the client already has one (made in the
 * console, left by an earlier stack, by a create that timed out after Cognito
 * did it, or by our own create retried after a 5xx that had in fact
 * succeeded), that style is taken over by replacing it: deleted and
 * created again from the declaration.
 *
 * Replacing rather than updating it in place matters when a style changes
 * owner inside CloudFormation, e.g. a renamed construct: the new resource is
 * created first and the old one deleted afterwards, by its physical id. Had
 * the new resource adopted the same id, that Delete would remove the style it
 * now owns; with a fresh id the old Delete finds nothing and succeeds. It also
 * drops whatever the old style held beyond the declaration, which an update
 * could not.
 */
async function createOrTakeOver(rt: Runtime, style: DeclaredStyle): Promise<string> {
  const content = await loadContent(rt, style);
  try {
    return await createStyle(rt, style, content);
  } catch (error) {
    if (!isAwsError(error, 'ManagedLoginBrandingExistsException')) {
      throw error;
    }
  }
  const existing = await describeStyle(rt, style);
  if (existing) {
    logStyle('take over', style, 'the client already has a style', existing.ManagedLoginBrandingId);
    await deleteStyle(rt, style.userPoolId, existing.ManagedLoginBrandingId!);
  }
  return createStyle(rt, style, content);
}

async function remove(rt: Runtime, physicalId: string, properties: Record<string, unknown>): Promise<void> {
  if (!UUID.test(physicalId)) {
    // No style was ever created under this id (e.g. the wrapper's marker for a failed create).
    log('nothing to delete', { physicalResourceId: physicalId, reason: 'physical id is not a ManagedLoginBrandingId' });
    return;
  }
  const userPoolId = properties.UserPoolId;
  if (typeof userPoolId !== 'string' || userPoolId === '') {
    throw new Error(`Cannot delete managed login branding ${physicalId}: property UserPoolId is missing`);
  }
  await deleteStyle(rt, userPoolId, physicalId);
}

function brandingResult(id: string): HandlerResult {
  return { PhysicalResourceId: id, Data: { [BRANDING_ID_ATTRIBUTE]: id } };
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
