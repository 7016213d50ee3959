import { UpdateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { standInFixture } from './standin-fixture';
import { REGISTER_SCOPE } from '../services';

/**
 * The domain's registration endpoint (registration-endpoint.ts): open or
 * authenticated per the pool's DcrConfiguration (set through UpdateUserPool,
 * as the handler sets it), grant types and scopes refused with RFC 7591's
 * invalid_client_metadata, registered clients made in the pool and counted
 * toward its app-client quota, and what the sign-in pages serve them.
 */
const f = standInFixture();
const DOMAIN = 'acme-test';
const API = 'https://mcp.example.com';
const WEB = { client_name: 'Agent', redirect_uris: ['https://agent.example.com/callback'] };

async function configure(dcr: object) {
  await f.clients.cognito.send(new UpdateUserPoolCommand({ UserPoolId: f.poolId, DcrConfiguration: dcr }));
}

function registrar(scopes = [REGISTER_SCOPE]): string {
  return f.standIn.createUserPoolClient(f.poolId, 'Registrar', { allowedOAuthFlows: ['client_credentials'], allowedOAuthScopes: scopes });
}

test('authenticated registration: a token from the token endpoint for a client holding the register scope, then a client in the pool', async () => {
  // GIVEN
  await configure({ AuthenticatedGrantTypes: ['code'], AllowedScopes: [`${API}/tools`] });
  const token = f.standIn.oauth.clientCredentialsToken(DOMAIN, registrar());

  // WHEN
  const withoutToken = f.standIn.oauth.register(DOMAIN, WEB);
  const answer = f.standIn.oauth.register(DOMAIN, { ...WEB, scope: `openid ${API}/tools` }, 'access_token' in token ? token.access_token : 'none');

  // THEN
  expect(token).toMatchObject({ token_type: 'Bearer', scope: REGISTER_SCOPE });
  expect(withoutToken).toMatchObject({ status: 401, error: 'invalid_token' });
  expect(answer).toMatchObject({ status: 201, client: { grant_types: ['authorization_code'], scope: `openid ${API}/tools`, token_endpoint_auth_method: 'none' } });
  const clientId = (answer as { client: { client_id: string } }).client.client_id;
  expect(f.standIn.cognito.pool(f.poolId).clients.get(clientId)).toMatchObject({ name: 'Agent', registered: true, allowedOAuthFlows: ['code'] });
});

test('a token without the register scope is insufficient; a client without client_credentials gets no token', async () => {
  // GIVEN
  await configure({});
  const other = f.standIn.oauth.clientCredentialsToken(DOMAIN, registrar([`${API}/tools`]));

  // WHEN
  const answer = f.standIn.oauth.register(DOMAIN, WEB, (other as { access_token: string }).access_token);

  // THEN
  expect(answer).toMatchObject({ status: 403, error: 'insufficient_scope' });
  expect(f.standIn.oauth.clientCredentialsToken(DOMAIN, f.clientId)).toMatchObject({ error: 'unauthorized_client' });
});

test('open registration refuses a grant type and a scope the configuration does not allow with invalid_client_metadata, and the register scope always', async () => {
  // GIVEN
  await configure({ OpenDcrEnabled: true, AllowedScopes: [`${API}/tools`, REGISTER_SCOPE] });

  // WHEN
  const machine = f.standIn.oauth.register(DOMAIN, { ...WEB, grant_types: ['client_credentials'] });
  const admin = f.standIn.oauth.register(DOMAIN, { ...WEB, scope: `${API}/admin` });
  const register = f.standIn.oauth.register(DOMAIN, { ...WEB, scope: REGISTER_SCOPE });
  const noRedirect = f.standIn.oauth.register(DOMAIN, { client_name: 'Agent' });
  const fine = f.standIn.oauth.register(DOMAIN, { ...WEB, scope: `${API}/tools` });

  // THEN
  expect(machine).toMatchObject({ status: 400, error: 'invalid_client_metadata' });
  expect(admin).toMatchObject({ status: 400, error: 'invalid_client_metadata' });
  expect(register).toMatchObject({ status: 400, error: 'invalid_client_metadata' });
  expect(noRedirect).toMatchObject({ status: 400, error: 'invalid_redirect_uri' });
  expect(fine).toMatchObject({ status: 201 });
});

test('registration is refused when the pool has none, and an empty grant list refuses every registration of its kind', async () => {
  // WHEN
  const none = f.standIn.oauth.register(DOMAIN, WEB);
  await configure({ OpenDcrEnabled: true, OpenDcrGrantTypes: [] });
  const empty = f.standIn.oauth.register(DOMAIN, WEB);

  // THEN
  expect(none).toMatchObject({ status: 403, error: 'access_denied' });
  expect(empty).toMatchObject({ status: 400, error: 'invalid_client_metadata' });
});

test('registered clients count toward the pool\'s app-client quota', async () => {
  // GIVEN: the fixture's client and one registered fill a quota of two
  await configure({ OpenDcrEnabled: true });
  f.standIn.cognito.pool(f.poolId).appClientQuota = 2;

  // WHEN
  const first = f.standIn.oauth.register(DOMAIN, WEB);
  const second = f.standIn.oauth.register(DOMAIN, WEB);

  // THEN
  expect(first).toMatchObject({ status: 201 });
  expect(second).toMatchObject({ status: 400, error: 'invalid_client_metadata', error_description: expect.stringContaining('quota of 2') });
  expect(() => f.standIn.createUserPoolClient(f.poolId, 'Another')).toThrow(/quota of 2/);
});

test('the pages of a registered client: "Login pages unavailable" on managed login, the pool-wide customization on classic pages', async () => {
  // GIVEN
  await configure({ OpenDcrEnabled: true });
  const registered = f.standIn.oauth.register(DOMAIN, WEB) as { client: { client_id: string } };
  const classicPool = f.standIn.createUserPool().id;
  f.standIn.createUserPoolDomain(classicPool, { domain: 'acme-classic' });
  f.standIn.cognito.pool(classicPool).classic.set('ALL', { css: '.banner-customizable { background-color: #123456; }', cssVersion: '1', creationDate: new Date(), lastModifiedDate: new Date() });
  f.standIn.cognito.pool(classicPool).settings.DcrConfiguration = { OpenDcrEnabled: true };
  const onClassic = f.standIn.oauth.register('acme-classic', WEB) as { client: { client_id: string } };

  // THEN
  expect(f.standIn.replicas.servedPage(f.poolId, registered.client.client_id)).toEqual({ servedBy: 'us-east-1', page: 'Login pages unavailable' });
  expect(f.standIn.replicas.servedPage(classicPool, onClassic.client.client_id)).toEqual({ servedBy: 'us-east-1', page: { classic: 'ALL' } });
});
