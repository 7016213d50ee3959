import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CLASSIC_CUSTOMIZATION } from '../../src/classic/private/classic-contract';
import { ownerOf, release, takeClaim, Target } from '../shared/claims';
import { sameDeclaredState } from '../shared/declared-state';
import { isAwsError } from '../shared/errors';
import { awsCall, Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { HandlerResult } from '../shared/result';
import { readBytes, readText } from '../shared/s3-files';
import { SetUICustomizationCommand } from '../shared/sdk';

/**
 * Custom::CognitoClassicLoginCustomization: CSS and logo of the classic hosted
 * UI for one client or for ALL. Its physical id is `<UserPoolId>:<ClientId>`,
 * so moving it to another pool or client yields a new id and CloudFormation
 * clears the old target with a Delete.
 *
 * Two resources aimed at the same target (a renamed or moved construct: the
 * new one is created, then the old one deleted) share that physical id; the
 * claim (see claims.ts) is what tells the old one's Delete to leave the
 * target to the new one.
 */
export async function onClassicEvent(invocation: Invocation, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  if (event.RequestType === 'Delete') {
    await remove(invocation, event);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const properties = event.ResourceProperties;
  const { userPoolId, clientId, css, logo } = CLASSIC_CUSTOMIZATION.parse(properties);
  const target: Target = { kind: CLASSIC_CUSTOMIZATION.claimKind, userPoolId, clientId };
  const physicalId = `${userPoolId}:${clientId}`;
  if (event.RequestType === 'Update'
    && event.PhysicalResourceId === physicalId
    && sameDeclaredState(event.OldResourceProperties, properties)) {
    log('classic', { action: 'no-op', reason: 'declared state unchanged', userPoolId, clientId });
    return { PhysicalResourceId: physicalId };
  }
  const [cssText, imageBytes] = await Promise.all([
    css ? readText(invocation, css) : Promise.resolve(undefined),
    logo ? readBytes(invocation, logo) : Promise.resolve(undefined),
  ]);
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
    ...(cssText === undefined ? {} : { CSS: cssText }),
    ...(imageBytes === undefined ? {} : { ImageFile: imageBytes }),
  });
  await takeClaim(invocation, target, ownerOf(event));
  return { PhysicalResourceId: physicalId };
}

/**
 * Clears the target if this resource owns it (see claims.ts); without a
 * claim (deployed before claims existed) it clears the target its physical
 * id names, as before. A per-client resource clears that client only and
 * never touches ALL.
 */
async function remove(invocation: Invocation, event: CloudFormationCustomResourceEvent & { RequestType: 'Delete' }): Promise<void> {
  const target = deleteTarget(event);
  if (!target) {
    return;
  }
  const outcome = await release(invocation, target, ownerOf(event), () => clear(invocation, target));
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
