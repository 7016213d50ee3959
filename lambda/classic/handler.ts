import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../src/private/custom-resource-contract';
import { isAwsError } from '../shared/errors';
import { log } from '../shared/log';
import { parseFileRef, requireString, sameDeclaredState } from '../shared/properties';
import { HandlerResult } from '../shared/result';
import { awsCall, Runtime } from '../shared/runtime';
import { readBytes, readText } from '../shared/s3-files';
import { SetUICustomizationCommand } from '../shared/sdk';

const TYPE = CLASSIC_CUSTOMIZATION_TYPE;

/**
 * Custom::CognitoClassicLoginCustomization: CSS and logo of the classic hosted
 * UI for one client or for ALL. Its physical id is `<UserPoolId>:<ClientId>`,
 * so moving it to another pool or client yields a new id and CloudFormation
 * clears the old target with a Delete.
 */
export async function onClassicEvent(rt: Runtime, event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  if (event.RequestType === 'Delete') {
    await clear(rt, event.PhysicalResourceId);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const userPoolId = requireString(event.ResourceProperties, 'UserPoolId', TYPE);
  const clientId = requireString(event.ResourceProperties, 'ClientId', TYPE);
  const physicalId = `${userPoolId}:${clientId}`;
  if (event.RequestType === 'Update'
    && event.PhysicalResourceId === physicalId
    && sameDeclaredState(event.OldResourceProperties, event.ResourceProperties)) {
    log('classic', { action: 'no-op', reason: 'declared state unchanged', userPoolId, clientId });
    return { PhysicalResourceId: physicalId };
  }
  const { Css, Logo } = event.ResourceProperties;
  const css = Css === undefined ? undefined : parseFileRef(Css, 'Css', TYPE);
  const logo = Logo === undefined ? undefined : parseFileRef(Logo, 'Logo', TYPE);
  const [cssText, imageBytes] = await Promise.all([
    css ? readText(rt, css) : Promise.resolve(undefined),
    logo ? readBytes(rt, logo) : Promise.resolve(undefined),
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
  await setUiCustomization(rt, {
    UserPoolId: userPoolId,
    ClientId: clientId,
    ...(cssText === undefined ? {} : { CSS: cssText }),
    ...(imageBytes === undefined ? {} : { ImageFile: imageBytes }),
  });
  return { PhysicalResourceId: physicalId };
}

/**
 * Clears what this resource set: SetUICustomization with neither CSS nor image
 * (how the Terraform provider deletes it too). The target comes from the
 * physical id, so a per-client resource clears that client only and never
 * touches ALL. A pool that is gone has nothing left to clear.
 *
 * Known limit: two resources aimed at the same target share a physical id, so
 * when a construct is renamed (new logical id: the new resource is created,
 * then the old one deleted) this Delete clears what the new one just set.
 * Cognito keeps no owner we could check; it stays cleared until the new
 * resource's properties next change and it sets them again.
 */
async function clear(rt: Runtime, physicalId: string): Promise<void> {
  const match = /^([^:]+):([^:]+)$/.exec(physicalId);
  if (!match) {
    log('nothing to clear', { physicalResourceId: physicalId, reason: 'physical id is not <UserPoolId>:<ClientId>' });
    return;
  }
  const [, userPoolId, clientId] = match;
  try {
    await setUiCustomization(rt, { UserPoolId: userPoolId, ClientId: clientId });
    log('classic', { action: 'cleared', userPoolId, clientId });
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) {
      throw error;
    }
    log('classic', { action: 'nothing to clear', reason: 'user pool or client not found', userPoolId, clientId });
  }
}

async function setUiCustomization(rt: Runtime, input: { UserPoolId: string; ClientId: string; CSS?: string; ImageFile?: Uint8Array }): Promise<void> {
  await awsCall(rt, 'SetUICustomization', (options) => rt.cognito.send(new SetUICustomizationCommand(input), options));
}
