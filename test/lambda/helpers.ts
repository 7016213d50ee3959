import {
  CognitoIdentityProviderClient,
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  SetUICustomizationCommand,
  UpdateManagedLoginBrandingCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createHandler } from '../../lambda/index';
import { S3FileRef } from '../../src/private/custom-resource-contract';

/**
 * Shared fixtures of the handler tests. mockClient replaces `send` on the
 * client classes, so the handler's own once-per-cold-start clients are the
 * ones mocked.
 */
export const cognito = mockClient(CognitoIdentityProviderClient);
export const s3 = mockClient(S3Client);

export const POOL = 'eu-west-1_AbCdEf123';
export const CLIENT = '1example23456789abcdefghij';
export const OTHER_CLIENT = '2example23456789abcdefghij';
export const BUCKET = 'cdk-hnb659fds-assets-111111111111-eu-west-1';
export const BRANDING_ID = 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21';
export const NEW_BRANDING_ID = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
export const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-1:111111111111:function:provider';

/** A handler that never really sleeps between retries. */
export const instantHandler = createHandler({ retry: { sleep: async () => undefined } });

/** A fake Lambda context with plenty of time left. */
export function context(remainingMs = 600_000) {
  return { getRemainingTimeInMillis: () => remainingMs };
}

/**
 * Image-like bytes: a PNG signature, then a text marker (so any encoding of
 * the content that reaches a log is easy to spot), then every byte value.
 */
export function imageBytes(marker = 'PIXELS-MUST-NOT-BE-LOGGED'): Uint8Array {
  const tail = Array.from({ length: 256 }, (_, i) => i);
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from(marker), ...tail]);
}

/** Stages a file in the mocked S3 and returns its reference. */
export function stageFile(key: string, content: Uint8Array | string): S3FileRef {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  s3.on(GetObjectCommand, { Bucket: BUCKET, Key: key }).callsFake(async () => ({
    // The SDK's stream mixin, reduced to the one method the handler uses.
    Body: { transformToByteArray: async () => Uint8Array.from(bytes) },
  }));
  return { Bucket: BUCKET, Key: key, Hash: `hash-of-${key}` };
}

type Props = Record<string, unknown>;

export function createEvent(resourceType: string, properties: Props): CloudFormationCustomResourceEvent {
  return {
    ...common(resourceType),
    RequestType: 'Create',
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
  };
}

export function updateEvent(resourceType: string, physicalId: string, properties: Props, oldProperties: Props): CloudFormationCustomResourceEvent {
  return {
    ...common(resourceType),
    RequestType: 'Update',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
    OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...oldProperties },
  };
}

export function deleteEvent(resourceType: string, physicalId: string, properties: Props): CloudFormationCustomResourceEvent {
  return {
    ...common(resourceType),
    RequestType: 'Delete',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
  };
}

function common(resourceType: string) {
  return {
    ServiceToken: SERVICE_TOKEN,
    ResponseURL: 'https://cloudformation-custom-resource-response-euwest1.s3.amazonaws.com/response?signature=secret',
    StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/Login/guid',
    RequestId: 'request-1',
    LogicalResourceId: 'Resource',
    ResourceType: resourceType,
  };
}

/** Inputs the mocked Cognito received for one command, in order. */
export function inputsOf<I extends object>(command: new (input: I) => { input: I }): I[] {
  return cognito.commandCalls(command as any).map((call) => call.args[0].input as I);
}

/** Every Cognito call that changes something. */
export function writeCalls(): number {
  return [
    CreateManagedLoginBrandingCommand,
    UpdateManagedLoginBrandingCommand,
    DeleteManagedLoginBrandingCommand,
    SetUICustomizationCommand,
  ].reduce((n, command) => n + cognito.commandCalls(command as any).length, 0);
}

/** Names of the Cognito operations called, in order. */
export function cognitoOperations(): string[] {
  return cognito.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

/**
 * Keeps the handler's log lines out of the test report while recording them.
 * Returns everything written so far, joined.
 */
export function captureConsole(): () => string {
  const lines: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  return () => lines.join('\n');
}
