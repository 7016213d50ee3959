import type { CreateManagedLoginBrandingRequest, ManagedLoginBrandingType } from '@aws-sdk/client-cognito-identity-provider';
import { StyleContent } from './content';
import { DeclaredStyle } from './style';
import { isAwsError } from '../shared/errors';
import { log } from '../shared/log';
import { awsCall, Runtime } from '../shared/runtime';
import {
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  UpdateManagedLoginBrandingCommand,
} from '../shared/sdk';

/** The Cognito calls on branding styles, one function each, with retries and the deadline. */

export async function createStyle(rt: Runtime, style: DeclaredStyle, content: StyleContent): Promise<string> {
  const response = await awsCall(rt, 'CreateManagedLoginBranding', (options) => rt.cognito.send(new CreateManagedLoginBrandingCommand({
    UserPoolId: style.userPoolId,
    ClientId: style.clientId,
    ...toRequestContent(content),
  }), options));
  const id = response.ManagedLoginBranding?.ManagedLoginBrandingId;
  if (!id) {
    throw new Error(`CreateManagedLoginBranding for client ${style.clientId} returned no ManagedLoginBrandingId`);
  }
  log('created style', { userPoolId: style.userPoolId, clientId: style.clientId, brandingId: id });
  return id;
}

export async function updateStyle(rt: Runtime, style: DeclaredStyle, brandingId: string, content: StyleContent): Promise<void> {
  await awsCall(rt, 'UpdateManagedLoginBranding', (options) => rt.cognito.send(new UpdateManagedLoginBrandingCommand({
    UserPoolId: style.userPoolId,
    ManagedLoginBrandingId: brandingId,
    ...toRequestContent(content),
  }), options));
  log('updated style', { userPoolId: style.userPoolId, clientId: style.clientId, brandingId });
}

/** Deletes a style; one that is already gone (or whose pool is) counts as deleted. */
export async function deleteStyle(rt: Runtime, userPoolId: string, brandingId: string): Promise<void> {
  try {
    await awsCall(rt, 'DeleteManagedLoginBranding', (options) => rt.cognito.send(new DeleteManagedLoginBrandingCommand({
      UserPoolId: userPoolId,
      ManagedLoginBrandingId: brandingId,
    }), options));
    log('deleted style', { userPoolId, brandingId });
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) {
      throw error;
    }
    log('style already gone', { userPoolId, brandingId, errorName: 'ResourceNotFoundException' });
  }
}

/**
 * The style Cognito holds for the client now, or undefined when it has none.
 * ReturnMergedResources is false: only what was customized comes back (assets
 * and settings that were set), which is what drift is measured against;
 * Cognito's defaults would make every style look drifted.
 */
export async function describeStyle(rt: Runtime, style: DeclaredStyle): Promise<ManagedLoginBrandingType | undefined> {
  try {
    const response = await awsCall(rt, 'DescribeManagedLoginBrandingByClient', (options) => rt.cognito.send(new DescribeManagedLoginBrandingByClientCommand({
      UserPoolId: style.userPoolId,
      ClientId: style.clientId,
      ReturnMergedResources: false,
    }), options));
    return response.ManagedLoginBranding?.ManagedLoginBrandingId ? response.ManagedLoginBranding : undefined;
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) {
      return undefined;
    }
    throw error;
  }
}

function toRequestContent(content: StyleContent) {
  return {
    ...(content.UseCognitoProvidedValues ? { UseCognitoProvidedValues: true } : {}),
    ...(content.Settings === undefined ? {} : { Settings: content.Settings as CreateManagedLoginBrandingRequest['Settings'] }),
    ...(content.Assets === undefined ? {} : { Assets: content.Assets }),
  };
}
