import { AppSpec, houseAssets, synthScenario } from './scenario-apps';
import { cognitoCalls, deploy, expectNothingOfOurs, expectStateMatchesDeclaration, poolIds, statuses, styleEvents } from './state-check';
import { CloudFormationRunner, StandIn } from '../../../standin';

/**
 * One app changed step by step through CloudFormation's lifecycle against
 * the stand-in, each change first rolled back (a failure injected into
 * AfterStyles, which CloudFormation orders after the styles: the stand-in
 * must then hold the previous declaration), then applied (it must hold the
 * new one). The tests run in order and share one deployment.
 *
 * The app: a managed login pool with clients Web (a custom style) and Admin
 * (Cognito's defaults), and a classic pool with a CSS and logo for ALL and a
 * CSS of its own for its Partner client.
 */
const CSS_ALL = '.banner-customizable { background-color: #232f3e; }';
const CSS_PARTNER = '.submitButton-customizable { background-color: #0972d3; }';

const base: AppSpec = {
  version: 'v1',
  pools: [
    { id: 'Pool', prefix: 'scenario-changes', managedLogin: true, clients: ['Web', 'Admin'] },
    { id: 'ClassicPool', prefix: 'scenario-classic', managedLogin: false, clients: ['Partner'] },
  ],
  styles: [
    { id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: houseAssets() } },
    { id: 'AdminBranding', pool: 'Pool', client: 'Admin', look: { defaults: true } },
  ],
  classic: [
    { id: 'AllClients', pool: 'ClassicPool', css: CSS_ALL, logoTag: 'classic-1' },
    { id: 'PartnerClassic', pool: 'ClassicPool', client: 'Partner', css: CSS_PARTNER, logoTag: 'classic-1' },
  ],
};

type Change = (spec: AppSpec) => AppSpec;
const restyle = (id: string, look: AppSpec['styles'] extends readonly (infer S)[] | undefined ? Partial<S> : never): Change =>
  (spec) => ({ ...spec, styles: spec.styles!.map((s) => (s.id === id ? { ...s, ...look } : s)) });

/** Each step changes the previous version; its name is the scenario's. */
const STEPS: readonly [string, Change][] = [
  ['change an image', restyle('WebBranding', { look: { assets: houseAssets({ logo: 'logo-2' }) } })],
  ['remove an asset', restyle('WebBranding', { look: { assets: houseAssets({ logo: 'logo-2', dark: null }) } })],
  ['switch a style from Cognito defaults to settings', restyle('AdminBranding', { look: { color: '#0972d3', assets: houseAssets({ logo: 'admin-1' }) } })],
  ['switch a style from settings to Cognito defaults', restyle('AdminBranding', { look: { defaults: true } })],
  ['rename a client construct', (spec) => ({
    ...spec,
    pools: spec.pools.map((p) => (p.id === 'Pool' ? { ...p, clients: ['Web', 'Console'] } : p)),
    styles: spec.styles!.map((s) => (s.client === 'Admin' ? { ...s, client: 'Console' } : s)),
  })],
  ['rename a branding construct', restyle('WebBranding', { id: 'WebStyle' })],
  ['rename a classic construct (defect 1)', (spec) => ({ ...spec, classic: spec.classic!.map((c) => (c.id === 'AllClients' ? { ...c, id: 'EveryClient' } : c)) })],
];

let standIn: StandIn;
let cfn: CloudFormationRunner;
const versions: string[] = [];

beforeAll(async () => {
  standIn = await StandIn.start();
  cfn = new CloudFormationRunner(standIn);
  let spec = base;
  versions.push(synthScenario(spec));
  for (const [, change] of STEPS) {
    spec = { ...change(spec), version: `v${versions.length + 1}` };
    versions.push(synthScenario(spec));
  }
});

afterAll(async () => standIn.stop());

test('create: every style and classic customization as declared, one claim each', async () => {
  const from = standIn.calls.length;
  expect(statuses(await deploy(cfn, versions[0]))).toEqual(['Styles CREATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, versions[0]);
  // A custom style: one create carrying settings and the three images; the defaults: one create with the flag.
  // Each create first reads what a failure would have to put back (issue 17, item 1.1).
  expect(cognitoCalls(standIn, from).sort()).toEqual([
    'CreateManagedLoginBranding ok', 'CreateManagedLoginBranding ok',
    'DescribeManagedLoginBrandingByClient ResourceNotFoundException', 'DescribeManagedLoginBrandingByClient ResourceNotFoundException',
    'GetUICustomization ok', 'GetUICustomization ok',
    'SetUICustomization ok', 'SetUICustomization ok',
  ]);
});

test('no-op update: the same template again sends no event and no call', async () => {
  const from = standIn.calls.length;
  const [result] = await deploy(cfn, versions[0]);
  expect(result.status).toBe('UPDATE_COMPLETE');
  expect(styleEvents(result.events)).toEqual([]);
  expect(standIn.calls.slice(from)).toEqual([]);
  expectStateMatchesDeclaration(cfn, standIn, versions[0]);
});

STEPS.forEach(([name], i) => {
  test(`${name}, rolled back: the previous declaration is what Cognito holds`, async () => {
    const results = await deploy(cfn, versions[i + 1], 'Styles');
    expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
    expect(results[0].failure).toBe('AfterStyles: Injected failure');
    expectStateMatchesDeclaration(cfn, standIn, versions[i]);
  });

  test(name, async () => {
    const from = standIn.calls.length;
    const results = await deploy(cfn, versions[i + 1]);
    expect(statuses(results)).toEqual(['Styles UPDATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, versions[i + 1]);
    if (i === 0) {
      // One image changed: one read of the live style, one patch carrying the settings and the three images.
      expect(cognitoCalls(standIn, from)).toEqual(['DescribeManagedLoginBrandingByClient ok', 'UpdateManagedLoginBranding ok']);
    }
  });
});

test('delete the stack: nothing of ours is left', async () => {
  const pools = poolIds(cfn, versions[versions.length - 1]);
  const from = standIn.calls.length;
  const [result] = await cfn.destroyAssembly(versions[versions.length - 1]);
  expect(result.status).toBe('DELETE_COMPLETE');
  expectNothingOfOurs(standIn, pools);
  expect(cognitoCalls(standIn, from).sort()).toEqual([
    'DeleteManagedLoginBranding ok', 'DeleteManagedLoginBranding ok',
    'DescribeManagedLoginBrandingByClient ok', 'DescribeManagedLoginBrandingByClient ok',
    'SetUICustomization ok', 'SetUICustomization ok',
  ]);
});
