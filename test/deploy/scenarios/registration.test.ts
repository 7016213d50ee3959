import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AFTER_STYLES } from './scenario-apps';
import { cognitoCalls, deploy, expectNothingOfOurs, expectStateMatchesDeclaration, poolIds, statuses } from './state-check';
import { ClientRegistration, CognitoLogin, LoginDomain, RegistrationGrantType } from '../../../src';
import { CLIENT_REGISTRATION_TYPE } from '../../../src/registration/private/registration-contract';
import { CloudFormationRunner, readAssembly, settingsOfCloudFormation, StandIn } from '../../../standin';

/**
 * A login whose pool takes dynamic client registration, changed step by step
 * through CloudFormation against the stand-in (which replaces a pool's
 * settings on every UpdateUserPool, CloudFormation's included). After each
 * step the pool holds exactly what its template declares (every setting
 * CloudFormation manages, compared member by member) plus the declared
 * DcrConfiguration; the tests run in order and share one deployment.
 */
const ENV = { account: '123456789012', region: 'eu-west-1' };
const API = 'https://mcp.example.com';

interface Version {
  readonly scopes?: readonly string[];
  readonly open?: boolean;
  /** A pool setting CloudFormation manages, changed to make CloudFormation update the pool. */
  readonly minLength?: number;
  /** False: the app no longer declares registration. */
  readonly registration?: boolean;
}

function synth(version: Version, tag: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-registration-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Agents', { env: ENV });
  const scopes = (version.scopes ?? ['tools']).map((name) => cognito.OAuthScope.custom(`${API}/${name}`));
  const registration = version.open
    ? ClientRegistration.open({ scopes })
    : ClientRegistration.authenticated({ grantTypes: [RegistrationGrantType.AUTHORIZATION_CODE], scopes });
  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('scenario-agents'),
    userPoolProps: { removalPolicy: RemovalPolicy.DESTROY, passwordPolicy: { minLength: version.minLength ?? 12 } },
    resourceServers: [{ identifier: API, scopes: [{ name: 'tools', description: 'Call tools' }, { name: 'admin', description: 'Administer' }] }],
    ...(version.registration === false ? {} : { clientRegistration: registration }),
  });
  login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
  // After everything of the login, so that `failResource` rolls a deployment back once the registration was applied.
  const after = new CfnResource(stack, AFTER_STYLES, {
    type: 'Custom::AfterStyles',
    properties: { ServiceToken: `arn:aws:lambda:${ENV.region}:${ENV.account}:function:after-styles`, Version: tag },
  });
  after.overrideLogicalId(AFTER_STYLES);
  after.node.addDependency(login);
  app.synth();
  return outdir;
}

const VERSIONS: readonly Version[] = [
  {},
  { scopes: ['tools', 'admin'] },
  { scopes: ['tools', 'admin'], minLength: 14 },
  { scopes: ['admin'], open: true, minLength: 16 },
  { scopes: ['admin'], open: true, minLength: 16, registration: false },
];

let standIn: StandIn;
let cfn: CloudFormationRunner;
const dirs: string[] = [];

beforeAll(async () => {
  standIn = await StandIn.start({ region: ENV.region, account: ENV.account });
  cfn = new CloudFormationRunner(standIn);
  VERSIONS.forEach((version, i) => dirs.push(synth(version, `v${i + 1}`)));
});

afterAll(async () => standIn.stop());

/** The pool of the deployed stack. */
function poolId(): string {
  return poolIds(cfn, dirs[0])[0];
}

/**
 * Every setting of the pool but DcrConfiguration is what the template of
 * `dir` gives CloudFormation: the handler's write-back changed nothing else.
 */
function expectPoolAsTemplate(dir: string): void {
  const template = readAssembly(dir).find((a) => a.stackName === 'Agents')!.template;
  const [logicalId] = Object.entries(template.Resources).find(([, r]) => r.Type === 'AWS::Cognito::UserPool')!;
  const declared = settingsOfCloudFormation(cfn.stack('Agents').resources.get(logicalId)!.properties as Record<string, unknown>);
  const { DcrConfiguration: _dcr, ...live } = standIn.cognito.pool(poolId()).settings;
  expect(live).toEqual({ ...declared, Name: declared.Name ?? expect.any(String) });
  expect(Object.keys(live)).toEqual(expect.arrayContaining(['Policies', 'DeletionProtection', 'MfaConfiguration', 'UserPoolTier', 'AccountRecoverySetting']));
}

function registrationEvents(dir: string, from: number): string[] {
  const ids = Object.entries(readAssembly(dir)[0].template.Resources).filter(([, r]) => r.Type === CLIENT_REGISTRATION_TYPE).map(([id]) => id);
  return cfn.events.slice(from).filter((e) => ids.includes(e.logicalId)).map((e) => `${e.requestType} ${e.outcome}`);
}

test('create: the pool takes the declared registration, and every other setting is as CloudFormation wrote it', async () => {
  const from = standIn.calls.length;
  expect(statuses(await deploy(cfn, dirs[0]))).toEqual(['Agents CREATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[0]);
  expectPoolAsTemplate(dirs[0]);
  expect(standIn.snapshot().pools[poolId()].registration).toEqual({
    EnableStatus: 'Enabled', OpenDcrEnabled: false, AuthenticatedGrantTypes: ['code'], AllowedScopes: [`${API}/tools`],
  });
  // A read of what a failure would put back, then one read and one whole write.
  expect(cognitoCalls(standIn, from, (c) => c.operation.endsWith('UserPool'))).toEqual(['DescribeUserPool ok', 'DescribeUserPool ok', 'UpdateUserPool ok']);
});

test('update of scopes, rolled back: the previous scopes are what the pool holds', async () => {
  const results = await deploy(cfn, dirs[1], 'Agents');
  expect(statuses(results)).toEqual(['Agents UPDATE_ROLLBACK_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[0]);
  expectPoolAsTemplate(dirs[0]);
});

test('update of scopes: in place, nothing else of the pool changed', async () => {
  expect(statuses(await deploy(cfn, dirs[1]))).toEqual(['Agents UPDATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[1]);
  expectPoolAsTemplate(dirs[1]);
});

test('a CloudFormation update of the pool in between: its UpdateUserPool drops the registration, which is applied again right after', async () => {
  const from = cfn.events.length;
  expect(statuses(await deploy(cfn, dirs[2]))).toEqual(['Agents UPDATE_COMPLETE']);
  expect(registrationEvents(dirs[2], from)).toEqual(['Update SUCCESS']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[2]);
  expectPoolAsTemplate(dirs[2]);
});

test('a pool update and a switch to open registration, rolled back: the pool is back as before, registration included', async () => {
  expect(statuses(await deploy(cfn, dirs[3], 'Agents'))).toEqual(['Agents UPDATE_ROLLBACK_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[2]);
  expectPoolAsTemplate(dirs[2]);
});

test('the same, applied', async () => {
  expect(statuses(await deploy(cfn, dirs[3]))).toEqual(['Agents UPDATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[3]);
  expectPoolAsTemplate(dirs[3]);
  expect(standIn.snapshot().pools[poolId()].registration).toMatchObject({ OpenDcrEnabled: true, OpenDcrGrantTypes: ['code'] });
});

test('registration removed from the app: turned off, every other setting kept', async () => {
  expect(statuses(await deploy(cfn, dirs[4]))).toEqual(['Agents UPDATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[4]);
  expect(standIn.snapshot().pools[poolId()].registration).toEqual({ EnableStatus: 'Disabled' });
  expectPoolAsTemplate(dirs[4]);
});

test('a Create whose write landed but was then refused puts the pool back before it answers (the rollback cannot: issue 17, item 1.1)', async () => {
  // GIVEN the write lands but its answer is lost; the retry is refused
  standIn.faults.inject({ kind: 'lost-response', operation: 'UpdateUserPool', count: 1 });
  standIn.faults.inject({ kind: 'refuse', operation: 'UpdateUserPool', after: 1, count: 1 });

  // WHEN registration comes back with a pool update
  const results = await deploy(cfn, dirs[3]);
  standIn.faults.clear();

  // THEN
  expect(statuses(results)).toEqual(['Agents UPDATE_ROLLBACK_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[4]);
  expect(standIn.snapshot().pools[poolId()].registration).toEqual({ EnableStatus: 'Disabled' });
  expectPoolAsTemplate(dirs[4]);
});

test('delete the stack: nothing of ours is left', async () => {
  const pools = poolIds(cfn, dirs[4]);
  const [result] = await cfn.destroyAssembly(dirs[4]);
  expect(result.status).toBe('DELETE_COMPLETE');
  expectNothingOfOurs(standIn, pools);
});
