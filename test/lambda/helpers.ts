import { CloudFormationClient, DescribeStackResourceCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AssetType,
  CognitoIdentityProviderClient,
  CreateManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  GetUICustomizationCommand,
  InternalErrorException,
  InvalidParameterException,
  ManagedLoginBrandingExistsException,
  ResourceNotFoundException,
  UpdateManagedLoginBrandingCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DeleteParameterCommand, GetParameterCommand, ParameterNotFound, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createHandler } from '../../lambda/index';
import { S3FileRef } from '../../src/private/custom-resource-contract';
import { isWrite } from '../../standin/services/write-operations';

/**
 * Shared fixtures of the handler tests. mockClient replaces `send` on the
 * client classes, so the handler's own once-per-cold-start clients are the
 * ones mocked.
 */
export const cognito = mockClient(CognitoIdentityProviderClient);
export const s3 = mockClient(S3Client);
export const ssm = mockClient(SSMClient);
export const cloudFormation = mockClient(CloudFormationClient);

/**
 * A pool with no style and no classic customization yet, for tests that
 * mock only the writes: what the handler reads before its first write.
 */
export function emptyPool(): void {
  cognito.on(DescribeManagedLoginBrandingByClientCommand).rejects(new ResourceNotFoundException({ message: 'Managed login branding not found.', $metadata: { httpStatusCode: 400 } }));
  cognito.on(GetUICustomizationCommand).resolves({ UICustomization: {} });
}

/**
 * CloudFormation as the handler asks it: every owner named exists, and no
 * stack is rolling back, unless a test says otherwise.
 */
export function liveStacks(options: { gone?: readonly string[]; rollingBack?: boolean } = {}): void {
  cloudFormation.reset();
  cloudFormation.on(DescribeStackResourceCommand).callsFake(async (input) => ({
    StackResourceDetail: {
      StackName: 'Login',
      LogicalResourceId: input.LogicalResourceId,
      ResourceType: 'Custom::X',
      LastUpdatedTimestamp: new Date(),
      ResourceStatus: options.gone?.includes(`${input.StackName}|${input.LogicalResourceId}`) ? 'DELETE_COMPLETE' : 'UPDATE_COMPLETE',
    },
  }));
  cloudFormation.on(DescribeStacksCommand).resolves({
    Stacks: [{ StackName: 'Login', CreationTime: new Date(), StackStatus: options.rollingBack ? 'UPDATE_ROLLBACK_IN_PROGRESS' : 'UPDATE_IN_PROGRESS' }],
  });
}

/** Every mocked client as new, and CloudFormation answering that every stack is live: the start of each handler test. */
export function resetMocks(): void {
  cognito.reset();
  s3.reset();
  ssm.reset();
  liveStacks();
}

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

/** Where CloudFormation sends the events of a resource: its stack and logical id (the claim's owner). */
export interface ResourceAddress {
  readonly stackId?: string;
  readonly logicalId?: string;
}

export const STACK_ID = 'arn:aws:cloudformation:eu-west-1:111111111111:stack/Login/guid';

export function createEvent(resourceType: string, properties: Props, address: ResourceAddress = {}): CloudFormationCustomResourceEvent {
  return {
    ...common(resourceType, address),
    RequestType: 'Create',
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
  };
}

export function updateEvent(
  resourceType: string, physicalId: string, properties: Props, oldProperties: Props, address: ResourceAddress = {},
): CloudFormationCustomResourceEvent {
  return {
    ...common(resourceType, address),
    RequestType: 'Update',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
    OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...oldProperties },
  };
}

export function deleteEvent(
  resourceType: string, physicalId: string, properties: Props, address: ResourceAddress = {},
): CloudFormationCustomResourceEvent {
  return {
    ...common(resourceType, address),
    RequestType: 'Delete',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...properties },
  };
}

function common(resourceType: string, address: ResourceAddress) {
  return {
    ServiceToken: SERVICE_TOKEN,
    ResponseURL: 'https://cloudformation-custom-resource-response-euwest1.s3.amazonaws.com/response?signature=secret',
    StackId: address.stackId ?? STACK_ID,
    RequestId: 'request-1',
    LogicalResourceId: address.logicalId ?? 'Resource',
    ResourceType: resourceType,
  };
}

/** Inputs the mocked Cognito received for one command, in order. */
export function inputsOf<I extends object>(command: new (input: I) => { input: I }): I[] {
  return cognito.commandCalls(command as any).map((call) => call.args[0].input as I);
}

/** Names of the SSM operations called, in order. */
export function ssmOperations(): string[] {
  return ssm.calls().map((call) => (call.args[0] as object).constructor.name.replace(/Command$/, ''));
}

/** Every Cognito call that changes something. */
export function writeCalls(): number {
  return cognitoOperations().filter(isWrite).length;
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

/**
 * The claims' parameter store, as a map from name to value: GetParameter,
 * PutParameter (Overwrite) and DeleteParameter behave as SSM's do.
 */
export function fakeParameters(): Map<string, string> {
  const parameters = new Map<string, string>();
  const notFound = () => new ParameterNotFound({ message: '', $metadata: { httpStatusCode: 400 } });
  ssm.on(GetParameterCommand).callsFake(async (input) => {
    if (!parameters.has(input.Name)) {
      throw notFound();
    }
    return { Parameter: { Name: input.Name, Type: 'String', Value: parameters.get(input.Name) } };
  });
  ssm.on(PutParameterCommand).callsFake(async (input) => {
    parameters.set(input.Name, input.Value);
    return { Version: 1 };
  });
  ssm.on(DeleteParameterCommand).callsFake(async (input) => {
    if (!parameters.delete(input.Name)) {
      throw notFound();
    }
    return {};
  });
  return parameters;
}

/** One managed login style as the fake Cognito holds it. */
export interface FakeStyle {
  readonly id: string;
  useCognitoProvidedValues: boolean;
  settings?: unknown;
  /** By slot (category/color mode/resource id): the asset's bytes as latin1 text, easy to compare. */
  readonly assets: Map<string, string>;
}

/**
 * A small stateful Cognito for branding styles, in-process behind the SDK
 * mock, so the handler's unit tests check state rather than call lists. Its
 * rules are a subset of the stand-in's model of managed login branding
 * (standin/services/branding-store.ts; each rule with its source in
 * standin/README.md, "Cognito: managed login branding"), with the same
 * answers: one style per client (ManagedLoginBrandingExistsException); Create
 * needs Settings or UseCognitoProvidedValues; Update is a patch that adds or
 * replaces asset slots and never removes one, and UseCognitoProvidedValues on
 * it reverts to the defaults; a request body over 2,000,000 bytes as sent
 * (base64 included) is refused; Describe by client omits unset Settings.
 * Left to the stand-in, which plays whole deployments: pools, clients and
 * domains that must exist, asset bytes of their declared format, the 40-asset
 * limit, Settings keys outside Cognito's document (here `refuseSettings`
 * says which documents are refused), merged Describe.
 */
export class FakeBranding {
  /** By client id. */
  public readonly styles = new Map<string, FakeStyle>();
  /** Request body sizes as sent, in order. */
  public readonly requestSizes: number[] = [];
  /**
   * Operations whose next response is lost: the write is applied and the
   * caller gets a 500, as when a connection drops after Cognito did the work.
   */
  public readonly loseNextResponse = new Set<string>();
  private counter = 0;
  /** Settings documents Cognito refuses, as it refuses an unknown key. */
  public refuseSettings: (settings: unknown) => boolean;

  constructor() {
    this.refuseSettings = () => false;
    cognito.on(CreateManagedLoginBrandingCommand).callsFake(async (input) => {
      if (this.styles.has(input.ClientId)) {
        throw new ManagedLoginBrandingExistsException({ message: 'A managed login branding style already exists for this app client.', $metadata: { httpStatusCode: 400 } });
      }
      this.checkRequest(input);
      if (!input.UseCognitoProvidedValues && input.Settings === undefined) {
        throw invalid('Settings or UseCognitoProvidedValues is required.');
      }
      const style: FakeStyle = {
        id: this.nextId(), useCognitoProvidedValues: input.UseCognitoProvidedValues === true, settings: input.Settings, assets: new Map(),
      };
      this.patchAssets(style, input.Assets);
      this.styles.set(input.ClientId, style);
      this.maybeLoseResponse('CreateManagedLoginBranding');
      return { ManagedLoginBranding: { ManagedLoginBrandingId: style.id, UserPoolId: input.UserPoolId } };
    });
    cognito.on(UpdateManagedLoginBrandingCommand).callsFake(async (input) => {
      this.checkRequest(input);
      const style = this.byId(input.ManagedLoginBrandingId);
      if (input.UseCognitoProvidedValues === true) {
        style.useCognitoProvidedValues = true;
        style.settings = undefined;
        style.assets.clear();
      } else if (input.UseCognitoProvidedValues === false || input.Settings !== undefined || (input.Assets ?? []).length > 0) {
        style.useCognitoProvidedValues = false;
      }
      if (input.Settings !== undefined) {
        style.settings = input.Settings;
      }
      this.patchAssets(style, input.Assets);
      this.maybeLoseResponse('UpdateManagedLoginBranding');
      return { ManagedLoginBranding: { ManagedLoginBrandingId: style.id } };
    });
    cognito.on(DeleteManagedLoginBrandingCommand).callsFake(async (input) => {
      const style = this.byId(input.ManagedLoginBrandingId);
      this.styles.forEach((s, client) => { if (s === style) this.styles.delete(client); });
      return {};
    });
    cognito.on(DescribeManagedLoginBrandingByClientCommand).callsFake(async (input) => {
      const style = this.styles.get(input.ClientId);
      if (!style) {
        throw new ResourceNotFoundException({ message: 'Managed login branding not found.', $metadata: { httpStatusCode: 400 } });
      }
      return {
        ManagedLoginBranding: {
          ManagedLoginBrandingId: style.id,
          UserPoolId: input.UserPoolId,
          UseCognitoProvidedValues: style.useCognitoProvidedValues,
          ...(style.settings === undefined ? {} : { Settings: style.settings as any }),
          Assets: [...style.assets.keys()].map((slot) => {
            const [Category, ColorMode, ResourceId] = slot.split('/');
            return { Category, ColorMode, Extension: 'PNG', Bytes: new Uint8Array([1]), ...(ResourceId ? { ResourceId } : {}) } as AssetType;
          }),
        },
      };
    });
  }

  /** A style made outside CloudFormation (the console, another stack). */
  public put(clientId: string, settings: unknown, assets: Record<string, string> = {}): FakeStyle {
    const style: FakeStyle = { id: this.nextId(), useCognitoProvidedValues: false, settings, assets: new Map(Object.entries(assets)) };
    this.styles.set(clientId, style);
    return style;
  }

  /** The client's style as slots and settings, for comparing with a declaration. */
  public look(clientId: string): { settings?: unknown; assets: Record<string, string>; useCognitoProvidedValues: boolean } | undefined {
    const style = this.styles.get(clientId);
    return style && {
      settings: style.settings, assets: Object.fromEntries([...style.assets].sort()), useCognitoProvidedValues: style.useCognitoProvidedValues,
    };
  }

  private maybeLoseResponse(operation: string): void {
    if (this.loseNextResponse.delete(operation)) {
      throw new InternalErrorException({ message: 'Internal error (the write was applied)', $metadata: { httpStatusCode: 500 } });
    }
  }

  private nextId(): string {
    this.counter++;
    return `00000000-0000-4000-8000-${String(this.counter).padStart(12, '0')}`;
  }

  private byId(id: string): FakeStyle {
    const style = [...this.styles.values()].find((s) => s.id === id);
    if (!style) {
      throw new ResourceNotFoundException({ message: 'Managed login branding not found.', $metadata: { httpStatusCode: 400 } });
    }
    return style;
  }

  private checkRequest(input: { Settings?: unknown; Assets?: AssetType[] }): void {
    // Measured independently of the handler's own count: the body the SDK would send.
    const body = JSON.stringify(input, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value));
    const size = Buffer.byteLength(body);
    this.requestSizes.push(size);
    if (size > 2_000_000) {
      throw invalid(`Request of ${size} bytes exceeds the 2 MB limit.`);
    }
    if (input.Settings !== undefined && this.refuseSettings(input.Settings)) {
      throw invalid('Invalid settings provided. Validation errors: [{property: $.components.unknown, errorType: UnknownProperty}]');
    }
  }

  private patchAssets(style: FakeStyle, assets: AssetType[] | undefined): void {
    for (const asset of assets ?? []) {
      const slot = [asset.Category, asset.ColorMode, asset.ResourceId].filter((p) => p).join('/');
      style.assets.set(slot, Buffer.from(asset.Bytes!).toString('latin1'));
    }
  }
}

function invalid(message: string) {
  return new InvalidParameterException({ message, $metadata: { httpStatusCode: 400 } });
}
