import { Readable } from 'stream';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import { createStyle } from '../../lambda/branding/api';
import { requestBytes } from '../../lambda/branding/requests';
import { onClassicEvent } from '../../lambda/classic/handler';
import { Invocation } from '../../lambda/shared/invocation';
import { DEFAULT_RETRY_POLICY } from '../../lambda/shared/retry';
import { DeclaredStyle } from '../../src/branding/private/branding-contract';

/**
 * What actually goes over the wire, through the real SDK serializer (no
 * aws-sdk-client-mock here): the HTTP handler is replaced to capture the
 * request and answer it. This is where double base64 would show.
 */

interface CapturedRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

function cognitoCapturing(requests: CapturedRequest[], answer: object): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body: string | Uint8Array }) => {
        const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body);
        requests.push({ headers: request.headers, body });
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: Readable.from([Buffer.from(JSON.stringify(answer))]),
          },
        };
      },
    } as any,
  });
}

const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 253, 254, 255]);

/** Claims go nowhere here: no parameter exists, and writes are accepted. */
const noClaims = {
  send: async (command: { constructor: { name: string } }) => {
    if (command.constructor.name === 'GetParameterCommand') {
      throw Object.assign(new Error('not found'), { name: 'ParameterNotFound' });
    }
    return {};
  },
} as unknown as SSMClient;

function invocationWith(cognito: CognitoIdentityProviderClient, s3 = new S3Client({ region: 'eu-west-1' })): Invocation {
  return { cognito, s3, ssm: noClaims, cloudFormation: new CloudFormationClient({ region: 'eu-west-1' }), retry: DEFAULT_RETRY_POLICY, signal: new AbortController().signal, deadlineAt: Infinity };
}

test('asset bytes are base64-encoded exactly once and settings travel as a JSON object', async () => {
  // GIVEN a real client whose HTTP layer records the request
  const requests: CapturedRequest[] = [];
  const invocation = invocationWith(cognitoCapturing(requests, { ManagedLoginBranding: { ManagedLoginBrandingId: 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21' } }));
  const style: DeclaredStyle = { userPoolId: 'eu-west-1_AbCdEf123', clientId: 'client1', useCognitoProvidedValues: false, assets: [] };
  const settings = { categories: { global: { colorSchemeMode: 'DARK' } } };

  // WHEN
  const id = await createStyle(invocation, style, {
    Settings: settings,
    Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: bytes }],
  });

  // THEN
  expect(id).toBe('d7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21');
  expect(requests).toHaveLength(1);
  expect(requests[0].headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.CreateManagedLoginBranding');
  const body = JSON.parse(requests[0].body);
  expect(body.Assets[0].Bytes).toBe(Buffer.from(bytes).toString('base64'));
  expect(Buffer.from(body.Assets[0].Bytes, 'base64').equals(Buffer.from(bytes))).toBe(true);
  expect(body.Settings).toEqual(settings);
  expect(body).toEqual(expect.objectContaining({ UserPoolId: 'eu-west-1_AbCdEf123', ClientId: 'client1' }));
  expect(body).not.toHaveProperty('UseCognitoProvidedValues');
});

test('the classic logo is base64-encoded exactly once, next to the CSS text', async () => {
  // GIVEN a real Cognito client recording requests, and an S3 client answering from memory
  const requests: CapturedRequest[] = [];
  const files: Record<string, Uint8Array> = { 'logo.png': bytes, 'style.css': Buffer.from('.banner-customizable { padding: 1px; }') };
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { path: string }) => ({
        response: { statusCode: 200, headers: {}, body: Readable.from([Buffer.from(files[request.path.split('/').pop()!])]) },
      }),
    } as any,
  });
  const invocation = invocationWith(cognitoCapturing(requests, {}), s3);

  // WHEN
  await onClassicEvent(invocation, {
    RequestType: 'Create',
    ServiceToken: 'token',
    ResponseURL: '...',
    StackId: 'stack',
    RequestId: 'request',
    LogicalResourceId: 'Classic',
    ResourceType: 'Custom::CognitoClassicLoginCustomization',
    ResourceProperties: {
      ServiceToken: 'token',
      UserPoolId: 'eu-west-1_AbCdEf123',
      ClientId: 'ALL',
      Css: { Bucket: 'bucket', Key: 'style.css', Hash: 'h1' },
      Logo: { Bucket: 'bucket', Key: 'logo.png', Hash: 'h2' },
    },
  });

  // THEN (after the GetUICustomization that reads what a failure would put back)
  const set = requests.filter((r) => r.headers['x-amz-target'] !== 'AWSCognitoIdentityProviderService.GetUICustomization');
  expect(set).toHaveLength(1);
  const body = JSON.parse(set[0].body);
  expect(set[0].headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.SetUICustomization');
  expect(body).toEqual({
    UserPoolId: 'eu-west-1_AbCdEf123',
    ClientId: 'ALL',
    CSS: '.banner-customizable { padding: 1px; }',
    ImageFile: Buffer.from(bytes).toString('base64'),
  });
});

test('the handler\'s count of a branding request\'s bytes is the size of the body the SDK sends', async () => {
  // GIVEN settings with non-ASCII text and assets whose base64 needs padding (sizes 14, 100, 101)
  const requests: CapturedRequest[] = [];
  const invocation = invocationWith(cognitoCapturing(requests, { ManagedLoginBranding: { ManagedLoginBrandingId: 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21' } }));
  const style: DeclaredStyle = { userPoolId: 'eu-west-1_AbCdEf123', clientId: 'client1', useCognitoProvidedValues: false, assets: [] };
  const settings = { categories: { global: { colorSchemeMode: 'LIGHT' } }, note: 'ünïcödé "quoted" \\ and \n' };
  const assets = [bytes, new Uint8Array(100).fill(200), new Uint8Array(101).fill(1)].map((b, i) => ({
    Category: 'PAGE_BACKGROUND' as const, ColorMode: 'LIGHT' as const, Extension: 'PNG' as const, Bytes: b, ResourceId: `r ${i}`,
  }));

  // WHEN
  await createStyle(invocation, style, { Settings: settings, Assets: assets });

  // THEN
  expect(requests).toHaveLength(1);
  expect(requestBytes({ UserPoolId: style.userPoolId, ClientId: style.clientId }, { Settings: settings, Assets: assets }))
    .toBe(Buffer.byteLength(requests[0].body));
});

test('a style over 2,000,000 bytes as sent goes out as requests that each stay within it', async () => {
  // GIVEN settings and two assets of 1,000,000 bytes (2.67 MB as one body)
  const requests: CapturedRequest[] = [];
  const invocation = invocationWith(cognitoCapturing(requests, { ManagedLoginBranding: { ManagedLoginBrandingId: 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21' } }));
  const style: DeclaredStyle = { userPoolId: 'eu-west-1_AbCdEf123', clientId: 'client1', useCognitoProvidedValues: false, assets: [] };
  const big = new Uint8Array(1_000_000).fill(3);

  // WHEN
  await createStyle(invocation, style, {
    Settings: { categories: {} },
    Assets: [
      { Category: 'PAGE_BACKGROUND', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: big },
      { Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'PNG', Bytes: big },
    ],
  });

  // THEN a create, then an update of the id it returned, each body within the limit
  expect(requests.map((r) => r.headers['x-amz-target'])).toEqual([
    'AWSCognitoIdentityProviderService.CreateManagedLoginBranding',
    'AWSCognitoIdentityProviderService.UpdateManagedLoginBranding',
  ]);
  for (const request of requests) {
    expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(2_000_000);
  }
  expect(JSON.parse(requests[1].body)).toMatchObject({ ManagedLoginBrandingId: 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21' });
  expect(JSON.parse(requests[1].body).Settings).toBeUndefined();
});
