import * as path from 'path';
import {
  CreateManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  InvalidParameterException,
  SetUICustomizationCommand,
  UpdateManagedLoginBrandingCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import {
  BRANDING_ID, captureConsole, CLIENT, cognito, context, createEvent, deleteEvent, emptyPool, fakeParameters, imageBytes, NEW_BRANDING_ID,
  POOL, resetMocks, stageFile, updateEvent,
} from './helpers';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../src/classic/private/classic-contract';
import { CLIENT_METADATA_POLICY_TYPE } from '../../src/registration/private/cimd-contract';
import { CLIENT_REGISTRATION_TYPE } from '../../src/registration/private/registration-contract';

/**
 * The handler behind aws-cdk-lib's own nodejs-entrypoint, the wrapper that
 * core CustomResourceProvider deploys around it and that answers
 * CloudFormation. Only its HTTP PUT is replaced, to capture the answer.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const entrypoint = require(path.join(
  path.dirname(require.resolve('aws-cdk-lib/package.json')),
  'custom-resource-handlers/dist/core/nodejs-entrypoint-handler/index.js',
));

interface CfnResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason: string;
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

const output = captureConsole();
let responses: CfnResponse[];

beforeEach(() => {
  resetMocks();
  emptyPool();
  fakeParameters();
  responses = [];
  entrypoint.external.userHandlerIndex = path.join(__dirname, 'fixtures', 'fast-handler');
  // As deployed: the entrypoint answers the thrown error's stack as the reason.
  entrypoint.external.includeStackTraces = true;
  entrypoint.external.log = (...args: unknown[]) => console.log(...args);
  entrypoint.external.sendHttpRequest = async (_options: unknown, body: string) => {
    responses.push(JSON.parse(body));
  };
});

/** Runs one event through the entrypoint and returns the one answer it sent. */
async function answer(event: CloudFormationCustomResourceEvent, remainingMs = 600_000): Promise<CfnResponse> {
  await entrypoint.handler(event, context(remainingMs));
  expect(responses).toHaveLength(1);
  return responses[0];
}

test('the deployed module answers SUCCESS with the branding id as physical id and attribute', async () => {
  // GIVEN the real lambda/index.ts behind the entrypoint
  entrypoint.external.userHandlerIndex = path.join(__dirname, '..', '..', 'lambda', 'index');
  cognito.on(CreateManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: { ManagedLoginBrandingId: NEW_BRANDING_ID } });

  // WHEN
  const response = await answer(createEvent(MANAGED_LOGIN_BRANDING_TYPE, { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: 'true' }));

  // THEN
  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: NEW_BRANDING_ID, Data: { ManagedLoginBrandingId: NEW_BRANDING_ID } });
});

test('a Cognito error answers FAILED with Cognito\'s words, the operation and the request id as the whole reason, without a stack', async () => {
  // GIVEN Cognito refuses the logo, in its request abc-123
  cognito.on(SetUICustomizationCommand).rejects(new InvalidParameterException({
    message: 'The uploaded image must be a valid .jpeg or .png file.',
    $metadata: { httpStatusCode: 400, requestId: 'abc-123' },
  }));
  const event = createEvent(CLASSIC_CUSTOMIZATION_TYPE, { UserPoolId: POOL, ClientId: CLIENT, Logo: stageFile('logo.gif', imageBytes()) });

  // WHEN
  const response = await answer(event);

  // THEN
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toBe('SetUICustomization failed: InvalidParameterException: The uploaded image must be a valid .jpeg or .png file. (request id abc-123)');
});

test('an unexpected exception answers FAILED, and the Delete that follows a failed Create succeeds', async () => {
  // GIVEN the SDK blows up with a programming error
  cognito.on(SetUICustomizationCommand).rejects(new TypeError("Cannot read properties of undefined (reading 'x')"));
  const create = createEvent(CLASSIC_CUSTOMIZATION_TYPE, { UserPoolId: POOL, ClientId: CLIENT, Css: stageFile('style.css', '.banner-customizable {}') });

  // WHEN
  const failed = await answer(create);
  responses = [];
  const deleted = await answer(deleteEvent(CLASSIC_CUSTOMIZATION_TYPE, failed.PhysicalResourceId, { UserPoolId: POOL, ClientId: CLIENT }));

  // THEN
  expect(failed.Status).toBe('FAILED');
  expect(failed.Reason).toBe("SetUICustomization failed: TypeError: Cannot read properties of undefined (reading 'x')");
  expect(deleted.Status).toBe('SUCCESS');
  expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(1);
});

test('an unknown resource type answers FAILED naming the types served', async () => {
  // WHEN
  const response = await answer(createEvent('Custom::Something', {}));

  // THEN
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toBe(`Unsupported resource type Custom::Something: this handler serves ${MANAGED_LOGIN_BRANDING_TYPE}, ${CLASSIC_CUSTOMIZATION_TYPE}, ${CLIENT_REGISTRATION_TYPE} and ${CLIENT_METADATA_POLICY_TYPE}`);
});

test('a Cognito that never answers still yields FAILED before the Lambda times out, once the unanswered attempt has ended', async () => {
  // GIVEN 2 s left, 1 s kept as the margin (fixtures/fast-handler.ts), and a hanging Cognito
  cognito.on(UpdateManagedLoginBrandingCommand).callsFake(() => new Promise(() => undefined));
  cognito.on(DescribeManagedLoginBrandingByClientCommand).resolves({ ManagedLoginBranding: { ManagedLoginBrandingId: BRANDING_ID, Assets: [] } });
  const settings = stageFile('settings.json', '{"categories":{}}');
  const props = { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: 'false', Settings: settings };
  const event = updateEvent(MANAGED_LOGIN_BRANDING_TYPE, BRANDING_ID, props, { ...props, Settings: { ...settings, Hash: 'older' } });
  const started = Date.now();

  // WHEN
  const response = await answer(event, 2000);

  // THEN the answer came within the Lambda's time, names the call cut off at the deadline, and keeps the physical id
  expect(Date.now() - started).toBeLessThan(2000);
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toMatch(/^UpdateManagedLoginBranding failed: TimeoutError: no answer within \d+ ms, the attempt's time limit \(.*deadline.*\)$/);
  expect(response.PhysicalResourceId).toBe(BRANDING_ID);
});

test('a reason is one line whatever the error: the stack stays out of it', async () => {
  // GIVEN the real lambda/index.ts behind the entrypoint, and a programming error inside a call
  entrypoint.external.userHandlerIndex = path.join(__dirname, '..', '..', 'lambda', 'index');
  cognito.on(SetUICustomizationCommand).callsFake(() => {
    throw new RangeError('Invalid array length');
  });
  const event = createEvent(CLASSIC_CUSTOMIZATION_TYPE, { UserPoolId: POOL, ClientId: CLIENT, Css: stageFile('style.css', '.banner-customizable {}') });

  // WHEN
  const response = await answer(event);

  // THEN
  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toBe('SetUICustomization failed: RangeError: Invalid array length');
  expect(response.Reason).not.toMatch(/\n|\bat /);
});

test('the log of a run with images, CSS and settings holds none of their content', async () => {
  // GIVEN files with recognizable content
  const image = imageBytes('LOGO-BYTES-MARKER');
  const css = '.banner-customizable { background-color: #123456; } /* CSS-CONTENT-MARKER */';
  cognito.on(SetUICustomizationCommand).resolves({});
  cognito.on(CreateManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: { ManagedLoginBrandingId: NEW_BRANDING_ID } });
  const classic = createEvent(CLASSIC_CUSTOMIZATION_TYPE, {
    UserPoolId: POOL, ClientId: CLIENT, Css: stageFile('style.css', css), Logo: stageFile('logo.png', image),
  });
  const branding = createEvent(MANAGED_LOGIN_BRANDING_TYPE, {
    UserPoolId: POOL,
    ClientId: CLIENT,
    UseCognitoProvidedValues: 'false',
    Settings: stageFile('settings.json', JSON.stringify({ categories: { global: { colorSchemeMode: 'SETTINGS-CONTENT-MARKER' } } })),
    Assets: [{ ...stageFile('form-logo.png', image), Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }],
  });
  const before = output().length;

  // WHEN
  await entrypoint.handler(classic, context());
  await entrypoint.handler(branding, context());

  // THEN both succeeded, and their log says what happened without any content
  expect(responses.map((r) => r.Status)).toEqual(['SUCCESS', 'SUCCESS']);
  const logged = output().slice(before);
  expect(logged).toContain('"hash":"hash-of-logo.png"');
  expect(logged).toContain('"sizeBytes":');
  for (const secret of [
    'LOGO-BYTES-MARKER',
    Buffer.from(image).toString('base64'),
    Buffer.from(image.subarray(8, 40)).toString('base64'),
    Buffer.from(image).toString('hex').slice(0, 40),
    '137,80,78,71',
    '"0":137',
    'CSS-CONTENT-MARKER',
    'banner-customizable',
    'SETTINGS-CONTENT-MARKER',
    'colorSchemeMode',
  ]) {
    expect(logged).not.toContain(secret);
  }
});
