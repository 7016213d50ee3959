import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { deploy, expectStateMatchesDeclaration, poolIds, statuses } from './state-check';
import { createApp as createMcpServerLogin } from '../../../examples/mcp-server-login';
import { ClientRegistration, CognitoLogin, LoginDomain, RegistrationGrantType } from '../../../src';
import { CloudFormationRunner, REGISTER_SCOPE, StandIn, synthExample } from '../../../standin';

/**
 * Clients registered at run time (dynamic client registration, RFC 7591)
 * on logins deployed through CloudFormation against the stand-in: an MCP
 * client gets its initial access token from the registrar machine client at
 * the token endpoint, registers at the domain's registration endpoint, and
 * the test asks what the sign-in pages serve it. Then CloudFormation updates
 * the pool: the registered client is still there and registration is on again.
 */
jest.setTimeout(120_000);

const ENV = { account: '123456789012', region: 'eu-west-1' };
const API = 'https://mcp.example.com';
const CALLBACK = { client_name: 'Some MCP client', redirect_uris: ['https://agent.example.com/callback'] };

let standIn: StandIn;
let cfn: CloudFormationRunner;

beforeAll(async () => {
  standIn = await StandIn.start({ region: ENV.region, account: ENV.account });
  cfn = new CloudFormationRunner(standIn);
});

afterAll(async () => standIn.stop());

/** The initial access token of the stack's registrar: the machine client holding the register scope. */
function initialAccessToken(stackName: string, domain: string): string {
  const registrar = [...cfn.stack(stackName).resources.values()]
    .find((r) => r.type === 'AWS::Cognito::UserPoolClient' && ((r.properties as { AllowedOAuthScopes?: string[] }).AllowedOAuthScopes ?? []).includes(REGISTER_SCOPE));
  const token = standIn.oauth.clientCredentialsToken(domain, registrar!.physicalId);
  if (!('access_token' in token)) {
    throw new Error(`no token for the registrar: ${token.error}`);
  }
  return token.access_token;
}

describe('the mcp-server-login example (classic pages)', () => {
  let dir: string;
  beforeAll(() => {
    dir = synthExample(createMcpServerLogin);
  });

  test('a client registered with the registrar\'s token gets pages styled by the pool-wide customization', async () => {
    // GIVEN
    expect(statuses(await deploy(cfn, dir))).toEqual(['McpServerLogin CREATE_COMPLETE']);
    const [poolId] = poolIds(cfn, dir);

    // WHEN
    const token = initialAccessToken('McpServerLogin', 'acme-mcp');
    const refused = standIn.oauth.register('acme-mcp', { ...CALLBACK, grant_types: ['client_credentials'] }, token);
    const answer = standIn.oauth.register('acme-mcp', { ...CALLBACK, scope: 'openid https://mcp.acme.example.com/tools' }, token);

    // THEN: the example allows the code grant only
    expect(refused).toMatchObject({ status: 400, error: 'invalid_client_metadata' });
    expect(answer).toMatchObject({ status: 201 });
    const clientId = (answer as { client: { client_id: string } }).client.client_id;
    expect(standIn.cognito.pool(poolId).classic.has('ALL')).toBe(true);
    expect(standIn.replicas.servedPage(poolId, clientId)).toEqual({ servedBy: ENV.region, page: { classic: 'ALL' } });
    expectStateMatchesDeclaration(cfn, standIn, dir);
  });

  test('delete the stack', async () => {
    const [result] = await cfn.destroyAssembly(dir);
    expect(result.status).toBe('DELETE_COMPLETE');
  });
});

describe('a login with managed login pages and clientRegistration', () => {
  const stacks: Stack[] = [];
  const dirs = [12, 14].map((minLength) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-registered-'));
    const app = new App({ outdir });
    const stack = new Stack(app, 'ManagedAgents', { env: ENV });
    const login = new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('scenario-managed-agents'),
      userPoolProps: { removalPolicy: RemovalPolicy.DESTROY, passwordPolicy: { minLength } },
      resourceServers: [{ identifier: API, scopes: [{ name: 'tools', description: 'Call tools' }] }],
      clientRegistration: ClientRegistration.authenticated({
        grantTypes: [RegistrationGrantType.AUTHORIZATION_CODE], scopes: [cognito.OAuthScope.custom(`${API}/tools`)],
      }),
    });
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
    login.addMachineClient('Registrar', { scopes: [ClientRegistration.REGISTER_SCOPE] });
    app.synth();
    stacks.push(stack);
    return outdir;
  });
  let registered: string;

  test('synth warns that a registered client\'s pages read "Login pages unavailable"', () => {
    Annotations.fromStack(stacks[0]).hasWarning('/ManagedAgents/Login', Match.stringLikeRegexp('Login pages unavailable'));
  });

  test('a registered client gets no style: its pages read "Login pages unavailable", as the warning says', async () => {
    // GIVEN
    expect(statuses(await deploy(cfn, dirs[0]))).toEqual(['ManagedAgents CREATE_COMPLETE']);
    const [poolId] = poolIds(cfn, dirs[0]);

    // WHEN
    const answer = standIn.oauth.register('scenario-managed-agents', CALLBACK, initialAccessToken('ManagedAgents', 'scenario-managed-agents'));

    // THEN
    expect(answer).toMatchObject({ status: 201 });
    registered = (answer as { client: { client_id: string } }).client.client_id;
    expect(standIn.replicas.servedPage(poolId, registered)).toEqual({ servedBy: ENV.region, page: 'Login pages unavailable' });
    const web = cfn.stack('ManagedAgents').resources.get([...cfn.stack('ManagedAgents').resources.entries()]
      .find(([id, r]) => r.type === 'AWS::Cognito::UserPoolClient' && id.includes('Web'))![0])!.physicalId;
    expect(standIn.replicas.servedPage(poolId, web)).toEqual({ servedBy: ENV.region, page: { styleId: expect.any(String) } });
  });

  test('a CloudFormation update of the pool after a registration: the registered client survives and registration is applied again', async () => {
    // WHEN
    expect(statuses(await deploy(cfn, dirs[1]))).toEqual(['ManagedAgents UPDATE_COMPLETE']);

    // THEN
    const [poolId] = poolIds(cfn, dirs[1]);
    expect(standIn.cognito.pool(poolId).clients.get(registered)).toMatchObject({ registered: true });
    expect(standIn.snapshot().pools[poolId].registration).toEqual({
      EnableStatus: 'Enabled', OpenDcrEnabled: false, AuthenticatedGrantTypes: ['code'], AllowedScopes: [`${API}/tools`],
    });
    expect(standIn.oauth.register('scenario-managed-agents', CALLBACK, initialAccessToken('ManagedAgents', 'scenario-managed-agents')))
      .toMatchObject({ status: 201 });
    expectStateMatchesDeclaration(cfn, standIn, dirs[1]);
  });

  test('delete the stack', async () => {
    const [result] = await cfn.destroyAssembly(dirs[1]);
    expect(result.status).toBe('DELETE_COMPLETE');
  });
});
