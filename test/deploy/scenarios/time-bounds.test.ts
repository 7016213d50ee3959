import { AppSpec, AssetSpec, houseAssets, synthScenario } from './scenario-apps';
import { deploy, expectStateMatchesDeclaration, statuses } from './state-check';
import { CloudFormationRunner, StandIn } from '../../../standin';
import { resourcesOfType } from '../lifecycle-fixture';

/** How far the fake clock moves at a time: the resolution of every time measured here. */
const CLOCK_STEP_MS = 25;

jest.setTimeout(120_000);

/** The Lambda timeout of the in-flight scenario: 35 s of budget after the handler's 10 s safety margin. */
const IN_FLIGHT_TIMEOUT_S = 45;

/**
 * Also settle: retries bounded by the Lambda's remaining time, not by a
 * count (the old policy gave up after 8 attempts, about 24 s), a
 * per-attempt HTTP timeout (one hung request must not spend the budget), and
 * no write still in flight when the handler answers (it would land after the
 * rollback).
 *
 * These need minutes of clock, so the clock is jest's fake one: Date and
 * setTimeout are faked in the test's global, which the simulated Lambda
 * (bundle and entrypoint), the AWS SDK's request timeouts, the handler's
 * backoff and deadline, and the stand-in's slow answers all use; real I/O
 * (sockets, setImmediate, nextTick) is not faked. `withClock` advances the
 * clock in 25 ms steps, yielding to real I/O between steps, until the
 * deployment ends: a 60 s burst plays in a few real seconds.
 */

/** Web's images, or false for no style on Web. */
const spec = (version: string, timeoutSeconds?: number, web: AssetSpec[] | false = houseAssets()): AppSpec => ({
  version,
  pools: [{ id: 'Pool', prefix: `scenario-time-${version.replace(/\d+$/, '')}`, managedLogin: true, clients: ['Web', 'Keep'] }],
  // Keep's style (Cognito's defaults) gives the stack its handler before Web's style is added.
  styles: [
    { id: 'KeepBranding', pool: 'Pool', client: 'Keep', look: { defaults: true } },
    ...(web ? [{ id: 'WebBranding', pool: 'Pool', client: 'Web', look: { assets: web } }] : []),
  ],
  mutate: (stack) => {
    if (timeoutSeconds !== undefined) {
      resourcesOfType(stack, 'AWS::Lambda::Function').forEach((fn) => fn.addPropertyOverride('Timeout', timeoutSeconds));
    }
  },
});

let standIn: StandIn;
let dirs: { [name: string]: string };

beforeAll(async () => {
  dirs = {
    burst: synthScenario(spec('burst')),
    endless0: synthScenario(spec('endless0', 60, false)),
    endless: synthScenario(spec('endless1', 60)),
    hung: synthScenario(spec('hung')),
    inFlight1: synthScenario(spec('inflight1', IN_FLIGHT_TIMEOUT_S)),
    inFlight2: synthScenario(spec('inflight2', IN_FLIGHT_TIMEOUT_S, houseAssets({ logo: 'logo-2' }))),
  };
  standIn = await StandIn.start();
});
afterAll(async () => standIn?.stop());
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
});
afterEach(() => {
  jest.useRealTimers();
  standIn.faults.clear();
});

async function withClock<T>(work: Promise<T>): Promise<T> {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  while (!done) {
    await jest.advanceTimersByTimeAsync(CLOCK_STEP_MS);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return settled;
}

/** The fake clock at each Cognito call the stand-in decides on. */
function clockPerCall(): { operation: string; at: number }[] {
  const seen: { operation: string; at: number }[] = [];
  const decide = standIn.faults.decide.bind(standIn.faults);
  standIn.faults.decide = (target) => {
    seen.push({ operation: target.operation, at: Date.now() });
    return decide(target);
  };
  return seen;
}

test('retries bounded by the remaining time: a 60 s throttling burst (longer than the old 8 attempts, ~24 s) is ridden out', async () => {
  const cfn = new CloudFormationRunner(standIn);
  const seen = clockPerCall();
  const started = Date.now();
  const stop = standIn.faults.inject({ kind: 'throttle', operation: 'CreateManagedLoginBranding' });
  setTimeout(stop, 60_000);
  const results = await withClock(deploy(cfn, dirs.burst));
  expect(statuses(results)).toEqual(['Styles CREATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs.burst);
  const creates = seen.filter((c) => c.operation === 'CreateManagedLoginBranding');
  expect(creates.length).toBeGreaterThan(8);
  expect(creates[creates.length - 1].at - started).toBeGreaterThanOrEqual(60_000);
});

test('retries bounded by the remaining time: endless throttling fails the deployment before the Lambda\'s 60 s timeout, with the reason', async () => {
  const cfn = new CloudFormationRunner(standIn);
  expect(statuses(await withClock(deploy(cfn, dirs.endless0)))).toEqual(['Styles CREATE_COMPLETE']);
  const started = Date.now();
  standIn.faults.inject({ kind: 'throttle', operation: 'CreateManagedLoginBranding' });
  const results = await withClock(deploy(cfn, dirs.endless));
  expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs.endless0);
  expect(results[0].failure).toMatch(/TooManyRequestsException|Timed out/);
  expect(results[0].failure).not.toMatch(/timed out after 60 s without answering/);
  expect(Date.now() - started).toBeLessThan(60_000);
  // The style is a Create, which keeps a third of its 50 s budget for undoing itself (lambda/shared/undo.ts): its
  // retries run to 33.3 s, the last one starting at least 10 s (minAttemptMs) before, within one backoff (10 s).
  expect(Date.now() - started).toBeGreaterThan(50_000 * (2 / 3) - 10_000 - 10_000);
});

test('a per-attempt HTTP timeout: a create hung for 45 s is cut off at the request timeout (30 s) and retried', async () => {
  const cfn = new CloudFormationRunner(standIn);
  const seen = clockPerCall();
  const started = Date.now();
  standIn.faults.inject({ kind: 'slow', operation: 'CreateManagedLoginBranding', delayMs: 45_000, count: 1 });
  const results = await withClock(deploy(cfn, dirs.hung));
  expect(statuses(results)).toEqual(['Styles CREATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs.hung);
  const creates = seen.filter((c) => c.operation === 'CreateManagedLoginBranding').map((c) => c.at - started);
  // Keep's and Web's creates, the first of them hung, then its retry once the 30 s request timeout cut it off (before the 45 s answer).
  expect(creates).toHaveLength(3);
  // Arrival times, while the timeout runs from the send: the retry may arrive up to one clock step short of 30 s after the first arrival.
  expect(creates[2] - creates[0]).toBeGreaterThanOrEqual(30_000 - CLOCK_STEP_MS);
  expect(creates[2] - creates[0]).toBeLessThan(45_000);
});

/**
 * The handler used to send the write 6 s before the deadline, abort it
 * client-side at the deadline and answer FAILED at once; the stand-in, like
 * AWS, carried the write out 14 s later, after the rollback had put the old
 * logo back, and nothing ever undid it. Now a write that could not have 10 s
 * before the deadline is not sent, and any attempt sent has ended by the time
 * the handler answers.
 */
test('a write still in flight at the deadline cannot land after FAILED: the rolled-back style stays as declared', async () => {
  // GIVEN Web styled as declared, by a Lambda of 45 s (its deadline 35 s after it starts, before the 10 s safety margin)
  const cfn = new CloudFormationRunner(standIn);
  expect(statuses(await withClock(deploy(cfn, dirs.inFlight1)))).toEqual(['Styles CREATE_COMPLETE']);
  const seen = clockPerCall();
  const from = standIn.calls.length;

  // WHEN Web's logo changes, the update's read of the live style takes Cognito 29 s (within the 30 s request
  // timeout), so its write would go 6 s before the deadline, and Cognito takes 20 s to carry that write out
  standIn.faults.inject({ kind: 'slow', operation: 'DescribeManagedLoginBrandingByClient', delayMs: 29_000, count: 1 });
  standIn.faults.inject({ kind: 'slow', operation: 'UpdateManagedLoginBranding', delayMs: 20_000, count: 1 });
  const results = await withClock(deploy(cfn, dirs.inFlight2));
  // and the clock runs on for longer than any write Cognito received takes
  await withClock(new Promise((resolve) => setTimeout(resolve, 30_000)));

  // THEN the update failed for lack of time and rolled back
  expect(statuses(results)).toEqual(['Styles UPDATE_ROLLBACK_COMPLETE']);
  expect(results[0].failure).toMatch(/^WebBranding\w*: Timed out before UpdateManagedLoginBranding: \d+ ms were left before the deadline .*, so it was not sent$/);
  // every write Cognito received has been carried out and answered by now
  const answered = standIn.calls.slice(from).filter((c) => c.operation === 'UpdateManagedLoginBranding');
  expect(answered).toHaveLength(seen.filter((c) => c.operation === 'UpdateManagedLoginBranding').length);
  // and the client still has the rolled-back declaration's logo: no write landed after FAILED
  expectStateMatchesDeclaration(cfn, standIn, dirs.inFlight1);
});
