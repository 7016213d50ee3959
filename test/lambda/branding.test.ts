import {
  CreateManagedLoginBrandingCommand,
  CreateManagedLoginBrandingRequest,
  DeleteManagedLoginBrandingCommand,
  InvalidParameterException,
  UpdateManagedLoginBrandingCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import {
  captureConsole, CLIENT, cognito, cognitoOperations, context, createEvent, deleteEvent, FakeBranding, fakeParameters, imageBytes,
  inputsOf, instantHandler, OTHER_CLIENT, POOL, resetMocks, s3, ssm, ssmOperations, STACK_ID, stageFile, updateEvent, writeCalls,
} from './helpers';
import { decodeClaim } from '../../lambda/shared/claim-record';
import { HandlerResult } from '../../lambda/shared/result';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';
import { claimParameterName } from '../../src/private/custom-resource-contract';

captureConsole();

const TYPE = MANAGED_LOGIN_BRANDING_TYPE;
const SETTINGS = { components: { primaryButton: { lightMode: { defaults: { backgroundColor: '0972d3ff' } } } } };
const LOGO = imageBytes('FORM-LOGO');
const BACKGROUND = imageBytes('PAGE-BACKGROUND');
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const CLAIM = claimParameterName(POOL, 'branding', CLIENT);
const OWNER = `${STACK_ID}|Resource`;

/** The claim's owner and previous owners, oldest last. */
function owners(name = CLAIM): { owner: string; previous: string[] } | undefined {
  const claim = decodeClaim(parameters.get(name));
  return claim && { owner: claim.owner, previous: claim.previous.map((p) => p.owner) };
}

let settingsRef: ReturnType<typeof stageFile>;
let logo: Record<string, string>;
let background: Record<string, string>;
let fake: FakeBranding;
let parameters: Map<string, string>;

beforeEach(() => {
  resetMocks();
  settingsRef = stageFile('settings.json', JSON.stringify(SETTINGS));
  logo = { ...stageFile('logo.png', LOGO), Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' };
  background = { ...stageFile('background.png', BACKGROUND), Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'PNG' };
  fake = new FakeBranding();
  parameters = fakeParameters();
});

function customProps(assets: object[] = [logo, background], clientId = CLIENT) {
  return { UserPoolId: POOL, ClientId: clientId, UseCognitoProvidedValues: 'false', Settings: settingsRef, Assets: assets };
}

function defaultsProps(clientId = CLIENT) {
  return { UserPoolId: POOL, ClientId: clientId, UseCognitoProvidedValues: 'true' };
}

/** What the fake Cognito should hold for the declared logo and background. */
const BOTH = { 'FORM_LOGO/LIGHT': latin1(LOGO), 'PAGE_BACKGROUND/DARK': latin1(BACKGROUND) };

function run(event: CloudFormationCustomResourceEvent): Promise<HandlerResult> {
  return instantHandler(event, context());
}

function resetHistory() {
  cognito.resetHistory();
  ssm.resetHistory();
  s3.resetHistory();
}

describe('Create', () => {
  test('with Cognito-provided values sends the flag alone, claims the client and returns the new id', async () => {
    // WHEN
    const result = await run(createEvent(TYPE, defaultsProps()));

    // THEN
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand)).toEqual([
      { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: true },
    ]);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
    const id = fake.styles.get(CLIENT)!.id;
    expect(result).toEqual({ PhysicalResourceId: id, Data: { ManagedLoginBrandingId: id } });
    expect(owners()).toEqual({ owner: OWNER, previous: [] });
  });

  test('with settings and assets sends the parsed settings and the raw file bytes in one request', async () => {
    // GIVEN a custom style with two assets, one with a ResourceId
    const event = createEvent(TYPE, customProps([logo, { ...background, ResourceId: 'bg-1' }]));

    // WHEN
    await run(event);

    // THEN the settings are the JSON object, not its text, and the bytes are raw (the SDK base64-encodes them)
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'CreateManagedLoginBranding']);
    const [input] = inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand);
    expect(input.Settings).toEqual(SETTINGS);
    expect(input.UseCognitoProvidedValues).toBeUndefined();
    expect(input.Assets![0].Bytes).toBeInstanceOf(Uint8Array);
    expect(fake.look(CLIENT)).toEqual({
      settings: SETTINGS,
      useCognitoProvidedValues: false,
      assets: { 'FORM_LOGO/LIGHT': latin1(LOGO), 'PAGE_BACKGROUND/DARK/bg-1': latin1(BACKGROUND) },
    });
  });

  test('takes over a style the client already has: validates the declaration on it, then replaces it', async () => {
    // GIVEN a style made in the console, with a favicon the declaration does not have
    const console = fake.put(CLIENT, { categories: {} }, { 'FAVICON_ICO/LIGHT': 'icon' });

    // WHEN
    const result = await run(createEvent(TYPE, customProps()));

    // THEN
    expect(cognitoOperations()).toEqual([
      'DescribeManagedLoginBrandingByClient', // what a failure would put back
      'DescribeManagedLoginBrandingByClient',
      'UpdateManagedLoginBranding', // Cognito accepts the declared content before anything is deleted
      'DeleteManagedLoginBranding', // the favicon cannot be patched away
      'CreateManagedLoginBranding',
    ]);
    expect(fake.look(CLIENT)).toEqual({ settings: SETTINGS, useCognitoProvidedValues: false, assets: BOTH });
    expect(result.PhysicalResourceId).not.toBe(console.id);
    expect(result.PhysicalResourceId).toBe(fake.styles.get(CLIENT)!.id);
  });

  test('takes over a style that holds nothing beyond the declaration by patching it, keeping its id', async () => {
    // GIVEN
    const existing = fake.put(CLIENT, { categories: {} }, { 'FORM_LOGO/LIGHT': 'old' });

    // WHEN
    const result = await run(createEvent(TYPE, customProps()));

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding']);
    expect(result.PhysicalResourceId).toBe(existing.id);
    expect(fake.look(CLIENT)!.assets).toEqual(BOTH);
  });

  test('defect 5: a Settings document Cognito refuses during a take-over deletes nothing; the console style stays intact', async () => {
    // GIVEN a console style, and declared settings Cognito refuses
    const console = fake.put(CLIENT, { categories: {} }, { 'FAVICON_ICO/LIGHT': 'icon' });
    fake.refuseSettings = (settings) => JSON.stringify(settings) === JSON.stringify(SETTINGS);

    // WHEN / THEN the deployment fails with Cognito's words
    await expect(run(createEvent(TYPE, customProps()))).rejects.toThrow(
      'UpdateManagedLoginBranding failed: InvalidParameterException: Invalid settings provided.',
    );
    expect(cognitoOperations()).toEqual([
      'DescribeManagedLoginBrandingByClient', 'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding',
      'DescribeManagedLoginBrandingByClient', // the undo finds the console style intact and leaves it
    ]);
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(0);
    expect(fake.styles.get(CLIENT)).toBe(console);
    expect(fake.look(CLIENT)).toEqual({ settings: { categories: {} }, useCognitoProvidedValues: false, assets: { 'FAVICON_ICO/LIGHT': 'icon' } });
    expect(parameters.size).toBe(0);
  });

  test('defect 3: a style over 2 MB as sent is split under the limit, so two 1,000,000-byte assets deploy', async () => {
    // GIVEN two assets at the per-asset maximum: 2.67 MB as base64 in one body
    const big = (marker: string) => { const b = new Uint8Array(1_000_000).fill(7); b.set(Buffer.from(marker)); return b; };
    const one = { ...stageFile('one.png', big('ONE')), Category: 'PAGE_BACKGROUND', ColorMode: 'LIGHT', Extension: 'PNG' };
    const two = { ...stageFile('two.png', big('TWO')), Category: 'PAGE_BACKGROUND', ColorMode: 'DARK', Extension: 'PNG' };

    // WHEN
    await run(createEvent(TYPE, customProps([one, two])));

    // THEN a create with the settings and the first asset, then an update adding the second, each under 2,000,000 bytes
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'CreateManagedLoginBranding', 'UpdateManagedLoginBranding']);
    expect(fake.requestSizes.every((size) => size <= 2_000_000)).toBe(true);
    expect(fake.requestSizes.reduce((a, b) => a + b)).toBeGreaterThan(2_000_000);
    expect(Object.keys(fake.look(CLIENT)!.assets)).toEqual(['PAGE_BACKGROUND/DARK', 'PAGE_BACKGROUND/LIGHT']);
    expect(fake.look(CLIENT)!.assets['PAGE_BACKGROUND/DARK']).toBe(latin1(big('TWO')));
  });

  test('defect 3: forty assets of 1,000,000 bytes, the most the asset limits allow, deploy', async () => {
    // GIVEN
    const categories = ['PAGE_BACKGROUND', 'FORM_LOGO', 'PAGE_HEADER_LOGO', 'PAGE_FOOTER_LOGO', 'FORM_BACKGROUND'];
    const shared = stageFile('max.png', new Uint8Array(1_000_000).fill(9));
    const assets = Array.from({ length: 40 }, (_, i) => ({
      ...shared, Category: categories[i % 5], ColorMode: 'LIGHT', Extension: 'PNG', ResourceId: `r${i}`,
    }));

    // WHEN
    await run(createEvent(TYPE, customProps(assets)));

    // THEN one asset per request (two would pass 2,000,000 bytes), all within the limit
    expect(cognito.commandCalls(CreateManagedLoginBrandingCommand)).toHaveLength(1);
    expect(cognito.commandCalls(UpdateManagedLoginBrandingCommand)).toHaveLength(39);
    expect(Math.max(...fake.requestSizes)).toBeLessThanOrEqual(2_000_000);
    expect(fake.styles.get(CLIENT)!.assets.size).toBe(40);
  });

  test('a Cognito refusal fails with the operation, error name and message verbatim', async () => {
    // GIVEN
    cognito.on(CreateManagedLoginBrandingCommand).rejects(new InvalidParameterException({
      message: 'Invalid settings provided. Validation errors: [{property: $.components.pageBackground.color, errorType: UnknownProperty}]',
      $metadata: { httpStatusCode: 400 },
    }));

    // WHEN / THEN
    await expect(run(createEvent(TYPE, customProps()))).rejects.toThrow(
      'CreateManagedLoginBranding failed: InvalidParameterException: Invalid settings provided. Validation errors: [{property: $.components.pageBackground.color, errorType: UnknownProperty}]',
    );
    expect(cognito.commandCalls(CreateManagedLoginBrandingCommand)).toHaveLength(1);
  });

  test('settings that are not a JSON object fail before any Cognito call', async () => {
    // GIVEN a settings file holding an array
    const event = createEvent(TYPE, { ...customProps(), Settings: stageFile('array.json', '[1, 2]') });

    // WHEN / THEN
    await expect(run(event)).rejects.toThrow(`s3://${settingsRef.Bucket}/array.json must hold a JSON object, found an array`);
    expect(cognito.calls()).toHaveLength(0);
  });

  test('settings that are not JSON fail naming the file, not quoting it', async () => {
    // GIVEN
    const event = createEvent(TYPE, { ...customProps(), Settings: stageFile('broken.json', '{"components": SECRET-LOOKING-TEXT') });

    // WHEN
    const outcome = run(event);

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
    await expect(run(event)).rejects.toThrow(`GetObject s3://${logo.Bucket}/gone.png failed: NoSuchKey: The specified key does not exist.`);
    expect(writeCalls()).toBe(0);
  });
});

describe('defect 7: the contract is parsed strictly, before any call', () => {
  test.each([
    ['an unknown property', () => ({ ...customProps(), Colour: 'red' }), 'unknown property Colour'],
    ['custom mode without Settings', () => ({ UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: 'false', Assets: [logo] }), "UseCognitoProvidedValues 'false' needs Settings"],
    ['Cognito-provided values with Settings', () => ({ ...customProps([]), UseCognitoProvidedValues: 'true' }), "UseCognitoProvidedValues 'true' cannot be combined with Settings or Assets"],
    ['Cognito-provided values with Assets', () => ({ ...defaultsProps(), Assets: [logo] }), "UseCognitoProvidedValues 'true' cannot be combined with Settings or Assets"],
    ['no UseCognitoProvidedValues', () => ({ UserPoolId: POOL, ClientId: CLIENT, Settings: settingsRef }), 'property UseCognitoProvidedValues is required'],
    ['a flag that is no boolean', () => ({ ...customProps(), UseCognitoProvidedValues: 'yes' }), 'property UseCognitoProvidedValues must be one of true, false, got "yes"'],
    ['a file reference without a Key', () => ({ ...customProps(), Settings: { Bucket: 'b', Hash: 'h' } }), `${TYPE} Settings: property Key is required`],
    ['a file reference with an unknown member', () => ({ ...customProps(), Settings: { ...settingsRef, Url: 'x' } }), 'property Settings: unknown property Url'],
    ['two assets in one slot', () => customProps([logo, { ...logo }]), 'property Assets[1] repeats the slot FORM_LOGO/LIGHT of Assets[0]'],
    ['an unknown category', () => customProps([{ ...logo, Category: 'BANNER' }]), 'property Category must be one of FAVICON_ICO'],
    ['an unknown extension', () => customProps([{ ...logo, Extension: 'GIF' }]), 'property Extension must be one of ICO, JPEG, PNG, SVG, WEBP, got "GIF"'],
    ['a ResourceId outside Cognito\'s pattern', () => customProps([{ ...logo, ResourceId: 'a/b' }]), 'property ResourceId must be 1 to 40'],
    ['Assets that are no list', () => ({ ...customProps(), Assets: 'logo.png' }), 'property Assets must be a list, got "logo.png"'],
    ['a missing ClientId', () => ({ UserPoolId: POOL, UseCognitoProvidedValues: 'true' }), `${TYPE}: property ClientId is required`],
    ['a UserPoolId that is no pool id', () => ({ ...defaultsProps(), UserPoolId: 'my pool' }), 'property UserPoolId must be a user pool id like eu-west-1_AbCdEf123, got "my pool"'],
  ])('%s is refused naming it', async (_name, properties, message) => {
    // WHEN / THEN, on Create and on Update alike
    await expect(run(createEvent(TYPE, properties()))).rejects.toThrow(message);
    await expect(run(updateEvent(TYPE, 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21', properties(), customProps()))).rejects.toThrow(message);
    expect(cognito.calls()).toHaveLength(0);
    expect(ssm.calls()).toHaveLength(0);
  });
});

describe('Update', () => {
  /** Creates the declared style and returns its physical id, with the call history cleared. */
  async function deployed(properties: Record<string, unknown> = customProps()): Promise<string> {
    const { PhysicalResourceId } = await run(createEvent(TYPE, properties));
    resetHistory();
    return PhysicalResourceId;
  }

  test('with nothing changed writes nothing: one read for the attribute', async () => {
    // GIVEN the same properties, only the provider address differs
    const id = await deployed();
    const event = updateEvent(TYPE, id, customProps(), customProps());
    event.ResourceProperties.ServiceToken = 'arn:aws:lambda:eu-west-1:111111111111:function:newer';

    // WHEN
    const result = await run(event);

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient']);
    expect(s3.calls()).toHaveLength(0);
    expect(ssm.calls()).toHaveLength(0);
    expect(result).toEqual({ PhysicalResourceId: id, Data: { ManagedLoginBrandingId: id } });
  });

  test('with one image changed patches the style in place with everything declared', async () => {
    // GIVEN
    const id = await deployed();
    const newLogo = { ...logo, ...stageFile('logo-v2.png', imageBytes('LOGO-V2')) };

    // WHEN
    const result = await run(updateEvent(TYPE, id, customProps([newLogo, background]), customProps()));

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding']);
    // The record keeps what the resource declares now, for a rename's rollback to bring back.
    expect(ssmOperations()).toEqual(['GetParameter', 'PutParameter']);
    expect(fake.look(CLIENT)!.assets).toEqual({ ...BOTH, 'FORM_LOGO/LIGHT': latin1(imageBytes('LOGO-V2')) });
    expect(result).toEqual({ PhysicalResourceId: id, Data: { ManagedLoginBrandingId: id } });
  });

  test('that drops an asset validates, deletes and recreates the style, keeping the physical id', async () => {
    // GIVEN
    const id = await deployed();

    // WHEN the background is no longer declared
    const result = await run(updateEvent(TYPE, id, customProps([logo]), customProps()));

    // THEN
    expect(cognitoOperations()).toEqual([
      'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding',
    ]);
    const liveId = fake.styles.get(CLIENT)!.id;
    expect(liveId).not.toBe(id);
    expect(result).toEqual({ PhysicalResourceId: id, Data: { ManagedLoginBrandingId: liveId } });
    expect(fake.look(CLIENT)!.assets).toEqual({ 'FORM_LOGO/LIGHT': latin1(LOGO) });
  });

  test('defect 2: a rollback after a recreate restores the previous style (an Update back, same physical id)', async () => {
    // GIVEN v1 deployed, then v2 drops the background and recreates the style
    const id = await deployed();
    const v2 = await run(updateEvent(TYPE, id, customProps([logo]), customProps()));

    // WHEN a later resource fails and CloudFormation rolls this one back
    const rolledBack = await run(updateEvent(TYPE, v2.PhysicalResourceId, customProps(), customProps([logo])));

    // THEN the physical id never changed, so the rollback is an Update back, and the client has v1's style
    expect(v2.PhysicalResourceId).toBe(id);
    expect(rolledBack.PhysicalResourceId).toBe(id);
    expect(fake.look(CLIENT)).toEqual({ settings: SETTINGS, useCognitoProvidedValues: false, assets: BOTH });
  });

  test('defect 5: a Settings document Cognito refuses during an update that recreates deletes nothing', async () => {
    // GIVEN
    const id = await deployed();
    const before = fake.look(CLIENT);
    const refused = { categories: { refused: true } };
    fake.refuseSettings = (settings) => JSON.stringify(settings) === JSON.stringify(refused);
    const event = updateEvent(TYPE, id, { ...customProps([logo]), Settings: stageFile('refused.json', JSON.stringify(refused)) }, customProps());

    // WHEN / THEN
    await expect(run(event)).rejects.toThrow('UpdateManagedLoginBranding failed: InvalidParameterException: Invalid settings provided.');
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(0);
    expect(fake.styles.get(CLIENT)!.id).toBe(id);
    expect(fake.look(CLIENT)).toEqual(before);
  });

  test('defect 4: a recreate whose create response is lost finds the style it made and finishes', async () => {
    // GIVEN Cognito applies the next create but its response is lost (a 500)
    const id = await deployed();
    fake.loseNextResponse.add('CreateManagedLoginBranding');

    // WHEN the background is dropped (a recreate)
    const result = await run(updateEvent(TYPE, id, customProps([logo]), customProps()));

    // THEN the retried create meets the style the first one made, and the handler converges on it
    expect(cognitoOperations()).toEqual([
      'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding', 'DeleteManagedLoginBranding',
      'CreateManagedLoginBranding', 'CreateManagedLoginBranding', // lost response, then the retry: ManagedLoginBrandingExists
      'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding',
    ]);
    const liveId = fake.styles.get(CLIENT)!.id;
    expect(result).toEqual({ PhysicalResourceId: id, Data: { ManagedLoginBrandingId: liveId } });
    expect(fake.look(CLIENT)!.assets).toEqual({ 'FORM_LOGO/LIGHT': latin1(LOGO) });
  });

  test('a lost response on the first create of a Create event is taken over as the style it made', async () => {
    // GIVEN
    fake.loseNextResponse.add('CreateManagedLoginBranding');

    // WHEN
    const result = await run(createEvent(TYPE, customProps()));

    // THEN
    expect(cognitoOperations()).toEqual([
      'DescribeManagedLoginBrandingByClient', 'CreateManagedLoginBranding', 'CreateManagedLoginBranding', 'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding',
    ]);
    expect(result.PhysicalResourceId).toBe(fake.styles.get(CLIENT)!.id);
    expect(fake.look(CLIENT)!.assets).toEqual(BOTH);
  });

  test('that moves an asset to another color mode recreates the style', async () => {
    // GIVEN
    const id = await deployed();

    // WHEN the logo moves from LIGHT to DARK: the (FORM_LOGO, LIGHT) slot is lost
    await run(updateEvent(TYPE, id, customProps([{ ...logo, ColorMode: 'DARK' }, background]), customProps()));

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(1);
    expect(Object.keys(fake.look(CLIENT)!.assets)).toEqual(['FORM_LOGO/DARK', 'PAGE_BACKGROUND/DARK']);
  });

  test('that drops an asset the old properties declared recreates the style even if the live style does not list it', async () => {
    // GIVEN Cognito's style lists only the logo, but the old declaration had the background too
    const id = await deployed();
    fake.styles.get(CLIENT)!.assets.delete('PAGE_BACKGROUND/DARK');

    // WHEN
    await run(updateEvent(TYPE, id, customProps([logo]), customProps()));

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(1);
  });

  test('from custom settings to Cognito-provided values recreates the style with the flag alone, without validation', async () => {
    // GIVEN
    const id = await deployed();

    // WHEN
    const result = await run(updateEvent(TYPE, id, defaultsProps(), customProps()));

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding']);
    expect(fake.look(CLIENT)).toEqual({ settings: undefined, useCognitoProvidedValues: true, assets: {} });
    expect(result.PhysicalResourceId).toBe(id);
  });

  test('from Cognito-provided values to custom settings validates, then recreates the style', async () => {
    // GIVEN
    const id = await deployed(defaultsProps());

    // WHEN
    await run(updateEvent(TYPE, id, customProps(), defaultsProps()));

    // THEN
    expect(cognitoOperations()).toEqual([
      'DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding', 'DeleteManagedLoginBranding', 'CreateManagedLoginBranding',
    ]);
    expect(fake.look(CLIENT)).toEqual({ settings: SETTINGS, useCognitoProvidedValues: false, assets: BOTH });
  });

  test('recreates the style when the live one holds an asset added outside CloudFormation', async () => {
    // GIVEN a favicon added in the console; the declaration only changed its settings file
    const id = await deployed();
    fake.styles.get(CLIENT)!.assets.set('FAVICON_ICO/DYNAMIC', 'icon');
    const changed = stageFile('settings-v2.json', JSON.stringify({ ...SETTINGS, categories: {} }));

    // WHEN
    await run(updateEvent(TYPE, id, { ...customProps(), Settings: changed }, customProps()));

    // THEN
    expect(fake.look(CLIENT)!.assets).toEqual(BOTH);
  });

  test('with old properties that no longer parse converges from the live style alone', async () => {
    // GIVEN old properties an earlier version wrote in another shape
    const id = await deployed();

    // WHEN
    const result = await run(updateEvent(TYPE, id, customProps(), { ...customProps(), UseCognitoProvidedValues: 'no', Assets: 'logo.png' }));

    // THEN the live style already has every declared slot: patched in place
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'UpdateManagedLoginBranding']);
    expect(result.PhysicalResourceId).toBe(id);
  });

  test('creates the style again when it was deleted outside CloudFormation', async () => {
    // GIVEN
    const id = await deployed();
    fake.styles.clear();

    // WHEN
    const result = await run(updateEvent(TYPE, id, customProps([logo]), customProps()));

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'CreateManagedLoginBranding']);
    expect(result.PhysicalResourceId).toBe(id);
  });

  test('to another client creates that client\'s style with a new physical id; the old one is left to the Delete', async () => {
    // GIVEN
    const id = await deployed();

    // WHEN
    const result = await run(updateEvent(TYPE, id, customProps(undefined, OTHER_CLIENT), customProps()));

    // THEN
    expect(inputsOf<CreateManagedLoginBrandingRequest>(CreateManagedLoginBrandingCommand).map((i) => i.ClientId)).toEqual([OTHER_CLIENT]);
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe(fake.styles.get(OTHER_CLIENT)!.id);
    expect(result.PhysicalResourceId).not.toBe(id);
  });
});

describe('Delete', () => {
  test('removes the client\'s live style, found by client even after a recreate, and its claim', async () => {
    // GIVEN a style recreated once (live id differs from the physical id)
    const { PhysicalResourceId: id } = await run(createEvent(TYPE, customProps()));
    await run(updateEvent(TYPE, id, customProps([logo]), customProps()));
    resetHistory();

    // WHEN
    const result = await run(deleteEvent(TYPE, id, customProps([logo])));

    // THEN
    expect(cognitoOperations()).toEqual(['DescribeManagedLoginBrandingByClient', 'DeleteManagedLoginBranding']);
    expect(fake.styles.size).toBe(0);
    expect(parameters.size).toBe(0);
    expect(s3.calls()).toHaveLength(0);
    expect(result).toEqual({ PhysicalResourceId: id });
  });

  test('of a resource deployed before claims deletes the style only when it is the one its physical id names', async () => {
    // GIVEN no claim; the client's style is someone else's
    const other = fake.put(CLIENT, SETTINGS);

    // WHEN
    await run(deleteEvent(TYPE, 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21', customProps()));
    await run(deleteEvent(TYPE, other.id, customProps()));

    // THEN the first left it, the second (its own) deleted it
    expect(inputsOf(DeleteManagedLoginBrandingCommand)).toEqual([{ UserPoolId: POOL, ManagedLoginBrandingId: other.id }]);
    expect(fake.styles.size).toBe(0);
  });

  test('a renamed construct: the old resource\'s clean-up Delete leaves the style the new one set', async () => {
    // GIVEN Old deployed; the rename creates New, which takes the client over
    const old = { logicalId: 'OldBranding' };
    const renamed = { logicalId: 'NewBranding' };
    const { PhysicalResourceId: oldId } = await run(createEvent(TYPE, customProps(), old));
    await run(createEvent(TYPE, customProps([logo]), renamed));
    expect(owners()).toEqual({ owner: `${STACK_ID}|NewBranding`, previous: [`${STACK_ID}|OldBranding`] });

    // WHEN clean-up deletes Old
    await run(deleteEvent(TYPE, oldId, customProps(), old));

    // THEN New's style stays, and New owns the client alone
    expect(fake.look(CLIENT)!.assets).toEqual({ 'FORM_LOGO/LIGHT': latin1(LOGO) });
    expect(owners()).toEqual({ owner: `${STACK_ID}|NewBranding`, previous: [] });
  });

  test('the rollback of a rename deletes the new resource but leaves the style to the old one, whose Delete later removes it', async () => {
    // GIVEN Old deployed; the rename creates New (same content), then the stack update fails
    const old = { logicalId: 'OldBranding' };
    const renamed = { logicalId: 'NewBranding' };
    const { PhysicalResourceId: oldId } = await run(createEvent(TYPE, customProps(), old));
    const { PhysicalResourceId: newId } = await run(createEvent(TYPE, customProps(), renamed));

    // WHEN rollback deletes New
    await run(deleteEvent(TYPE, newId, customProps(), renamed));

    // THEN the client keeps its style, claimed by Old again
    expect(fake.look(CLIENT)).toEqual({ settings: SETTINGS, useCognitoProvidedValues: false, assets: BOTH });
    expect(owners()).toEqual({ owner: `${STACK_ID}|OldBranding`, previous: [] });

    // AND deleting the stack later removes it
    await run(deleteEvent(TYPE, oldId, customProps(), old));
    expect(fake.styles.size).toBe(0);
    expect(parameters.size).toBe(0);
  });

  test('succeeds when the style or its pool is already gone', async () => {
    // GIVEN a claim, no style
    parameters.set(CLAIM, JSON.stringify({ owner: OWNER }));

    // WHEN
    const result = await run(deleteEvent(TYPE, 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21', customProps()));

    // THEN
    expect(cognito.commandCalls(DeleteManagedLoginBrandingCommand)).toHaveLength(0);
    expect(parameters.size).toBe(0);
    expect(result).toEqual({ PhysicalResourceId: 'd7e2a9c4-0b1e-4f3a-9d8c-2f6b5a4e3c21' });
  });

  test('fails on any other Cognito error, keeping the claim for CloudFormation\'s retry', async () => {
    // GIVEN
    const { PhysicalResourceId: id } = await run(createEvent(TYPE, customProps()));
    cognito.on(DeleteManagedLoginBrandingCommand).rejects(Object.assign(new Error('User is not authorized'), { name: 'NotAuthorizedException', $metadata: { httpStatusCode: 400 } }));

    // WHEN / THEN
    await expect(run(deleteEvent(TYPE, id, customProps()))).rejects.toThrow('DeleteManagedLoginBranding failed: NotAuthorizedException: User is not authorized');
    expect(parameters.has(CLAIM)).toBe(true);
  });

  test('of properties that name no client succeeds without calls', async () => {
    // WHEN
    const result = await run(deleteEvent(TYPE, 'AWSCDK::CustomResourceProviderFramework::MISSING_PHYSICAL_ID', {}));

    // THEN
    expect(cognito.calls()).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe('AWSCDK::CustomResourceProviderFramework::MISSING_PHYSICAL_ID');
  });
});
