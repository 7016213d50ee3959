import { AppSpec, AssetSpec, houseAssets, putConsoleStyle, synthScenario } from './scenario-apps';
import { deploy, expectStateMatchesDeclaration, statuses } from './state-check';
import { BrandingCategory, BrandingColorMode } from '../../../src';
import { CLAIM_PARAMETER_ROOT } from '../../../src/private/custom-resource-contract';
import { CloudFormationRunner, StandIn } from '../../../standin';

jest.setTimeout(60_000);

/**
 * Issue 17, item 1.1: a Create that fails leaves no trace. aws-cdk-lib's
 * entrypoint answers a failed Create with the physical id
 * AWSCDK::CustomResourceProviderFramework::CREATE_FAILED and answers the
 * rollback's Delete of it itself, without calling the handler, so nothing
 * but the failing Create can remove what it wrote. Each scenario makes one
 * step of a Create fail and checks, after CloudFormation's rollback, that
 * Cognito and SSM hold exactly what they held before.
 */

let standIn: StandIn;
beforeAll(async () => {
  standIn = await StandIn.start();
});
afterAll(async () => standIn?.stop());
afterEach(() => standIn.faults.clear());

const MB = 1_000_000;
const twoMegabytes: AssetSpec[] = [
  { category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.LIGHT, tag: 'big-light', bytes: MB },
  { category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.DARK, tag: 'big-dark', bytes: MB },
];

/** An app whose Keep client always has a style (so the stack keeps its handler) and whose Web client may get one. */
function spec(prefix: string, version: string, web?: Partial<Pick<AppSpec, 'styles' | 'classic'>>): AppSpec {
  return {
    version,
    pools: [{ id: 'Pool', prefix, managedLogin: true, clients: ['Web', 'Keep'] }],
    styles: [{ id: 'KeepBranding', pool: 'Pool', client: 'Keep', look: { defaults: true } }, ...web?.styles ?? []],
    classic: web?.classic,
  };
}

/** Deploys the bare app and returns the pool's and the Web client's ids. */
async function deployBare(cfn: CloudFormationRunner, dir: string): Promise<{ poolId: string; webClient: string }> {
  expect(statuses(await deploy(cfn, dir))).toEqual(['Styles CREATE_COMPLETE']);
  const resources = [...cfn.stack('Styles').resources.values()];
  return {
    poolId: resources.find((r) => r.type === 'AWS::Cognito::UserPool')!.physicalId,
    webClient: resources.find((r) => r.type === 'AWS::Cognito::UserPoolClient' && r.logicalId.startsWith('PoolWeb'))!.physicalId,
  };
}

function claimsOf(poolId: string): string[] {
  return Object.keys(standIn.snapshot().parameters).filter((name) => name.startsWith(`${CLAIM_PARAMETER_ROOT}/${poolId}/`)).sort();
}

describe('a Create that fails after its first write leaves nothing behind', () => {
  test('a style whose second 2,000,000-byte request is refused: the half-made style is removed before FAILED', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const bare = synthScenario(spec('scenario-failed-split', 'v1'));
    const { poolId, webClient } = await deployBare(cfn, bare);
    const before = standIn.snapshot().pools[poolId];
    const withWeb = synthScenario(spec('scenario-failed-split', 'v2', { styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: twoMegabytes } }] }));

    // The create carries the Settings and one image; the update that adds the second is refused.
    standIn.faults.inject({ kind: 'refuse', operation: 'UpdateManagedLoginBranding', count: 1 });
    const results = await deploy(cfn, withWeb);

    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[0].failure).toMatch(/^WebBranding.*UpdateManagedLoginBranding failed: InvalidParameterException/);

    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeUndefined();
    expect(standIn.snapshot().pools[poolId].styles).toEqual(before.styles);
    expectStateMatchesDeclaration(cfn, standIn, bare);
  });

  test('a style whose ownership record cannot be written: nothing reaches Cognito', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const bare = synthScenario(spec('scenario-failed-claim', 'v1'));
    const { poolId, webClient } = await deployBare(cfn, bare);
    const withWeb = synthScenario(spec('scenario-failed-claim', 'v2', { styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: houseAssets() } }] }));
    const from = standIn.calls.length;

    standIn.faults.inject({ kind: 'refuse', operation: 'PutParameter', count: 1 });
    const results = await deploy(cfn, withWeb);

    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[0].failure).toMatch(/^WebBranding.*PutParameter failed: ParameterLimitExceeded/);
    const writes = standIn.calls.slice(from).filter((c) => c.clientId === webClient && ['CreateManagedLoginBranding', 'UpdateManagedLoginBranding'].includes(c.operation));
    expect(writes).toEqual([]);
    expect(standIn.snapshot().pools[poolId].styles[webClient]).toBeUndefined();
    expectStateMatchesDeclaration(cfn, standIn, bare);
  });

  test('a classic customization of ALL whose call landed but answered an error: cleared again before FAILED', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const bare = {
      ...spec('scenario-failed-classic', 'v1'),
      pools: [{ id: 'Pool', prefix: 'scenario-failed-classic', managedLogin: false, clients: ['Web', 'Keep'] }],
      styles: [],
      classic: [{ id: 'KeepClassic', pool: 'Pool', client: 'Keep', css: '.banner-customizable { background-color: #232f3e; }' }],
    };
    const bareDir = synthScenario(bare);
    const { poolId } = await deployBare(cfn, bareDir);
    const withAll = synthScenario({ ...bare, version: 'v2', classic: [...bare.classic, { id: 'AllClassic', pool: 'Pool', css: '.submitButton-customizable { background-color: #0972d3; }', logoTag: 'all' }] });

    // The set is carried out but its answer is lost; the retry is refused: the handler cannot tell whether it landed.
    standIn.faults.inject({ kind: 'lost-response', operation: 'SetUICustomization', count: 1 });
    standIn.faults.inject({ kind: 'refuse', operation: 'SetUICustomization', after: 1, count: 1 });
    const results = await deploy(cfn, withAll);

    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[0].failure).toMatch(/^AllClassic.*SetUICustomization failed: InvalidParameterException/);
    expect(standIn.snapshot().pools[poolId].classic.ALL).toBeUndefined();
    expectStateMatchesDeclaration(cfn, standIn, bareDir);
  });

  test('a console style taken over and recreated by a Create that then fails: the console style comes back, settings and every asset', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const bare = synthScenario(spec('scenario-failed-adopt', 'v1'));
    const { poolId, webClient } = await deployBare(cfn, bare);
    // Its form logo is a slot the declaration lacks: the take-over must delete and recreate the style.
    const consoleStyle = await putConsoleStyle(standIn, poolId, webClient, 'DARK');
    const withWeb = synthScenario(spec('scenario-failed-adopt', 'v2', { styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: twoMegabytes } }] }));
    const from = standIn.calls.length;

    // The two-request validation patch passes, the console style is deleted, the
    // create that replaces it is made, and the update that completes it is refused.
    standIn.faults.inject({ kind: 'refuse', operation: 'UpdateManagedLoginBranding', after: 2, count: 1 });
    const results = await deploy(cfn, withWeb);

    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    const ops = standIn.calls.slice(from).filter((c) => c.clientId === webClient || c.operation === 'DeleteManagedLoginBranding').map((c) => `${c.operation} ${c.outcome}`);
    expect(ops).toContain('DeleteManagedLoginBranding ok');
    const { id: _old, ...consoleLook } = consoleStyle;
    const { id: _new, ...restored } = standIn.snapshot().pools[poolId].styles[webClient];
    expect(restored).toEqual(consoleLook);
    expect(claimsOf(poolId).filter((name) => name.endsWith(`/branding/${webClient}`))).toEqual([]);
    expectStateMatchesDeclaration(cfn, standIn, bare, { foreignStyles: [webClient] });
  });
});

describe('a Create that fails on a new stack', () => {
  test('a style refused half-way in a stack\'s first deployment: after ROLLBACK_COMPLETE no record of the pool is left', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const dir = synthScenario(spec('scenario-failed-new', 'v1', { styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: twoMegabytes } }] }));
    const parametersBefore = Object.keys(standIn.snapshot().parameters).length;
    standIn.faults.inject({ kind: 'refuse', operation: 'UpdateManagedLoginBranding', count: 1 });

    const results = await deploy(cfn, dir);

    expect(statuses(results)).toEqual(['Styles ROLLBACK_COMPLETE']);
    expect(Object.keys(standIn.snapshot().parameters)).toHaveLength(parametersBefore);
  });
});
