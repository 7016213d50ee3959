import {
  CreateManagedLoginBrandingCommand, DeleteManagedLoginBrandingCommand, DescribeManagedLoginBrandingByClientCommand,
  DescribeManagedLoginBrandingCommand, ManagedLoginBrandingExistsException, ResourceNotFoundException, UpdateManagedLoginBrandingCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { rejectionOf, standInFixture } from './standin-fixture';
import { ico, png } from '../sample-images';
import COGNITO_DEFAULT_SETTINGS from '../services/cognito-default-settings.json';

/** Managed login branding semantics the model does not carry (each with its source in standin/README.md). */
const f = standInFixture();

const SETTINGS = { components: { pageHeader: { logo: { enabled: true } } } };
const logo = (seed = 1) => ({ Category: 'PAGE_HEADER_LOGO' as const, ColorMode: 'LIGHT' as const, Extension: 'PNG' as const, Bytes: png(256, seed) });

function create(input: Partial<ConstructorParameters<typeof CreateManagedLoginBrandingCommand>[0]> = {}) {
  return f.clients.cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId: f.poolId, ClientId: f.clientId, Settings: SETTINGS, ...input }));
}

function style() {
  return f.standIn.snapshot().pools[f.poolId].styles[f.clientId];
}

test('ids look like Cognito\'s: pool region_alphanumerics, client 26 lowercase alphanumerics, branding a v4 UUID', async () => {
  // WHEN
  const response = await create();

  // THEN
  expect(f.poolId).toMatch(/^us-east-1_[0-9a-zA-Z]{9}$/);
  expect(f.clientId).toMatch(/^[a-z0-9]{26}$/);
  expect(response.ManagedLoginBranding?.ManagedLoginBrandingId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('one style per client: a second Create is ManagedLoginBrandingExistsException', async () => {
  // GIVEN
  await create();

  // WHEN
  const error = await rejectionOf(create());

  // THEN
  expect(error).toBeInstanceOf(ManagedLoginBrandingExistsException);
});

test.each([
  ['neither Settings nor UseCognitoProvidedValues', { Settings: undefined }],
  ['UseCognitoProvidedValues with Settings', { UseCognitoProvidedValues: true }],
  ['UseCognitoProvidedValues with Assets', { Settings: undefined, UseCognitoProvidedValues: true, Assets: [logo()] }],
])('Create refuses %s', async (_why, input) => {
  // WHEN
  const error = await rejectionOf(create(input));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(style()).toBeUndefined();
});

test('asset bytes must be what the extension says (bytes base64-encoded twice arrive as text)', async () => {
  // WHEN
  const error = await rejectionOf(create({ Assets: [{ ...logo(), Bytes: Buffer.from(png().toString('base64')) }] }));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
});

test('Update is a patch: a new slot is added, an existing slot replaced, omitted members kept, given Settings replace', async () => {
  // GIVEN a style with settings, a light header logo and a favicon
  const favicon = { Category: 'FAVICON_ICO' as const, ColorMode: 'DYNAMIC' as const, Extension: 'ICO' as const, Bytes: ico() };
  const id = (await create({ Assets: [logo(1), favicon] })).ManagedLoginBranding!.ManagedLoginBrandingId!;
  const before = style();

  // WHEN a new logo for the same slot and a dark logo, no Settings
  await f.clients.cognito.send(new UpdateManagedLoginBrandingCommand({
    UserPoolId: f.poolId, ManagedLoginBrandingId: id, Assets: [logo(2), { ...logo(3), ColorMode: 'DARK' }],
  }));
  const patched = style();
  // ...then Settings alone
  await f.clients.cognito.send(new UpdateManagedLoginBrandingCommand({
    UserPoolId: f.poolId, ManagedLoginBrandingId: id, Settings: { categories: {} },
  }));

  // THEN
  expect(Object.keys(patched.assets).sort()).toEqual(['FAVICON_ICO/DYNAMIC', 'PAGE_HEADER_LOGO/DARK', 'PAGE_HEADER_LOGO/LIGHT']);
  expect(patched.assets['PAGE_HEADER_LOGO/LIGHT'].sha256).not.toBe(before.assets['PAGE_HEADER_LOGO/LIGHT'].sha256);
  expect(patched.assets['FAVICON_ICO/DYNAMIC']).toEqual(before.assets['FAVICON_ICO/DYNAMIC']);
  expect(patched.settings).toEqual(SETTINGS);
  expect(style().settings).toEqual({ categories: {} });
  expect(Object.keys(style().assets)).toHaveLength(3);
});

test('Describe omits unset Settings and always returns Assets; merged returns Cognito\'s default document', async () => {
  // GIVEN a style of Cognito's defaults
  const id = (await create({ Settings: undefined, UseCognitoProvidedValues: true })).ManagedLoginBranding!.ManagedLoginBrandingId!;

  // WHEN
  const plain = await f.clients.cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: f.poolId, ClientId: f.clientId }));
  const merged = await f.clients.cognito.send(new DescribeManagedLoginBrandingCommand({
    UserPoolId: f.poolId, ManagedLoginBrandingId: id, ReturnMergedResources: true,
  }));

  // THEN
  expect(plain.ManagedLoginBranding).not.toHaveProperty('Settings');
  expect(plain.ManagedLoginBranding?.Assets).toEqual([]);
  expect(merged.ManagedLoginBranding?.Settings).toEqual(COGNITO_DEFAULT_SETTINGS);
});

test('merged Settings are the style\'s over the defaults, member by member', async () => {
  // GIVEN
  await create();

  // WHEN
  const merged = await f.clients.cognito.send(new DescribeManagedLoginBrandingByClientCommand({
    UserPoolId: f.poolId, ClientId: f.clientId, ReturnMergedResources: true,
  }));

  // THEN
  const settings = merged.ManagedLoginBranding?.Settings as typeof COGNITO_DEFAULT_SETTINGS;
  expect(settings.components.pageHeader.logo.enabled).toBe(true);
  expect(settings.categories).toEqual(COGNITO_DEFAULT_SETTINGS.categories);
});

test.each([
  ['a client without a style', () => new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: f.poolId, ClientId: f.clientId })],
  ['an unknown pool', () => new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: 'us-east-1_Nope1234', ClientId: f.clientId })],
  ['an unknown client', () => new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: f.poolId, ClientId: 'a'.repeat(26) })],
  ['an unknown branding id (Delete)', () => new DeleteManagedLoginBrandingCommand({ UserPoolId: f.poolId, ManagedLoginBrandingId: '123e4567-e89b-42d3-a456-426614174000' })],
  ['an unknown branding id (Update)', () => new UpdateManagedLoginBrandingCommand({ UserPoolId: f.poolId, ManagedLoginBrandingId: '123e4567-e89b-42d3-a456-426614174000', Settings: {} })],
])('ResourceNotFoundException for %s', async (_why, command) => {
  // WHEN
  const error = await rejectionOf(f.clients.cognito.send(command() as never));

  // THEN
  expect(error).toBeInstanceOf(ResourceNotFoundException);
});

test('a pool needs a domain before a style (InvalidParameterException naming it)', async () => {
  // GIVEN a pool without a domain
  const bare = f.standIn.createUserPool().id;
  const client = f.standIn.createUserPoolClient(bare, 'Web');

  // WHEN
  const error = await rejectionOf(create({ UserPoolId: bare, ClientId: client }));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toContain('domain');
});

test('the 2 MB limit is measured on the body as sent: 1.5 MB of raw bytes is over it in base64', async () => {
  // GIVEN two backgrounds of 750,000 bytes each: 1,500,000 raw, 2,000,000+ in base64
  const bytes = Buffer.concat([png(), Buffer.alloc(750_000 - png().length)]);
  const big = (colorMode: 'LIGHT' | 'DARK') => ({ Category: 'PAGE_BACKGROUND' as const, ColorMode: colorMode, Extension: 'PNG' as const, Bytes: bytes });

  // WHEN
  const error = await rejectionOf(create({ Assets: [big('LIGHT'), big('DARK')] }));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toMatch(/limit is 2 MB/);
  const call = f.standIn.calls.at(-1)!;
  expect(call.requestBytes).toBeGreaterThan(2_000_000);
});

test('UseCognitoProvidedValues=true on Update reverts the style to the defaults', async () => {
  // GIVEN
  const id = (await create({ Assets: [logo()] })).ManagedLoginBranding!.ManagedLoginBrandingId!;

  // WHEN
  await f.clients.cognito.send(new UpdateManagedLoginBrandingCommand({
    UserPoolId: f.poolId, ManagedLoginBrandingId: id, UseCognitoProvidedValues: true,
  }));

  // THEN
  expect(style()).toEqual({ id, useCognitoProvidedValues: true, assets: {} });
});

test('a Settings document that is not an object is a 500, as Cognito answers a wrongly typed Settings', async () => {
  // WHEN
  const error = await rejectionOf(create({ Settings: ['not', 'an', 'object'] as never }));

  // THEN
  expect(error.name).toBe('InternalErrorException');
  expect(error.$metadata?.httpStatusCode).toBe(500);
});
