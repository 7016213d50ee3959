import {
  AssetCategoryType, CreateManagedLoginBrandingCommand, DeleteManagedLoginBrandingCommand, InvalidParameterException, SetUICustomizationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { rejectionOf, standInFixture } from './standin-fixture';
import { png } from '../sample-images';

/** Model checks through the real SDK: each refusal comes back as Cognito's exception with Cognito's message. */
const f = standInFixture();

const brandingId = '123e4567-e89b-42d3-a456-426614174000';

test('a required member missing: Member must not be null', async () => {
  // WHEN DeleteManagedLoginBranding without ManagedLoginBrandingId
  const error = await rejectionOf(f.clients.cognito.send(new DeleteManagedLoginBrandingCommand({ UserPoolId: f.poolId } as never)));

  // THEN
  expect(error).toBeInstanceOf(InvalidParameterException);
  expect(error.message).toBe("1 validation error detected: Value null at 'managedLoginBrandingId' failed to satisfy constraint: Member must not be null");
  expect(error.$metadata?.httpStatusCode).toBe(400);
});

test('a pattern: the client id of Cognito\'s own message', async () => {
  // WHEN
  const error = await rejectionOf(f.clients.cognito.send(new CreateManagedLoginBrandingCommand({
    UserPoolId: f.poolId, ClientId: 'bad-id!', UseCognitoProvidedValues: true,
  })));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toBe("1 validation error detected: Value 'bad-id!' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+");
});

test('a length and a pattern on one member: two clauses joined by "; "', async () => {
  // WHEN a 56-character pool id without an underscore
  const error = await rejectionOf(f.clients.cognito.send(new DeleteManagedLoginBrandingCommand({ UserPoolId: 'x'.repeat(56), ManagedLoginBrandingId: brandingId })));

  // THEN
  expect(error.message).toBe(`2 validation errors detected: Value '${'x'.repeat(56)}' at 'userPoolId' failed to satisfy constraint: Member must have length less than or equal to 55; `
    + `Value '${'x'.repeat(56)}' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+`);
});

test('an enum inside a list item: Coral\'s <list>.<n>.member path', async () => {
  // WHEN
  const error = await rejectionOf(f.clients.cognito.send(new CreateManagedLoginBrandingCommand({
    UserPoolId: f.poolId,
    ClientId: f.clientId,
    Settings: {},
    Assets: [{ Category: 'NOT_A_CATEGORY' as AssetCategoryType, ColorMode: 'LIGHT', Extension: 'PNG', Bytes: png() }],
  })));

  // THEN
  expect(error.message).toMatch(/^1 validation error detected: Value 'NOT_A_CATEGORY' at 'assets\.1\.member\.category' failed to satisfy constraint: Member must satisfy enum value set: \[FAVICON_ICO, FAVICON_SVG, /);
});

test('a blob over its maximum counts decoded bytes: 1,000,001 bytes of asset', async () => {
  // WHEN
  const error = await rejectionOf(f.clients.cognito.send(new CreateManagedLoginBrandingCommand({
    UserPoolId: f.poolId,
    ClientId: f.clientId,
    Settings: {},
    Assets: [{ Category: 'PAGE_BACKGROUND', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: Buffer.alloc(1_000_001) }],
  })));

  // THEN
  expect(error.message).toBe("1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1000001 cap=1000001]' at 'assets.1.member.bytes' "
    + 'failed to satisfy constraint: Member must have length less than or equal to 1000000');
});

test('a list over its maximum count: 41 assets', async () => {
  // WHEN
  const assets = Array.from({ length: 41 }, (_, i) => ({
    Category: 'IDP_BUTTON_ICON' as const, ColorMode: 'LIGHT' as const, Extension: 'PNG' as const, Bytes: png(), ResourceId: `idp${i}`,
  }));
  const error = await rejectionOf(f.clients.cognito.send(new CreateManagedLoginBrandingCommand({
    UserPoolId: f.poolId, ClientId: f.clientId, Settings: {}, Assets: assets,
  })));

  // THEN
  expect(error.message).toMatch(/^1 validation error detected: Value '\[.*\]' at 'assets' failed to satisfy constraint: Member must have length less than or equal to 40$/);
});

test('CSS over 131,072 characters (the model\'s CSSType)', async () => {
  // WHEN
  const error = await rejectionOf(f.clients.cognito.send(new SetUICustomizationCommand({ UserPoolId: f.poolId, CSS: 'a'.repeat(131_073) })));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toMatch(/at 'cSS' failed to satisfy constraint: Member must have length less than or equal to 131072$/);
});

test('SSM refuses with ValidationException and leaves a sensitive value out of the message', async () => {
  // WHEN an enum violation next to a value that is marked sensitive
  const error = await rejectionOf(f.clients.ssm.send(new PutParameterCommand({ Name: '/x', Value: 'secret', Type: 'Bogus' as never })));

  // THEN
  expect(error.name).toBe('ValidationException');
  expect(error.message).toBe("1 validation error detected: Value 'Bogus' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String, StringList, SecureString]");
});
