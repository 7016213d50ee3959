import { GetUICustomizationCommand, SetUICustomizationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { sha256 } from '../services';
import { rejectionOf, standInFixture } from './standin-fixture';
import { jpeg, png, webp } from '../sample-images';

/** Classic hosted-UI customization (SetUICustomization / GetUICustomization). */
const f = standInFixture();

const CSS = '.banner-customizable { background-color: #ff9900; }';

function set(input: Partial<ConstructorParameters<typeof SetUICustomizationCommand>[0]>) {
  return f.clients.cognito.send(new SetUICustomizationCommand({ UserPoolId: f.poolId, ...input }));
}

test('CSS and logo are stored together per client, with a new CSSVersion for each set', async () => {
  // WHEN
  const first = await set({ ClientId: f.clientId, CSS, ImageFile: png() });
  const second = await set({ ClientId: f.clientId, CSS, ImageFile: jpeg() });

  // THEN
  const classic = f.standIn.snapshot().pools[f.poolId].classic[f.clientId];
  expect(classic).toMatchObject({ css: CSS, imageSha256: sha256(jpeg()), imageBytes: jpeg().length });
  expect(second.UICustomization?.CSSVersion).not.toBe(first.UICustomization?.CSSVersion);
  expect(second.UICustomization?.ImageUrl).toMatch(/^https:\/\/.+\.jpg$/);
});

test('GetUICustomization falls back to ALL (ClientId ALL), and is empty when nothing is set', async () => {
  // GIVEN nothing set
  const empty = await f.clients.cognito.send(new GetUICustomizationCommand({ UserPoolId: f.poolId, ClientId: f.clientId }));

  // WHEN ALL gets CSS
  await set({ ClientId: 'ALL', CSS });
  const fallback = await f.clients.cognito.send(new GetUICustomizationCommand({ UserPoolId: f.poolId, ClientId: f.clientId }));

  // THEN
  expect(empty.UICustomization).toEqual({});
  expect(fallback.UICustomization).toMatchObject({ ClientId: 'ALL', CSS });
});

test('a set with neither CSS nor image clears that target only', async () => {
  // GIVEN
  await set({ ClientId: 'ALL', CSS });
  await set({ ClientId: f.clientId, CSS });

  // WHEN
  await set({ ClientId: f.clientId });

  // THEN
  expect(Object.keys(f.standIn.snapshot().pools[f.poolId].classic)).toEqual(['ALL']);
});

test('the image must be PNG or JPEG by content, in Cognito\'s words', async () => {
  // WHEN
  const error = await rejectionOf(set({ ClientId: f.clientId, ImageFile: webp() }));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toBe('The uploaded image must be a valid .jpeg or .png file.');
});

test('the 135 KB request limit counts the base64 logo and the CSS as sent', async () => {
  // GIVEN a 100,000-byte PNG (133,336 base64 characters) and 2 KB of CSS
  const logo = Buffer.concat([png(), Buffer.alloc(100_000 - png().length)]);

  // WHEN
  const error = await rejectionOf(set({ ClientId: f.clientId, ImageFile: logo, CSS: `${CSS}${' '.repeat(2000)}` }));

  // THEN
  expect(error.name).toBe('InvalidParameterException');
  expect(error.message).toMatch(/at most 135 KB/);
});

test('an unknown client is ResourceNotFoundException; a pool without a domain is refused', async () => {
  // GIVEN
  const bare = f.standIn.createUserPool().id;

  // WHEN
  const unknown = await rejectionOf(set({ ClientId: 'a'.repeat(26), CSS }));
  const noDomain = await rejectionOf(f.clients.cognito.send(new SetUICustomizationCommand({ UserPoolId: bare, CSS })));

  // THEN
  expect(unknown.name).toBe('ResourceNotFoundException');
  expect(noDomain.name).toBe('InvalidParameterException');
  expect(noDomain.message).toContain('domain');
});

test('a property outside its class\'s list is stored as sent; a class outside the list, a forbidden statement or script is refused', async () => {
  // GIVEN: properties Cognito does not apply, which its own template and deployed stacks send
  const ignored = '.submitButton-customizable { border-radius: 10px; border-color: #00c4b3; }\n'
    + '.socialButton-customizable { border-radius: 2px; padding: 1px; }\n';

  // WHEN
  const taken = await set({ ClientId: f.clientId, CSS: ignored });
  const refusals = await Promise.all([
    'body { background-color: #0d1b2a; }',
    '.modal-content, .banner-customizable { padding: 1px; }',
    '@media (max-width: 600px) { .banner-customizable { padding: 1px; } }',
    '@import url("https://fonts.example.com/x.css");\n.banner-customizable { padding: 1px; }',
    '.errorMessage-customizable { background: url(javascript:alert(1)); }',
  ].map((css) => rejectionOf(set({ ClientId: f.clientId, CSS: css }))));

  // THEN
  expect(taken.UICustomization?.CSS).toBe(ignored);
  expect(refusals.map((e) => e.name)).toEqual(Array(5).fill('InvalidParameterException'));
  expect(refusals.map((e) => e.message)).toEqual([
    'The CSS class "body" is not allowed.',
    'The CSS class ".modal-content" is not allowed.',
    'The CSS may not contain @media statements.',
    'The CSS may not contain @import statements.',
    'The CSS may not contain JavaScript.',
  ]);
});
