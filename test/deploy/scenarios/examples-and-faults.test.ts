import { AppSpec, houseAssets, synthScenario } from './scenario-apps';
import { deploy, expectNothingOfOurs, expectStateMatchesDeclaration, poolIds, statuses } from './state-check';
import { CallRecord, CloudFormationRunner, StandIn, synthExample } from '../../../standin';
import { examplesOnThisCdk } from '../../util/compat';

jest.setTimeout(120_000);

/**
 * Every example deployed and deleted, and lifecycles under faults: every
 * write's response lost once (defect 4), random throttling and 5xx on every
 * call, 50 styles of one pool in one deployment under a per-pool limit of
 * concurrent writes.
 */

describe('every example', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await StandIn.start();
  });
  afterAll(async () => standIn?.stop());

  test.each(examplesOnThisCdk())('deploy the example %s: state equals the declaration; delete its stacks: nothing of ours left', async (_name, example) => {
    const dir = synthExample(example.createApp);
    const cfn = new CloudFormationRunner(standIn);
    const results = await deploy(cfn, dir);
    expect(results.every((r) => r.status === 'CREATE_COMPLETE')).toBe(true);
    expectStateMatchesDeclaration(cfn, standIn, dir);
    const pools = poolIds(cfn, dir);
    const destroyed = await cfn.destroyAssembly(dir);
    expect(destroyed.every((r) => r.status === 'DELETE_COMPLETE')).toBe(true);
    expectNothingOfOurs(standIn, pools);
  });
});

const LOSABLE = new Set(['CreateManagedLoginBranding', 'UpdateManagedLoginBranding', 'DeleteManagedLoginBranding', 'SetUICustomization', 'PutParameter', 'DeleteParameter']);

/**
 * The lost-response fault on every write's first attempt: each write
 * operation's calls alternate between applied-then-answered-500 and
 * answered, so every write is carried out, its answer lost, and the retry
 * meets the state it already made. The app's two stacks deploy one after
 * the other and each has one resource, so no two writes interleave.
 */
function loseEveryFirstWrite(standIn: StandIn): void {
  const faults = standIn.faults;
  const decide = faults.decide.bind(faults);
  const lostLast = new Map<string, boolean>();
  faults.decide = (target) => {
    const decision = decide(target);
    if (!LOSABLE.has(target.operation) || decision.error) {
      return decision;
    }
    const lose = !lostLast.get(target.operation);
    lostLast.set(target.operation, lose);
    return { ...decision, loseResponse: decision.loseResponse || lose };
  };
}

describe('a lost response on every write (defect 4)', () => {
  let standIn: StandIn;
  let cfn: CloudFormationRunner;
  const spec = (version: string, look: NonNullable<AppSpec['styles']>[number]['look'], css: string): AppSpec => ({
    version,
    stacks: ['Branding', 'Classic'],
    pools: [
      { id: 'Pool', prefix: 'scenario-lost', managedLogin: true, clients: ['Web'], stack: 'Branding' },
      { id: 'ClassicPool', prefix: 'scenario-lost-classic', managedLogin: false, clients: ['Web'], stack: 'Classic' },
    ],
    styles: [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look }],
    classic: [{ id: 'AllClients', pool: 'ClassicPool', css, logoTag: 'lost' }],
  });
  const versions = [
    ['create', spec('v1', { assets: houseAssets() }, '.banner-customizable { background-color: #000000; }')],
    ['change an image and the CSS', spec('v2', { assets: houseAssets({ logo: 'logo-2' }) }, '.banner-customizable { background-color: #111111; }')],
    ['remove an asset (the recreate path)', spec('v3', { assets: houseAssets({ logo: 'logo-2', dark: null }) }, '.banner-customizable { background-color: #111111; }')],
    ['switch to Cognito defaults', spec('v4', { defaults: true }, '.banner-customizable { background-color: #111111; }')],
    ['switch back to settings', spec('v5', { assets: houseAssets() }, '.banner-customizable { background-color: #111111; }')],
  ] as const;
  const dirs: string[] = [];

  beforeAll(async () => {
    standIn = await StandIn.start();
    cfn = new CloudFormationRunner(standIn);
    loseEveryFirstWrite(standIn);
    versions.forEach(([, s]) => dirs.push(synthScenario(s)));
  });
  afterAll(async () => standIn?.stop());

  test.each(versions.map(([name], i) => [name, i] as const))('a lost response on every write: %s', async (_name, i) => {
    const from = standIn.calls.length;
    const results = await deploy(cfn, dirs[i]);
    expect(results.map((r) => r.status)).toEqual(i === 0 ? ['CREATE_COMPLETE', 'CREATE_COMPLETE'] : ['UPDATE_COMPLETE', 'UPDATE_COMPLETE']);
    expectStateMatchesDeclaration(cfn, standIn, dirs[i]);
    const lost = standIn.calls.slice(from).filter((c) => c.fault === 'lost-response');
    expect(lost.length).toBeGreaterThan(0);
    if (i === 2) {
      // Defect 4: the recreate's create was carried out, its answer lost; the retry met ManagedLoginBrandingExists and converged.
      expect(standIn.calls.slice(from).filter((c) => c.operation === 'CreateManagedLoginBranding').map((c) => c.fault ?? c.outcome))
        .toEqual(['lost-response', 'ManagedLoginBrandingExistsException']);
    }
  });

  test('a lost response on every write: delete the stacks', async () => {
    const pools = poolIds(cfn, dirs[dirs.length - 1]);
    const results = await cfn.destroyAssembly(dirs[dirs.length - 1]);
    expect(results.map((r) => r.status)).toEqual(['DELETE_COMPLETE', 'DELETE_COMPLETE']);
    expectNothingOfOurs(standIn, pools);
    // Every kind of write lost its answer at least once over the lifecycle, the recreate's create among them.
    expect([...new Set(standIn.calls.filter((c) => c.fault === 'lost-response').map((c) => c.operation))].sort()).toEqual([...LOSABLE].sort());
  });
});

describe('throttling and 5xx on every call', () => {
  test('30 % throttling plus 5xx on every call (seeded): create, change an image, remove an asset, delete', async () => {
    const standIn = await StandIn.start({ seed: 7 });
    try {
      const cfn = new CloudFormationRunner(standIn);
      const spec = (version: string, tags: Parameters<typeof houseAssets>[0]): AppSpec => ({
        version,
        pools: [{ id: 'Pool', prefix: 'scenario-flaky', managedLogin: true, clients: ['Web', 'Admin'] }, { id: 'ClassicPool', prefix: 'scenario-flaky-classic', managedLogin: false, clients: [] }],
        styles: [
          { id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: houseAssets(tags) } },
          { id: 'AdminBranding', pool: 'Pool', client: 'Admin', look: { defaults: true } },
        ],
        classic: [{ id: 'AllClients', pool: 'ClassicPool', css: '.banner-customizable { background-color: #000000; }', logoTag: tags?.logo ?? 'c' }],
      });
      const dirs = [spec('v1', {}), spec('v2', { logo: 'logo-2' }), spec('v3', { logo: 'logo-2', dark: null })].map(synthScenario);
      standIn.faults.inject({ kind: 'throttle', rate: 0.3 });
      standIn.faults.inject({ kind: 'internal-error', rate: 0.1 });
      // The seeded draws fall on calls in the order concurrent resources make them, which varies from run to run;
      // one throttled call of each service is made certain, so that every service's throttling is proven ridden out.
      for (const operation of ['CreateManagedLoginBranding', 'GetParameter', 'GetObject']) {
        standIn.faults.inject({ kind: 'throttle', operation, count: 1 });
      }
      for (const dir of dirs) {
        const results = await deploy(cfn, dir);
        expect(results.map((r) => r.status)).toEqual([dir === dirs[0] ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE']);
        expectStateMatchesDeclaration(cfn, standIn, dir);
      }
      const pools = poolIds(cfn, dirs[2]);
      expect(statuses(await cfn.destroyAssembly(dirs[2]))).toEqual(['Styles DELETE_COMPLETE']);
      expectNothingOfOurs(standIn, pools);
      const faulted = (kind: CallRecord['fault']) => standIn.calls.filter((c) => c.fault === kind).map((c) => c.service);
      expect(new Set(faulted('throttle'))).toEqual(new Set(['cognito-idp', 'ssm', 's3']));
      expect(faulted('internal-error').length).toBeGreaterThan(0);
    } finally {
      await standIn.stop();
    }
  });
});

describe('50 clients of one pool', () => {
  test('50 clients of one pool styled in one deployment, at most 4 concurrent writes per pool: all styled; then deleted', async () => {
    const standIn = await StandIn.start();
    try {
      const cfn = new CloudFormationRunner(standIn);
      const clients = Array.from({ length: 50 }, (_, i) => `Client${i}`);
      const dir = synthScenario({
        version: 'v1',
        pools: [{ id: 'Pool', prefix: 'scenario-fifty', managedLogin: true, clients }],
        styles: clients.map((client, i) => ({
          id: `${client}Branding`, pool: 'Pool', client, look: i % 5 === 0 ? { defaults: true } : { color: '#0972d3', assets: houseAssets({ logo: `logo-${i % 3}` }) },
        })),
      });
      // Each write takes 300 ms, so the 50 handlers' writes overlap and the limit refuses some. (At 30 ms they did
      // not always: each create reads the client and writes its record first, and the handlers' processes start
      // one by one, which spreads the writes out.)
      standIn.faults.limitConcurrentWrites(4);
      standIn.faults.inject({ kind: 'slow', operation: ['CreateManagedLoginBranding', 'DeleteManagedLoginBranding'], delayMs: 300 });
      expect(statuses(await deploy(cfn, dir))).toEqual(['Styles CREATE_COMPLETE']);
      expectStateMatchesDeclaration(cfn, standIn, dir);
      expect(standIn.calls.filter((c) => c.fault === 'throttle').length).toBeGreaterThan(0);
      const pools = poolIds(cfn, dir);
      expect(statuses(await cfn.destroyAssembly(dir))).toEqual(['Styles DELETE_COMPLETE']);
      expectNothingOfOurs(standIn, pools);
    } finally {
      await standIn.stop();
    }
  });
});
