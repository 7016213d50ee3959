import {
  CreateManagedLoginBrandingCommand,
  CreateManagedLoginBrandingRequest,
  DeleteManagedLoginBrandingCommand,
  DeleteManagedLoginBrandingRequest,
  DescribeManagedLoginBrandingByClientCommand,
  InvalidParameterException,
  ManagedLoginBrandingExistsException,
  ResourceNotFoundException,
  UpdateManagedLoginBrandingCommand,
  UpdateManagedLoginBrandingRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  BRANDING_ID, captureConsole, CLIENT, cognito, cognitoOperations, context, createEvent, deleteEvent, imageBytes, inputsOf,
  instantHandler, NEW_BRANDING_ID, OTHER_CLIENT, POOL, s3, stageFile, updateEvent, writeCalls,
} from './helpers';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/private/custom-resource-contract';

captureConsole();

const TYPE = MANAGED_LOGIN_BRANDING_TYPE;
const SETTINGS = { components: { primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } } } };
const LOGO = imageBytes('FORM-LOGO');
const BACKGROUND = imageBytes('PAGE-BACKGROUND');

let settingsRef: ReturnType<typeof stageFile>;
let logo: Record<string, string>;
let background: Record<string, string>;

beforeEach(() => {
  cognito.reset();
  s3.reset();
  settingsRef = stageFile('settings.json', JSON.stringify(SETTINGS));
  logo = { ...stageFile('logo.png', LOGO), Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' };
  background = { ...stageFile('background.png', BACKGROUND), Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'PNG' };
  cognito.on(CreateManagedLoginBrandingCommand).resolves({ ManagedLoginBranding: { ManagedLoginBrandingId: NEW_BRANDING_ID } });
});

function customProps(assets: object[] = [logo, background], clientId = CLIENT) {
  return { UserPoolId: POOL, ClientId: clientId, UseCognitoProvidedValues: 'false', Settings: settingsRef, Assets: assets };
}

function defaultsProps(clientId = CLIENT) {
  return { UserPoolId: POOL, ClientId: clientId, UseCognitoProvidedValues: 'true' };
}

/** What DescribeManagedLoginBrandingByClient says the client has now. */
function liveStyle(assets: object[], extra: object = {}) {
  cognito.on(DescribeManagedLoginBrandingByClientCommand).resolves({
    ManagedLoginBranding: {
      ManagedLoginBrandingId: BRANDING_ID,
      UserPoolId: POOL,
      UseCognitoProvidedValues: false,
      Settings: SETTINGS,
      Assets: assets as any,
      ...extra,
    },
  });
}

function liveAsset(category: string, colorMode: string) {
  return { Category: category, ColorMode: colorMode, Extension: 'PNG', Bytes: new Uint8Array([1, 2, 3]) };
}

describe('Create', () => {
  test('with Cognito-provided values sends the flag alone and returns the new id', async () => {
    // GIVEN a style that asks for Cognito's defaults
    const event = createEvent(TYPE, defaultsProps());

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: true },
    ]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(result).toEqual({ PhysicalResourceId: NEW_BRANDING_ID, Data: { ManagedLoginBrandingId: NEW_BRANDING_ID } });
  });

  test('with settings and assets sends the parsed settings and the raw file bytes', async () => {
    // GIVEN a custom style with two assets, one with a ResourceId
    const event = createEvent(TYPE, customProps([logo, { ...background, ResourceId: 'bg-1' }]));

    // WHEN
    await instantHandler(event, context());

    // THEN the settings are the JSON object, not its text
    const [input] = inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand);
    expect(input.Settings).toEqual(SETTINGS);
    expect(input.UseCognitoProvidedValues).toBeUndefined();
    // AND every asset carries the file's bytes as a Uint8Array (the SDK base64-encodes it, we must not)
    expect(input.Assets).toHaveLength(2);
    const [sentLogo, sentBackground] = input.Assets!;
    expect(sentLogo).toMatchObject({ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' });
    expect(sentLogo.Bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(sentLogo.Bytes!).equals(Buffer.from(LOGO))).toBe(true);
    expect(sentBackground).toMatchObject({ Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', ResourceId: 'bg-1' });
    expect(Buffer.from(sentBackground.Bytes!).equals(Buffer.from(BACKGROUND))).toBe(true);
    expect(sentLogo.ResourceId).toBeUndefined();
  });

  test('when the client already has a style, replaces it and returns a fresh id', async () => {
    // GIVEN Cognito refuses a second style for the client, and one exists
    cognito.on(CreateManagedLoginBrandingCommand)
      .rejectsOnce(new ManagedLoginBrandingExistsException({ message: 'exists', $metadata: { httpStatusCode: 400 } }))
      .resolves({ ManagedLoginBranding: { ManagedLoginBrandingId: NEW_BRANDING_ID } });
    liveStyle([liveAsset('FAVICON_ICO', 'LIGHT')]);

    // WHEN
    const result = await instantHandler(createEvent(TYPE, customProps()), context());

    // THEN the existing style is found by client, deleted, and the declared one created
    expect(cognitoOperations()).toEqual([
      'CreateManagedLoginBranding',
      'DescribeManagedLoginBrandingByClient',
      'DeleteManagedLoginBranding',
      'CreateManagedLoginBranding',
    ]);
    expect(inputsOf<DeleteManagedLoginBrandingRequest>(DeleteManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID },
    ]);
    expect(result.PhysicalResourceId).toBe(NEW_BRANDING_ID);
  });

  test('a Cognito refusal fails with the operation, error name and message verbatim', async () => {
    // GIVEN
    cognito.on(CreateManagedLoginBrandingCommand).rejects(new InvalidParameterException({
      message: 'Invalid settings provided. Validation errors: [{property: $.components.pageBackground.color, errorType: UnknownProperty}]',
      $metadata: { httpStatusCode: 400 },
    }));

    // WHEN / THEN
    await expect(instantHandler(createEvent(TYPE, customProps()), context())).rejects.toThrow(
      'CreateManagedLoginBranding failed: InvalidParameterException: Invalid settings provided. Validation errors: [{property: $.components.pageBackground.color, errorType: UnknownProperty}]',
    );
    expect(cognito.commandCalls(CreateManagedLoginBrandingCommand)).toHaveLength(1);
  });

  test('settings that are not a JSON object fail before any Cognito call', async () => {
    // GIVEN a settings file holding an array
    const event = createEvent(TYPE, { ...customProps(), Settings: stageFile('array.json', '[1, 2]') });

    // WHEN / THEN
    await expect(instantHandler(event, context())).rejects.toThrow(`s3://${settingsRef.Bucket}/array.json must hold a JSON object, found an array`);
    expect(cognito.calls()).toHaveLength(0);
  });

  test('settings that are not JSON fail naming the file, not quoting it', async () => {
    // GIVEN
    const event = createEvent(TYPE, { ...customProps(), Settings: stageFile('broken.json', '{"components": SECRET-LOOKING-TEXT') });

    // WHEN
    const outcome = instantHandler(event, context());

    // THEN
    await expect(outcome).rejects.toThrow(`s3://${settingsRef.Bucket}/broken.json is not valid JSON (34 characters)`);
    await expect(outcome).rejects.not.toThrow('SECRET-LOOKING-TEXT');
    expect(writeCalls()).toBe(0);
  });

  test('a missing S3 object fails naming the object', async () => {
    // GIVEN
    const event = createEvent(TYPE, customProps([{ ...logo, Key: 'gone.png' }]));
    s3.on(GetObjectCommand, { Key: 'gone.png' }).rejects(Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } }));

    // WHEN / THEN
    await expect(instantHandler(event, context())).rejects.toThrow(`GetObject s3://${logo.Bucket}/gone.png failed: NoSuchKey: The specified key does not exist.`);
    expect(writeCalls()).toBe(0);
  });

  test('Cognito-provided values together with settings are refused', async () => {
    // GIVEN
    const event = createEvent(TYPE, { ...customProps(), UseCognitoProvidedValues: 'true' });

    // WHEN / THEN
    await expect(instantHandler(event, context())).rejects.toThrow("UseCognitoProvidedValues 'true' cannot be combined with Settings or Assets");
    expect(cognito.calls()).toHaveLength(0);
  });

  test('a missing ClientId is refused naming the property', async () => {
    // GIVEN
    const event = createEvent(TYPE, { UserPoolId: POOL, UseCognitoProvidedValues: 'true' });

    // WHEN / THEN
    await expect(instantHandler(event, context())).rejects.toThrow(`${TYPE}: property ClientId is required`);
  });
});

describe('Update', () => {
  test('with nothing changed makes no call at all', async () => {
    // GIVEN the same properties, only the provider address differs
    const event = updateEvent(TYPE, BRANDING_ID, customProps(), customProps());
    event.ResourceProperties.ServiceToken = 'arn:aws:lambda:eu-west-1:111111111111:function:newer';

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(cognito.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
    expect(writeCalls()).toBe(0);
    expect(result).toEqual({ PhysicalResourceId: BRANDING_ID, Data: { ManagedLoginBrandingId: BRANDING_ID } });
  });

  test('to another client creates that client\'s style and leaves the old one to the Delete', async () => {
    // GIVEN
    const event = updateEvent(TYPE, BRANDING_ID, customProps(undefined, OTHER_CLIENT), customProps());

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand).map((i) => i.ClientId)).toEqual([OTHER_CLIENT]);
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe(NEW_BRANDING_ID);
  });

  test('with a new file hash and the same asset slots patches the style in place with everything declared', async () => {
    // GIVEN the logo file changed; the live style holds exactly the declared slots
    const newLogo = { ...stageFile('logo-v2.png', imageBytes('LOGO-V2')), Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' };
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT'), liveAsset('PAGE_BACKGROUND', 'DARK')]);
    const event = updateEvent(TYPE, BRANDING_ID, customProps([newLogo, background]), customProps());

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    const updates = inputsOf<UpdateManagedLoginBrandingRequest>(UpdateManagedLoginBrandingCommand);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID, Settings: SETTINGS });
    expect(updates[0].Assets!.map((a) => Buffer.from(a.Bytes!).toString('latin1'))).toEqual([
      Buffer.from(imageBytes('LOGO-V2')).toString('latin1'),
      Buffer.from(BACKGROUND).toString('latin1'),
    ]);
    expect(cognito.commandCalls(CreateManagedLoginBrandingCommand)).toHaveLength(0);
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe(BRANDING_ID);
  });

  test('that drops an asset deletes and recreates the style, since an update cannot remove one', async () => {
    // GIVEN the background is no longer declared
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT'), liveAsset('PAGE_BACKGROUND', 'DARK')]);
    const event = updateEvent(TYPE, BRANDING_ID, customProps([logo]), customProps());

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding']);
    expect(inputsOf<DeleteManagedLoginBrandingRequest>(DeleteManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ManagedLoginBrandingId: BRANDING_ID },
    ]);
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand)[0].Assets!.map((a) => a.Category)).toEqual(['FORM_LOGO']);
    expect(result).toEqual({ PhysicalResourceId: NEW_BRANDING_ID, Data: { ManagedLoginBrandingId: NEW_BRANDING_ID } });
  });

  test('that drops an asset the old properties declared recreates the style even if the live style does not list it', async () => {
    // GIVEN Describe lists only the logo, but the old declaration had the background too
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT')]);
    const event = updateEvent(TYPE, BRANDING_ID, customProps([logo]), customProps());

    // WHEN
    await instantHandler(event, context());

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding']);
  });

  test('that moves an asset to another color mode recreates the style', async () => {
    // GIVEN the logo moves from LIGHT to DARK: the (FORM_LOGO, LIGHT) slot is lost
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT'), liveAsset('PAGE_BACKGROUND', 'DARK')]);
    const event = updateEvent(TYPE, BRANDING_ID, customProps([{ ...logo, ColorMode: 'DARK' }, background]), customProps());

    // WHEN
    await instantHandler(event, context());

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(1);
    expect(cognito.commandCalls(UpdateManagedLoginBrandingCommand)).toHaveLength(0);
  });

  test('from custom settings to Cognito-provided values recreates the style with the flag alone', async () => {
    // GIVEN
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT')]);
    const event = updateEvent(TYPE, BRANDING_ID, defaultsProps(), customProps());

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding']);
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: true },
    ]);
    expect(result.PhysicalResourceId).toBe(NEW_BRANDING_ID);
  });

  test('from Cognito-provided values to custom settings recreates the style', async () => {
    // GIVEN
    liveStyle([], { UseCognitoProvidedValues: true, Settings: undefined });
    const event = updateEvent(TYPE, BRANDING_ID, customProps(), defaultsProps());

    // WHEN
    await instantHandler(event, context());

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding']);
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand)[0].Settings).toEqual(SETTINGS);
  });

  test('recreates the style when the live one holds an asset added outside CloudFormation', async () => {
    // GIVEN a favicon added in the console; the declaration only changed a file hash
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT'), liveAsset('PAGE_BACKGROUND', 'DARK'), liveAsset('FAVICON_ICO', 'DYNAMIC')]);
    const changedSettings = stageFile('settings-v2.json', JSON.stringify({ ...SETTINGS, categories: {} }));
    const event = updateEvent(TYPE, BRANDING_ID, { ...customProps(), Settings: changedSettings }, customProps());

    // WHEN
    await instantHandler(event, context());

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(1);
    expect(cognito.commandCalls(CreateManagedLoginBrandingCommand)).toHaveLength(1);
    expect(cognito.commandCalls(UpdateManagedLoginBrandingCommand)).toHaveLength(0);
  });

  test('recreates the style when settings are no longer declared', async () => {
    // GIVEN only assets remain
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT'), liveAsset('PAGE_BACKGROUND', 'DARK')]);
    const { Settings: _dropped, ...assetsOnly } = customProps();
    const event = updateEvent(TYPE, BRANDING_ID, assetsOnly, customProps());

    // WHEN
    await instantHandler(event, context());

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(1);
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand)[0].Settings).toBeUndefined();
  });

  test('with old properties that no longer parse converges from the live style alone', async () => {
    // GIVEN old properties an earlier version wrote in another shape
    liveStyle([liveAsset('FORM_LOGO', 'LIGHT'), liveAsset('PAGE_BACKGROUND', 'DARK')]);
    const event = updateEvent(TYPE, BRANDING_ID, customProps(), { ...customProps(), UseCognitoProvidedValues: 'no', Assets: 'logo.png' });

    // WHEN
    const result = await instantHandler(event, context());

    // THEN the live style already has every declared slot: patched in place
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding']);
    expect(result.PhysicalResourceId).toBe(BRANDING_ID);
  });

  test('creates the style again when it was deleted outside CloudFormation', async () => {
    // GIVEN
    cognito.on(DescribeManagedLoginBrandingByClientCommand).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: { httpStatusCode: 400 } }));
    const event = updateEvent(TYPE, BRANDING_ID, customProps([logo]), customProps());

    // WHEN
    const result = await instantHandler(event, context());

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'CreateManagedLoginBranding']);
    expect(result.PhysicalResourceId).toBe(NEW_BRANDING_ID);
  });
});

describe('Delete', () => {
  test('deletes the style named by the physical id', async () => {
    // GIVEN
    cognito.on(DeleteManagedLoginBrandingCommand).resolves({});

    // WHEN
    const result = await instantHandler(deleteEvent(TYPE, BRANDING_ID, customProps()), context());

    // THEN
    expect(inputsOf<DeleteManagedLoginBrandingRequest>(DeleteManagedLoginBrandingCommand)).toEqual([
      { ManagedLoginBrandingId: BRANDING_ID, UserPoolId: POOL },
    ]);
    expect(s3.calls()).toHaveLength(0);
    expect(result).toEqual({ PhysicalResourceId: BRANDING_ID });
  });

  test('succeeds when the style or its pool is already gone', async () => {
    // GIVEN
    cognito.on(DeleteManagedLoginBrandingCommand).rejects(new ResourceNotFoundException({ message: 'User pool does not exist.', $metadata: { httpStatusCode: 400 } }));

    // WHEN
    const result = await instantHandler(deleteEvent(TYPE, BRANDING_ID, customProps()), context());

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(1);
    expect(result).toEqual({ PhysicalResourceId: BRANDING_ID });
  });

  test('fails on any other Cognito error', async () => {
    // GIVEN
    cognito.on(DeleteManagedLoginBrandingCommand).rejects(Object.assign(new Error('User is not authorized'), { name: 'NotAuthorizedException', $metadata: { httpStatusCode: 400 } }));

    // WHEN / THEN
    await expect(instantHandler(deleteEvent(TYPE, BRANDING_ID, customProps()), context()))
      .rejects.toThrow('DeleteManagedLoginBranding failed: NotAuthorizedException: User is not authorized');
  });

  test('of a physical id that is no branding id succeeds without calls', async () => {
    // WHEN
    const result = await instantHandler(deleteEvent(TYPE, 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED', customProps()), context());

    // THEN
    expect(cognito.calls()).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe('AWSCDK::CustomResourceProviderFramework::CREATE_FAILED');
  });
});
