import { DescribeManagedLoginBrandingByClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AppSpec, houseAssets, putConsoleStyle, synthScenario } from './scenario-apps';
import { deploy, expectStateMatchesDeclaration, statuses } from './state-check';
import { CloudFormationRunner, StandIn, StyleSnapshot } from '../../../standin';
import { sdkClients } from '../../../standin/services/sdk-clients';

jest.setTimeout(60_000);

let standIn: StandIn;
afterAll(async () => standIn?.stop());
beforeAll(async () => {
  standIn = await StandIn.start();
});

/**
 * A style moved between two stacks of one assembly (the pool and its clients
 * in Login, exported to Extra through cross-stack references), each move
 * first rolled back (a failure after the styles of the stack that gains the
 * style), then applied.
 */
describe('move a style to another stack', () => {
  let cfn: CloudFormationRunner;
  const spec = (version: string, webIn: string, webLogo = 'logo-1'): AppSpec => ({
    version,
    stacks: ['Login', 'Extra'],
    pools: [{ id: 'Pool', prefix: 'scenario-move', managedLogin: true, clients: ['Web', 'Admin', 'Partner'], stack: 'Login' }],
    // Each stack keeps a style of its own, so each keeps its handler (see the report on a stack's last style).
    styles: [
      { id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: houseAssets({ logo: webLogo }) }, stack: webIn },
      { id: 'AdminBranding', pool: 'Pool', client: 'Admin', look: { defaults: true } },
      { id: 'PartnerBranding', pool: 'Pool', client: 'Partner', look: { color: '#0972d3' }, stack: 'Extra' },
    ],
  });
  let inLogin: string;
  let inExtra: string;
  let backInLogin: string;
  let backInLoginChanged: string;

  beforeAll(async () => {
    cfn = new CloudFormationRunner(standIn);
    inLogin = synthScenario(spec('v1', 'Login'));
    inExtra = synthScenario(spec('v2', 'Extra'));
    backInLogin = synthScenario(spec('v3', 'Login'));
    backInLoginChanged = synthScenario(spec('v4', 'Login', 'logo-moved'));
    expect(statuses(await deploy(cfn, inLogin))).toEqual(['Login CREATE_COMPLETE', 'Extra CREATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, inLogin);
  });

  test('move a style to another stack, rolled back: each stack holds its own declaration (the style left the first, the second rolled back)', async () => {
    expect(statuses(await deploy(cfn, inExtra, 'Extra'))).toEqual(['Login UPDATE_COMPLETE', 'Extra UPDATE_ROLLBACK_COMPLETE']);
    // Login no longer declares the Web style and Extra's rollback never declared it: the client has none, and no claim.
    expectStateMatchesDeclaration(cfn, standIn, inExtra, { stacks: { Extra: inLogin } });
  });

  test('move a style to another stack', async () => {
    expect(statuses(await deploy(cfn, inExtra))).toEqual(['Login UPDATE_COMPLETE', 'Extra UPDATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, inExtra);
  });

  test('issue 17, item 1.2: move a style back with a new logo, rolled back: the client shows the old stack\'s declaration again', async () => {
    // Login deploys first: its new resource takes the client over from Extra's and applies the new logo; then Login fails.
    expect(statuses(await deploy(cfn, backInLoginChanged, 'Login'))).toEqual(['Login UPDATE_ROLLBACK_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, inExtra);
  });

  test('move a style back to the stack of its pool, rolled back: the style and its claim stay with the old stack', async () => {
    expect(statuses(await deploy(cfn, backInLogin, 'Login'))).toEqual(['Login UPDATE_ROLLBACK_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, inExtra);
  });

  test('move a style back to the stack of its pool: taken over first, the old stack\'s clean-up leaves it alone', async () => {
    expect(statuses(await deploy(cfn, backInLogin))).toEqual(['Login UPDATE_COMPLETE', 'Extra UPDATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, backInLogin);
  });
});

/**
 * A style made in the console (through the real SDK, before the deployment)
 * taken over by the app, and Settings that Cognito refuses during adoption
 * and during updates (defect 5): nothing is deleted before Cognito has
 * accepted the declared content.
 */
describe('adopt a style made in the console; Settings that Cognito refuses', () => {
  let cfn: CloudFormationRunner;
  let bare: string;
  let adopted: string;
  let recreated: string;
  let recolored: string;
  let webClient: string;
  let poolId: string;
  const spec = (version: string, styles: AppSpec['styles']): AppSpec => ({
    version,
    pools: [{ id: 'Pool', prefix: 'scenario-adopt', managedLogin: true, clients: ['Web', 'Keep'] }],
    // Keep's style keeps the stack's handler in every version (see the report on a stack's first and last style).
    styles: [{ id: 'KeepBranding', pool: 'Pool', client: 'Keep', look: { defaults: true } }, ...styles!],
  });
  const web = { id: 'WebBranding', pool: 'Pool', client: 'Web' };

  /** The console's style: its own settings and a form logo the app does not declare. */
  async function consoleStyle(): Promise<StyleSnapshot> {
    const style = await putConsoleStyle(standIn, poolId, webClient, 'LIGHT');
    const { cognito } = sdkClients(standIn, 'eu-west-1');
    const described = await cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: poolId, ClientId: webClient }));
    expect(described.ManagedLoginBranding?.ManagedLoginBrandingId).toBeDefined();
    return style;
  }

  beforeAll(async () => {
    cfn = new CloudFormationRunner(standIn);
    bare = synthScenario(spec('v0', []));
    adopted = synthScenario(spec('v1', [{ ...web, look: { assets: houseAssets() } }]));
    recreated = synthScenario(spec('v2', [{ ...web, look: { assets: houseAssets({ dark: null }) } }]));
    recolored = synthScenario(spec('v3', [{ ...web, look: { color: '#0972d3', assets: houseAssets() } }]));
    expect(statuses(await deploy(cfn, bare))).toEqual(['Styles CREATE_COMPLETE']);
    poolId = cfn.physicalId('Styles', Object.keys(cfn.stack('Styles').template.Resources).find((id) => id.startsWith('Pool') && cfn.stack('Styles').template.Resources[id].Type === 'AWS::Cognito::UserPool')!);
    webClient = [...cfn.stack('Styles').resources.values()].find((r) => r.type === 'AWS::Cognito::UserPoolClient' && r.logicalId.startsWith('PoolWeb'))!.physicalId;
  });

  test('a Settings document that Cognito refuses during adoption (defect 5): nothing deleted, the console\'s style intact, the deployment rolled back', async () => {
    const before = await consoleStyle();
    const from = standIn.calls.length;
    standIn.faults.inject({ kind: 'refuse-settings', operation: 'UpdateManagedLoginBranding', count: 1 });
    const results = await deploy(cfn, adopted);
    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[0].failure).toMatch(/^WebBranding.*InvalidParameterException/);
    expect(standIn.calls.slice(from).filter((c) => c.operation === 'DeleteManagedLoginBranding')).toEqual([]);
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toEqual(before);
    expectStateMatchesDeclaration(cfn, standIn, bare, { foreignStyles: [webClient] });
  });

  test('adopt a style made in the console, rolled back: no style of ours is left, and the console\'s is gone too (the take-over had already replaced it)', async () => {
    expect(statuses(await deploy(cfn, adopted, 'Styles'))).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, bare);
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeUndefined();
  });

  test('adopt a style made in the console: the declared style replaces it, the console\'s extra asset removed', async () => {
    await consoleStyle();
    expect(statuses(await deploy(cfn, adopted))).toEqual(['Styles UPDATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, adopted);
  });

  test.each([
    ['that needs the style recreated (an asset removed)', () => recreated],
    ['applied as a patch (a new color)', () => recolored],
  ])('a Settings document that Cognito refuses during an update %s (defect 5): nothing deleted, the previous style intact', async (_name, next) => {
    const before = standIn.snapshot().pools[poolId].styles[webClient];
    const from = standIn.calls.length;
    standIn.faults.inject({ kind: 'refuse-settings', operation: 'UpdateManagedLoginBranding', count: 1 });
    const results = await deploy(cfn, next());
    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[0].failure).toMatch(/^WebBranding.*InvalidParameterException/);
    expect(standIn.calls.slice(from).filter((c) => c.operation === 'DeleteManagedLoginBranding')).toEqual([]);
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toEqual(before);
    expectStateMatchesDeclaration(cfn, standIn, adopted);
  });
});
