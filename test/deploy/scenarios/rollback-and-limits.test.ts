import { AppSpec, AssetSpec, houseAssets, synthScenario } from './scenario-apps';
import { cognitoCalls, deploy, expectStateMatchesDeclaration, statuses, styleEvents } from './state-check';
import { BrandingCategory, BrandingColorMode } from '../../../src';
import { CloudFormationRunner, MAX_BRANDING_REQUEST_BYTES, ReplacementRollback, StandIn } from '../../../standin';

jest.setTimeout(60_000);

let standIn: StandIn;
beforeAll(async () => {
  standIn = await StandIn.start();
});
afterAll(async () => standIn?.stop());

/**
 * Defect 2: a rollback after an update that recreated or took over a style
 * must leave the client with its previously declared style, under both
 * readings of what CloudFormation does with a replaced custom resource on
 * rollback, and deploying the same template again must find nothing to fix.
 */
describe.each<ReplacementRollback>(['delete-new', 'update-back'])('rollback after a recreate or take-over (defect 2), replacement rollback %s', (reading) => {
  let cfn: CloudFormationRunner;
  const versions: { [name: string]: string } = {};
  const spec = (version: string, change: (s: AppSpec) => AppSpec = (s) => s): AppSpec => change({
    version,
    pools: [{ id: 'Pool', prefix: `scenario-rollback-${reading}`, managedLogin: true, clients: ['Web', 'Admin'] }],
    styles: [
      { id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: houseAssets() } },
      { id: 'AdminBranding', pool: 'Pool', client: 'Admin', look: { color: '#0972d3', assets: houseAssets({ logo: 'admin-1' }) } },
    ],
  });

  beforeAll(async () => {
    cfn = new CloudFormationRunner(standIn, { replacementRollback: reading });
    versions.v1 = synthScenario(spec('v1'));
    versions.recreate = synthScenario(spec('v2', (s) => ({ ...s, styles: s.styles!.map((x) => (x.id === 'WebBranding' ? { ...x, look: { assets: houseAssets({ dark: null }) } } : x)) })));
    versions.defaults = synthScenario(spec('v3', (s) => ({ ...s, styles: s.styles!.map((x) => (x.id === 'WebBranding' ? { ...x, look: { defaults: true } } : x)) })));
    versions.takeOver = synthScenario(spec('v4', (s) => ({ ...s, styles: s.styles!.map((x) => (x.id === 'WebBranding' ? { ...x, id: 'WebStyle' } : x)) })));
    versions.takeOverChanged = synthScenario(spec('v6', (s) => ({
      ...s,
      styles: s.styles!.map((x) => (x.id === 'WebBranding' ? { ...x, id: 'WebStyle', look: { color: '#037f0c', assets: houseAssets({ logo: 'logo-2', light: 'light-2' }) } } : x)),
    })));
    versions.replaced = synthScenario(spec('v5', (s) => ({
      ...s,
      pools: s.pools.map((p) => ({ ...p, clients: ['Web', 'Console'] })),
      styles: s.styles!.map((x) => (x.client === 'Admin' ? { ...x, client: 'Console' } : x)),
    })));
    expect(statuses(await deploy(cfn, versions.v1))).toEqual(['Styles CREATE_COMPLETE']);
  });

  test.each([
    ['an update that recreated the style (an asset removed)', 'recreate'],
    ['an update that recreated the style (switched to Cognito defaults)', 'defaults'],
    ['an update that took the style over (branding construct renamed)', 'takeOver'],
    // Issue 17, item 1.2: the old resource gets no event, so the new one's Delete must apply the old declaration again.
    ['an update that took the style over with other content (renamed, its logo, background and color changed)', 'takeOverChanged'],
    ['an update that replaced the resource (client construct renamed)', 'replaced'],
  ])('rollback after %s: the client has its previous style, and deploying it again changes nothing', async (_name, version) => {
    const results = await deploy(cfn, versions[version], 'Styles');
    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, versions.v1);
    const from = standIn.calls.length;
    const [again] = await deploy(cfn, versions.v1);
    expect(styleEvents(again.events)).toEqual([]);
    expect(standIn.calls.length).toBe(from);
    expectStateMatchesDeclaration(cfn, standIn, versions.v1);
  });
});

/**
 * Issue 17, item 1.2, for classic customizations: a renamed construct whose
 * CSS and logo change in the same deployment, rolled back, leaves the target
 * with the old declaration's CSS and logo, under both readings.
 */
describe.each<ReplacementRollback>(['delete-new', 'update-back'])('classic customization renamed with new content, rolled back (%s)', (reading) => {
  test('the target has the old CSS and logo again, and deploying the old template again changes nothing', async () => {
    const cfn = new CloudFormationRunner(standIn, { replacementRollback: reading });
    const spec = (version: string, id: string, css: string, logoTag: string): AppSpec => ({
      version,
      pools: [{ id: 'Pool', prefix: `scenario-classic-rename-${reading}`, managedLogin: false, clients: ['Web'] }],
      classic: [{ id, pool: 'Pool', client: 'Web', css, logoTag }],
    });
    const v1 = synthScenario(spec('v1', 'WebClassic', '.banner-customizable { background-color: #232f3e; }', 'classic-1'));
    const v2 = synthScenario(spec('v2', 'WebLook', '.banner-customizable { background-color: #037f0c; }', 'classic-2'));
    expect(statuses(await deploy(cfn, v1))).toEqual(['Styles CREATE_COMPLETE']);

    expect(statuses(await deploy(cfn, v2, 'Styles'))).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, v1);
    const from = standIn.calls.length;
    const [again] = await deploy(cfn, v1);
    expect(styleEvents(again.events)).toEqual([]);
    expect(standIn.calls.length).toBe(from);
  });
});

/**
 * Defect 3: a style larger than one 2,000,000-byte request deploys, split
 * over a create and updates that each stay within it. The stand-in refuses
 * any Create/Update body over MAX_BRANDING_REQUEST_BYTES, so the call log
 * shows the split.
 */
describe('styles larger than one request (defect 3)', () => {
  const MB = 1_000_000;
  const idpIcons = (tag: string): AssetSpec[] => Array.from({ length: 40 }, (_, i) => ({
    category: BrandingCategory.IDP_BUTTON_ICON, colorMode: BrandingColorMode.LIGHT, resourceId: `idp-${i}`, tag: `${tag}-${i}`, bytes: 100_000,
  }));
  const spec = (version: string, web: AssetSpec[], admin: AssetSpec[]): AppSpec => ({
    version,
    pools: [{ id: 'Pool', prefix: 'scenario-large', managedLogin: true, clients: ['Web', 'Admin'] }],
    styles: [
      { id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: web } },
      { id: 'AdminBranding', pool: 'Pool', client: 'Admin', look: { assets: admin } },
    ],
  });
  const twoMegabytes = (tag: string): AssetSpec[] => [
    { category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.LIGHT, tag: `${tag}-light`, bytes: MB },
    { category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.DARK, tag: `${tag}-dark`, bytes: MB },
  ];
  let cfn: CloudFormationRunner;

  beforeAll(() => {
    cfn = new CloudFormationRunner(standIn);
  });

  function expectSplit(from: number, minimum: number): void {
    const writes = standIn.calls.slice(from).filter((c) => ['CreateManagedLoginBranding', 'UpdateManagedLoginBranding'].includes(c.operation));
    expect(writes.length).toBeGreaterThanOrEqual(minimum);
    expect(writes.every((c) => c.outcome === 'ok')).toBe(true);
    expect(Math.max(...writes.map((c) => c.requestBytes))).toBeLessThanOrEqual(MAX_BRANDING_REQUEST_BYTES);
  }

  test('a style of two 1,000,000-byte assets, and one of 40 assets, deploy: every request at most 2,000,000 bytes', async () => {
    expect(MAX_BRANDING_REQUEST_BYTES).toBe(2_000_000);
    const v1 = synthScenario(spec('v1', twoMegabytes('a'), idpIcons('a')));
    const from = standIn.calls.length;
    expect(statuses(await deploy(cfn, v1))).toEqual(['Styles CREATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, v1);
    // Two 1,000,000-byte images are 2,666,668 bytes of base64: a create and an update each. 40 x 100,000 bytes: 5.3 MB, at least 3 requests.
    expectSplit(from, 2 + 3);
    expect(cognitoCalls(standIn, from, (c) => c.clientId !== undefined && c.operation === 'CreateManagedLoginBranding')).toEqual([
      'CreateManagedLoginBranding ok', 'CreateManagedLoginBranding ok',
    ]);

    // Changed and rolled back, then changed: each large style split again.
    const v2 = synthScenario(spec('v2', twoMegabytes('b'), idpIcons('b')));
    expect(statuses(await deploy(cfn, v2, 'Styles'))).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, v1);
    const next = standIn.calls.length;
    expect(statuses(await deploy(cfn, v2))).toEqual(['Styles UPDATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, v2);
    expectSplit(next, 2 + 3);
  });
});

/**
 * Also settle: when the last style on a pool leaves a stack that keeps
 * styles on another pool, the pool's permissions (a policy its styles
 * depend on) go in the same clean-up: the style's Delete must run first, and
 * the style must be gone.
 */
describe('the last style on a pool leaves a stack that keeps others', () => {
  test('the last style on a pool leaves a stack that keeps styles on another pool: deleted before its pool\'s policy', async () => {
    const cfn = new CloudFormationRunner(standIn);
    const spec = (version: string, withA: boolean): AppSpec => ({
      version,
      pools: [
        { id: 'PoolA', prefix: 'scenario-last-a', managedLogin: true, clients: ['Web'] },
        { id: 'PoolB', prefix: 'scenario-last-b', managedLogin: true, clients: ['Web', 'Admin'] },
      ],
      styles: [
        ...(withA ? [{ id: 'StyleA', pool: 'PoolA', client: 'Web', look: { assets: houseAssets() } }] : []),
        { id: 'StyleB1', pool: 'PoolB', client: 'Web', look: { color: '#0972d3' } },
        { id: 'StyleB2', pool: 'PoolB', client: 'Admin', look: { defaults: true } },
      ],
    });
    const v1 = synthScenario(spec('v1', true));
    const v2 = synthScenario(spec('v2', false));
    expect(statuses(await deploy(cfn, v1))).toEqual(['Styles CREATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, v1);
    const styleA = [...cfn.stack('Styles').resources.values()].find((r) => r.logicalId.startsWith('StyleA'))!;
    const policyA = Object.keys(cfn.stack('Styles').template.Resources).find((id) => id.includes('PolicyPoolA'));
    expect(policyA).toBeDefined();
    expect(Object.keys(readTemplateResources(v2))).not.toContain(policyA);

    const [result] = await deploy(cfn, v2);
    expect(result.status).toBe('UPDATE_COMPLETE');
    const order = result.events.map((e) => `${e.phase} ${e.requestType} ${e.logicalId} ${e.outcome}`);
    const styleDelete = order.indexOf(`cleanup Delete ${styleA.logicalId} SUCCESS`);
    const policyDelete = order.indexOf(`cleanup Delete ${policyA} SUCCESS`);
    expect(styleDelete).toBeGreaterThanOrEqual(0);
    expect(policyDelete).toBeGreaterThan(styleDelete);
    expect(standIn.snapshot().pools[styleA.properties.UserPoolId as string].styles).toEqual({});
    expectStateMatchesDeclaration(cfn, standIn, v2);
  });
});

function readTemplateResources(dir: string): { [id: string]: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`${dir}/Styles.template.json`) as { Resources: { [id: string]: unknown } }).Resources;
}
