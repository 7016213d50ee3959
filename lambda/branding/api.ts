import type { CreateManagedLoginBrandingRequest, ManagedLoginBrandingType } from '@aws-sdk/client-cognito-identity-provider';
import { StyleContent } from './content';
import { ContentPart, Envelope, planParts, requestBytes } from './requests';
import { DeclaredStyle } from '../../src/branding/private/branding-contract';
import { isAwsError } from '../shared/errors';
import { awsCall, Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import {
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  UpdateManagedLoginBrandingCommand,
} from '../shared/sdk';

/** The Cognito calls on branding styles, one function each, with retries and the deadline. */

/**
 * Stands in for the id of a style not created yet when planning the updates
 * that follow a create: ManagedLoginBrandingId is always a 36-character UUID,
 * so the planned sizes are the sizes sent.
 */
const ID_OF_SAME_LENGTH = '00000000-0000-4000-8000-000000000000';

/**
 * Creates the client's style, split over several requests when it does not
 * fit in one: the create carries the Settings and the assets that fit, and
 * updates add the rest (an update adds a slot it does not know). Throws
 * ManagedLoginBrandingExistsException (as an AwsCallError) when the client
 * already has a style, before anything was written.
 */
export async function createStyle(invocation: Invocation, style: DeclaredStyle, content: StyleContent): Promise<string> {
  const create: Envelope = { UserPoolId: style.userPoolId, ClientId: style.clientId };
  if (content.UseCognitoProvidedValues) {
    // Cognito wants this flag alone: no Settings, no Assets.
    return sendCreate(invocation, style, create, { UseCognitoProvidedValues: true });
  }
  const [first, ...rest] = planParts(create, { UserPoolId: style.userPoolId, ManagedLoginBrandingId: ID_OF_SAME_LENGTH }, content);
  const id = await sendCreate(invocation, style, create, first);
  for (const part of rest) {
    await sendUpdate(invocation, style, id, part);
  }
  return id;
}

/**
 * Sends the declared Settings and assets to an existing style, as many
 * requests as the size limit needs. Cognito validates each request, so this
 * is also how the handler learns that the declared content is accepted
 * before it deletes anything.
 */
export async function patchStyle(invocation: Invocation, style: DeclaredStyle, brandingId: string, content: StyleContent): Promise<void> {
  const update: Envelope = { UserPoolId: style.userPoolId, ManagedLoginBrandingId: brandingId };
  for (const part of planParts(update, update, content)) {
    await sendUpdate(invocation, style, brandingId, part);
  }
}

async function sendCreate(
  invocation: Invocation, style: DeclaredStyle, envelope: Envelope, part: ContentPart & { UseCognitoProvidedValues?: true },
): Promise<string> {
  const response = await awsCall(invocation, 'CreateManagedLoginBranding', (options) => invocation.cognito.send(new CreateManagedLoginBrandingCommand({
    ...envelope as { UserPoolId: string; ClientId: string },
    ...toRequest(part),
  }), options));
  const id = response.ManagedLoginBranding?.ManagedLoginBrandingId;
  if (!id) {
    throw new Error(`CreateManagedLoginBranding for client ${style.clientId} returned no ManagedLoginBrandingId`);
  }
  log('created style', { userPoolId: style.userPoolId, clientId: style.clientId, brandingId: id, ...partFields(envelope, part) });
  return id;
}

async function sendUpdate(invocation: Invocation, style: DeclaredStyle, brandingId: string, part: ContentPart): Promise<void> {
  const envelope = { UserPoolId: style.userPoolId, ManagedLoginBrandingId: brandingId };
  await awsCall(invocation, 'UpdateManagedLoginBranding', (options) => invocation.cognito.send(new UpdateManagedLoginBrandingCommand({
    ...envelope,
    ...toRequest(part),
  }), options));
  log('updated style', { userPoolId: style.userPoolId, clientId: style.clientId, brandingId, ...partFields(envelope, part) });
}

/** Deletes a style; one that is already gone (or whose pool is) counts as deleted. */
export async function deleteStyle(invocation: Invocation, userPoolId: string, brandingId: string): Promise<void> {
  try {
    await awsCall(invocation, 'DeleteManagedLoginBranding', (options) => invocation.cognito.send(new DeleteManagedLoginBrandingCommand({
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
 * The style Cognito holds for the client now, or undefined when it has none
 * (or the pool or client is gone). ReturnMergedResources is false: only what
 * was customized comes back (assets and settings that were set), which is
 * what drift is measured against; Cognito's defaults would make every style
 * look drifted.
 */
export async function describeStyle(
  invocation: Invocation, target: { readonly userPoolId: string; readonly clientId: string },
): Promise<ManagedLoginBrandingType | undefined> {
  try {
    const response = await awsCall(invocation, 'DescribeManagedLoginBrandingByClient', (options) => invocation.cognito.send(new DescribeManagedLoginBrandingByClientCommand({
      UserPoolId: target.userPoolId,
      ClientId: target.clientId,
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

function toRequest(part: ContentPart & { UseCognitoProvidedValues?: true }) {
  return {
    ...(part.UseCognitoProvidedValues ? { UseCognitoProvidedValues: true } : {}),
    ...(part.Settings === undefined ? {} : { Settings: part.Settings as CreateManagedLoginBrandingRequest['Settings'] }),
    ...(part.Assets === undefined ? {} : { Assets: part.Assets }),
  };
}

/** What the log may say about one request: its size and the slots it carries. */
function partFields(envelope: Envelope, part: ContentPart) {
  return {
    requestBytes: requestBytes(envelope, part),
    assets: (part.Assets ?? []).map((a) => ({
      category: a.Category!, colorMode: a.ColorMode!, resourceId: a.ResourceId, sizeBytes: a.Bytes?.byteLength,
    })),
  };
}
