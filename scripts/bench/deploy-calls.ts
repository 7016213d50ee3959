/**
 * Question 4: Cognito and S3 calls per lifecycle event, and wall time of a
 * simulated deployment as clients grow, from the project's Cognito stand-in
 * and CloudFormation lifecycle runner (standin/): the bundled handler runs
 * as shipped, against a stand-in that answers the real SDK over HTTP.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ourBranding } from './alternatives';
import { BrandingImages, brandingImages, newStack, synth } from './fixtures';
import { Table, verdict } from './report';
import { median, ms } from './stats';
import { CognitoLogin, LoginDomain, LoginPages } from '../../src';
import { CallRecord, CloudFormationRunner, isWrite, StackResult, StandIn } from '../../standin';

/** The stand-in and runner (standin/), in one value so the measuring functions take them as before. */
interface DeployModules {
  readonly StandIn: typeof StandIn;
  readonly CloudFormationRunner: typeof CloudFormationRunner;
}
const DEPLOY_MODULES: DeployModules = { StandIn, CloudFormationRunner };

const STACK = 'Bench';
const THROTTLE_RATE = 0.3;

/**
 * A branded login of `clients` clients, synthesized; returns the assembly
 * folder. Without the CDK's BootstrapVersion rule, which the runner does not
 * resolve yet and which has nothing to do with Cognito.
 */
function brandedLogin(clients: number, images: BrandingImages, callbackHost = 'app'): string {
  const stack = newStack(STACK, false);
  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-bench'),
    userPoolProps: { removalPolicy: RemovalPolicy.DESTROY },
    pages: LoginPages.managedLogin({ branding: ourBranding(images) }),
  });
  for (let i = 0; i < clients; i++) {
    login.addClient(`Web${i}`, { callbackUrls: [`https://${callbackHost}${i}.example.com/callback`], scopes: [cognito.OAuthScope.OPENID] });
  }
  return synth(stack).directory;
}

/** Calls the stand-in answered, by kind. */
export interface Calls {
  readonly cognitoReads: number;
  readonly cognitoWrites: number;
  readonly s3: number;
  readonly ssm: number;
  readonly throttled: number;
}

export const total = (c: Calls) => c.cognitoReads + c.cognitoWrites + c.s3 + c.ssm;

export function count(calls: readonly CallRecord[]): Calls {
  const cognitoCalls = calls.filter((c) => c.service === 'cognito-idp');
  return {
    cognitoReads: cognitoCalls.filter((c) => !isWrite(c.operation)).length,
    cognitoWrites: cognitoCalls.filter((c) => isWrite(c.operation)).length,
    s3: calls.filter((c) => c.service === 's3').length,
    ssm: calls.filter((c) => c.service === 'ssm').length,
    throttled: calls.filter((c) => c.fault === 'throttle').length,
  };
}

function expectStatus(result: StackResult, status: string): void {
  if (result.status !== status) {
    throw new Error(`expected ${status}, got ${result.status}: ${result.failure ?? ''}`);
  }
}

/** Calls of one operation on a runner and stand-in. */
async function callsOf(standIn: StandIn, op: () => Promise<StackResult>, status: string)
  : Promise<{ calls: Calls; result: StackResult }> {
  const first = standIn.calls.length;
  const result = await op();
  expectStatus(result, status);
  return { calls: count(standIn.calls.slice(first)), result };
}

const LIFECYCLE_CLIENTS = 3;

/** Calls per lifecycle event for a login of LIFECYCLE_CLIENTS branded clients. */
async function lifecycleRows(m: DeployModules): Promise<{ rows: string[][]; noOpWrites: number }> {
  const images = brandingImages(1, 11);
  const v1 = brandedLogin(LIFECYCLE_CLIENTS, images);
  const v1again = brandedLogin(LIFECYCLE_CLIENTS, images);
  const otherUrls = brandedLogin(LIFECYCLE_CLIENTS, images, 'portal');
  const v2 = brandedLogin(LIFECYCLE_CLIENTS, { ...images, logo: brandingImages(1, 12).logo });

  const standIn = await m.StandIn.start({ seed: 1 });
  try {
    const runner = new m.CloudFormationRunner(standIn);
    const rows: string[][] = [];
    const row = (event: string, calls: Calls, handlerEvents: string) => rows.push([event, handlerEvents,
      String(calls.cognitoReads), String(calls.cognitoWrites), String(calls.s3), String(calls.ssm)]);
    /** "3 Update, 1 Delete (cleanup)": the events the handler was sent. */
    const handlerEvents = (r: StackResult) => {
      const by = new Map<string, number>();
      for (const e of r.events.filter((x) => x.custom)) {
        const key = `${e.requestType}${e.phase === 'deploy' || e.phase === 'delete' ? '' : ` (${e.phase})`}`;
        by.set(key, (by.get(key) ?? 0) + 1);
      }
      return [...by].map(([k, v]) => `${v} ${k}`).join(', ') || 'none';
    };

    const create = await callsOf(standIn, () => runner.deploy(v1, STACK), 'CREATE_COMPLETE');
    row('Create', create.calls, handlerEvents(create.result));
    const same = await callsOf(standIn, () => runner.deploy(v1again, STACK), 'UPDATE_COMPLETE');
    row('no-op Update (the same app re-synthesized)', same.calls, handlerEvents(same.result));
    const urls = await callsOf(standIn, () => runner.deploy(otherUrls, STACK), 'UPDATE_COMPLETE');
    row('Update that changes no style (every client\'s callback URL)', urls.calls, handlerEvents(urls.result));
    const image = await callsOf(standIn, () => runner.deploy(v2, STACK), 'UPDATE_COMPLETE');
    row('one-image change (the logo, shared by every style)', image.calls, handlerEvents(image.result));

    // Rollback: the logo back to v1 while one style's Update fails; split the calls at the first rollback event.
    const template = JSON.parse(readFileSync(path.join(v1, `${STACK}.template.json`), 'utf8')) as { Resources: Record<string, unknown> };
    const failing = Object.keys(template.Resources).find((id) => id.startsWith('LoginWeb0Branding'))!;
    const startCalls = standIn.calls.length;
    let deployPhaseEnd = startCalls;
    const push = runner.events.push.bind(runner.events);
    runner.events.push = (...events) => {
      if (events.some((e) => e.phase === 'deploy')) deployPhaseEnd = standIn.calls.length;
      return push(...events);
    };
    const rollback = await runner.deploy(otherUrls, STACK, { failResource: failing });
    runner.events.push = push;
    expectStatus(rollback, 'UPDATE_ROLLBACK_COMPLETE');
    row('one-image change that fails: its deploy phase', count(standIn.calls.slice(startCalls, deployPhaseEnd)),
      handlerEvents({ ...rollback, events: rollback.events.filter((e) => e.phase === 'deploy') }));
    row('... and its rollback', count(standIn.calls.slice(deployPhaseEnd)),
      handlerEvents({ ...rollback, events: rollback.events.filter((e) => e.phase !== 'deploy') }));

    const del = await callsOf(standIn, () => runner.deleteStack(STACK), 'DELETE_COMPLETE');
    row('Delete', del.calls, handlerEvents(del.result));
    return { rows, noOpWrites: same.calls.cognitoWrites + urls.calls.cognitoWrites };
  } finally {
    await standIn.stop();
  }
}

/** Wall time and calls of creating a login of `clients` branded clients, with or without throttling. */
async function simulatedCreate(m: DeployModules, assembly: string, throttle: boolean): Promise<{ ms: number; calls: Calls }> {
  const standIn = await m.StandIn.start({ seed: 7 });
  try {
    if (throttle) standIn.faults.inject({ kind: 'throttle', rate: THROTTLE_RATE });
    const runner = new m.CloudFormationRunner(standIn);
    const start = process.hrtime.bigint();
    const result = await runner.deploy(assembly, STACK);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    expectStatus(result, 'CREATE_COMPLETE');
    return { ms: elapsed, calls: count(standIn.calls) };
  } finally {
    await standIn.stop();
  }
}

const TITLE_4A = '4a. Deploy calls per lifecycle event';
const TITLE_4B = '4b. Simulated deployment time as clients grow';

/** Tables 4a and 4b; marked PENDING, with the reason, when the runner cannot be used. */
export async function deployTables(clientCounts: number[], runs: number): Promise<Table[]> {
  const modules = DEPLOY_MODULES;
  try {
    return await measuredDeployTables(modules, clientCounts, runs);
  } catch (error) {
    return pending(`the runner failed: ${(error as Error).message.split('\n')[0]}`);
  }
}

function pending(reason: string): Table[] {
  const table = (title: string): Table => ({
    title: `${title} (PENDING)`,
    method: `PENDING: needs the Cognito stand-in and CloudFormation lifecycle runner of standin/; ${reason}.`,
    header: ['status'],
    rows: [['pending']],
    notes: [`Targets "zero writes on a no-op update" and "deploy calls and time linear in clients": not yet measured (${reason}).`],
  });
  return [table(TITLE_4A), table(TITLE_4B)];
}

async function measuredDeployTables(m: DeployModules, clientCounts: number[], runs: number): Promise<Table[]> {
  const { rows: lifecycle, noOpWrites } = await lifecycleRows(m);
  const images = brandingImages(1, 21);
  const scale: string[][] = [];
  const points: { n: number; plain: number; throttled: number; calls: number }[] = [];
  for (const n of clientCounts) {
    const assembly = brandedLogin(n, images);
    const plainRuns: number[] = [];
    const throttledRuns: number[] = [];
    let calls: Calls | undefined;
    let throttledCalls: Calls | undefined;
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first.
      const order = i % 2 === 0 ? [false, true] : [true, false];
      for (const throttle of order) {
        const r = await simulatedCreate(m, assembly, throttle);
        (throttle ? throttledRuns : plainRuns).push(r.ms);
        if (throttle) throttledCalls = r.calls; else calls = r.calls;
      }
    }
    points.push({ n, plain: median(plainRuns), throttled: median(throttledRuns), calls: total(calls!) });
    scale.push([String(n), `${total(calls!)} (${(total(calls!) / n).toFixed(1)}/client)`, ms(median(plainRuns)),
      `${total(throttledCalls!)} (${throttledCalls!.throttled} throttled)`, ms(median(throttledRuns)),
      `${(median(throttledRuns) / median(plainRuns)).toFixed(2)}x`]);
  }
  const first = points[0];
  const last = points[points.length - 1];
  const span = last.n - first.n;
  const per = (a: number, b: number) => (b - a) / span;
  scale.push([`per client (${first.n} to ${last.n})`, `+${per(first.calls, last.calls).toFixed(1)}`, `+${ms(per(first.plain, last.plain))}`,
    '', `+${ms(per(first.throttled, last.throttled))}`, '']);
  // Linear: every added client adds the same calls, and no segment's time per added client is more than twice the
  // average over the whole range (a first segment cheaper than the rest, where concurrency hides the fixed costs, is fine).
  const slopes = (value: (p: typeof first) => number) => points.slice(1).map((p, k) => (value(p) - value(points[k])) / (p.n - points[k].n));
  const callSlopes = slopes((p) => p.calls);
  const callsLinear = callSlopes.every((c) => Math.abs(c - callSlopes[0]) < 0.01);
  const notSuperlinear = (value: (p: typeof first) => number) => slopes(value).every((t) => t <= 2 * per(value(first), value(last)) + 1);
  const timeLinear = notSuperlinear((p) => p.plain) && notSuperlinear((p) => p.throttled);
  return [
    {
      title: TITLE_4A,
      method: `A CognitoLogin of ${LIFECYCLE_CLIENTS} clients sharing one branding (settings and the three images of table 1), `
        + 'deployed by the CloudFormation lifecycle runner of standin/ against the Cognito and S3 stand-in; the bundled '
        + 'handler runs as shipped. Calls are the requests the stand-in answered during each operation.',
      header: ['event', 'handler events', 'Cognito reads', 'Cognito writes', 'S3 calls', 'SSM calls'],
      rows: lifecycle,
      notes: [verdict(noOpWrites === 0, 'zero writes on a no-op update', `${noOpWrites} Cognito writes`)],
    },
    {
      title: TITLE_4B,
      method: `Create of a CognitoLogin with N branded clients through the runner and stand-in, median of ${runs} runs `
        + `each way, without and with ${THROTTLE_RATE * 100} % of calls throttled (TooManyRequestsException / SlowDown, `
        + 'seeded), the two alternating. Wall time includes the simulated Lambda cold start and the handler\'s real backoff.',
      header: ['clients', 'calls', 'wall time', 'calls with throttling', 'wall time with throttling', 'throttled / not'],
      rows: scale,
      notes: [
        verdict(callsLinear && timeLinear, 'deploy calls and time linear in clients',
          `calls per added client ${callSlopes.map((c) => c.toFixed(1)).join(', ')}; time per added client, segment by `
          + `segment: ${slopes((p) => p.plain).map((t) => ms(t)).join(', ')} (throttled: `
          + `${slopes((p) => p.throttled).map((t) => ms(t)).join(', ')}); linear here means no segment costs more than twice `
          + 'the average per client of the whole range'),
      ],
    },
  ];
}
