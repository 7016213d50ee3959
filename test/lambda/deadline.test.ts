import { getEventListeners } from 'events';
import { SetUICustomizationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { captureConsole, CLIENT, cognito, context, createEvent, emptyPool, fakeParameters, POOL, resetMocks, stageFile } from './helpers';
import { createHandler } from '../../lambda/index';
import { AttemptOptions } from '../../lambda/shared/attempt';
import { Budget, DeadlineExceededError, withCleanUp, withDeadline } from '../../lambda/shared/deadline';
import { callWithRetry, DEFAULT_RETRY_POLICY, OutOfTimeError, RetryPolicy } from '../../lambda/shared/retry';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../src/classic/private/classic-contract';

captureConsole();

const never = () => new Promise<never>(() => undefined);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const aborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
/** A budget ending `ms` from now on the real clock, whose signal only the test aborts. */
const budgetOf = (ms: number): Budget => ({ signal: new AbortController().signal, deadlineAt: Date.now() + ms });

beforeEach(() => {
  resetMocks();
  emptyPool();
  fakeParameters();
});

const classicEvent = () => createEvent(CLASSIC_CUSTOMIZATION_TYPE, { UserPoolId: POOL, ClientId: CLIENT, Css: stageFile('style.css', '.banner-customizable {}') });

describe('withDeadline', () => {
  test('returns the work\'s result when it finishes in time', async () => {
    await expect(withDeadline(context(20_000), 10_000, async () => 'done')).resolves.toBe('done');
  });

  test('gives the work the deadline as an instant on the clock: the time left minus the margin', async () => {
    // GIVEN 20 s left, 10 s of them kept as the margin, on a pinned clock
    const now = () => 1_000_000;

    // WHEN
    const deadlineAt = await withDeadline(context(20_000), 10_000, async (budget) => budget.deadlineAt, now);

    // THEN
    expect(deadlineAt).toBe(1_010_000);
  });

  test('at the deadline the signal aborts, and the attempt still running then is waited for, not raced past', async () => {
    // GIVEN 300 ms left and a 100 ms margin: the deadline at 200 ms
    const started = Date.now();

    // WHEN the work's last attempt ends 30 ms after the deadline and then says how it went
    const outcome = withDeadline(context(300), 100, async (budget) => {
      await aborted(budget.signal);
      const abortedAt = Date.now() - started;
      await delay(30);
      return { abortedAt };
    });

    // THEN the work's own outcome is the handler's, not a timeout answered while the attempt was in flight
    const { abortedAt } = await outcome;
    expect(abortedAt).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeGreaterThanOrEqual(220);
  });

  test('work still running half a margin after the deadline is given up, keeping the other half for the answer', async () => {
    // GIVEN 3 s left and a 1 s margin: the deadline at 2 s
    let signal: AbortSignal | undefined;
    const started = Date.now();

    // WHEN the work waits on something that never ends (not an AWS call, whose attempts end by the deadline)
    const outcome = withDeadline(context(3_000), 1_000, (budget) => {
      signal = budget.signal;
      return never();
    });

    // THEN
    await expect(outcome).rejects.toThrow(DeadlineExceededError);
    await expect(outcome).rejects.toThrow('Timed out after 2000 ms (the Lambda time left minus a 1000 ms safety margin), the handler\'s work still running 500 ms later');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_490);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(signal?.aborted).toBe(true);
  });

  test('with less than twice the margin left, keeps half of the time as the margin', async () => {
    // GIVEN 100 ms left, less than the 10 s margin
    const outcome = withDeadline(context(100), 10_000, never);

    // THEN
    await expect(outcome).rejects.toThrow('Timed out after 50 ms (the Lambda time left minus a 50 ms safety margin)');
  });
});

describe('withCleanUp', () => {
  test('the forward work ends the reserve before the deadline; the clean-up then has the rest, and the forward error is thrown', async () => {
    // GIVEN a budget ending in 300 ms, 200 ms of it reserved for the clean-up
    const budget = budgetOf(300);
    const started = Date.now();
    const cleanUps: { deadlineAt: number; abortedAtStart: boolean; error: unknown }[] = [];
    let forwardDeadlineAt = 0;

    // WHEN the forward work runs until its budget ends, and then fails
    const outcome = withCleanUp(budget, 200, async (forward) => {
      forwardDeadlineAt = forward.deadlineAt;
      await aborted(forward.signal);
      throw new Error('CreateManagedLoginBranding failed: TimeoutError: no answer');
    }, async (rest, error) => {
      cleanUps.push({ deadlineAt: rest.deadlineAt, abortedAtStart: rest.signal.aborted, error });
    });

    // THEN
    await expect(outcome).rejects.toThrow('CreateManagedLoginBranding failed: TimeoutError: no answer');
    expect(forwardDeadlineAt).toBe(budget.deadlineAt - 200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(Date.now() - started).toBeLessThan(300);
    expect(cleanUps).toEqual([{ deadlineAt: budget.deadlineAt, abortedAtStart: false, error: expect.any(Error) }]);
  });

  test('work that succeeds is not cleaned up, and leaves no listener on the budget\'s signal', async () => {
    // GIVEN
    const controller = new AbortController();
    const cleanUp = jest.fn(async () => undefined);

    // WHEN
    const result = await withCleanUp({ signal: controller.signal, deadlineAt: Date.now() + 60_000 }, 10_000, async () => 'created', cleanUp);

    // THEN
    expect(result).toBe('created');
    expect(cleanUp).not.toHaveBeenCalled();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('a clean-up that fails too is reported with the forward failure', async () => {
    // WHEN
    const outcome = withCleanUp(budgetOf(60_000), 10_000,
      async () => { throw new Error('UpdateManagedLoginBranding failed: InvalidParameterException: bad'); },
      async () => { throw new Error('DeleteManagedLoginBranding failed: TooManyRequestsException: slow down'); });

    // THEN
    await expect(outcome).rejects.toThrow('UpdateManagedLoginBranding failed: InvalidParameterException: bad; '
      + 'undoing what it wrote failed too: DeleteManagedLoginBranding failed: TooManyRequestsException: slow down');
  });
});

describe('attempts against the deadline', () => {
  const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, ...overrides });
  const recordingSend = (seen: AttemptOptions[]) => async (options: AttemptOptions) => {
    seen.push(options);
    return 'ok';
  };

  test('an attempt\'s time limit is the time left before the deadline, and the 30 s request timeout when that is further away', async () => {
    // GIVEN
    const seen: AttemptOptions[] = [];

    // WHEN one call with 12 s left, one with ten minutes left
    await callWithRetry('DescribeManagedLoginBrandingByClient', policy(), budgetOf(12_000), recordingSend(seen));
    await callWithRetry('DescribeManagedLoginBrandingByClient', policy(), budgetOf(600_000), recordingSend(seen));

    // THEN
    expect(seen[0].requestTimeout).toBeLessThanOrEqual(12_000);
    expect(seen[0].requestTimeout).toBeGreaterThan(11_000);
    expect(seen[1].requestTimeout).toBe(30_000);
  });

  test('a call that could not have the least time an attempt is given is not sent at all', async () => {
    // GIVEN 5 s left, less than the 10 s an attempt is given at least
    const send = jest.fn(async () => 'ok');

    // WHEN
    const outcome = callWithRetry('UpdateManagedLoginBranding', policy(), budgetOf(5_000), send);

    // THEN
    await expect(outcome).rejects.toThrow(OutOfTimeError);
    await expect(outcome).rejects.toThrow(/^Timed out before UpdateManagedLoginBranding: \d+ ms were left before the deadline .*less than the 10000 ms an attempt is given, so it was not sent$/);
    expect(send).not.toHaveBeenCalled();
  });

  test('an attempt still unanswered at its limit has ended then: aborted, failed with a TimeoutError, and not retried past the deadline', async () => {
    // GIVEN 200 ms left, attempts of at least 50 ms, and a call that never answers
    const seen: AttemptOptions[] = [];
    const started = Date.now();

    // WHEN
    const outcome = callWithRetry('UpdateManagedLoginBranding', policy({ minAttemptMs: 50 }), budgetOf(200), (options) => {
      seen.push(options);
      return never();
    });

    // THEN
    await expect(outcome).rejects.toThrow(
      /^UpdateManagedLoginBranding failed: TimeoutError: no answer within \d+ ms, the attempt's time limit \(gave up after 1 attempts: the next one could not have 50 ms before the deadline\)$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(seen).toHaveLength(1);
    expect(seen[0].abortSignal.aborted).toBe(true);
  });

  test('no retry starts unless it can have the least time an attempt is given before the deadline', async () => {
    // GIVEN Cognito throttles for ever, 60 s left, attempts of at least 10 s, on a clock only the backoff moves
    let now = 0;
    const starts: number[] = [];
    const clock = policy({ now: () => now, sleep: async (ms) => { now += ms; } });

    // WHEN
    const outcome = callWithRetry('CreateManagedLoginBranding', clock, { signal: new AbortController().signal, deadlineAt: 60_000 }, async () => {
      starts.push(now);
      throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
    });

    // THEN the last attempt had its 10 s, and one more backoff would have left less
    await expect(outcome).rejects.toThrow(/\(gave up after \d+ attempts: the next one could not have 10000 ms before the deadline\)$/);
    expect(Math.max(...starts)).toBeLessThanOrEqual(50_000);
    expect(Math.max(...starts)).toBeGreaterThan(50_000 - DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});

describe('the handler under a deadline', () => {
  test('a Cognito that never answers: the attempt ends by the deadline, and the handler fails naming the call', async () => {
    // GIVEN Cognito hangs; the Lambda has 2 s left, 1 s of them kept as the margin; attempts of at least 100 ms
    cognito.on(SetUICustomizationCommand).callsFake(never);
    // (no time kept back for an undo: the bound studied here is the invocation's own deadline; undo.test.ts covers the reserve)
    const handler = createHandler({ safetyMarginMs: 1_000, retry: { minAttemptMs: 100, undoReserveMs: 0 } });
    const started = Date.now();

    // WHEN / THEN
    await expect(handler(classicEvent(), context(2_000)))
      // (with no time kept back, the undo of this create cannot run either, and says so)
      .rejects.toThrow(/^SetUICustomization failed: TimeoutError: no answer within \d+ ms, the attempt's time limit \((abandoned: the deadline passed|gave up after 1 attempts: .*)\); undoing what it wrote failed too: Timed out before GetUICustomization/);
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(1);
    // by the attempt's own limit at the deadline, not by the last resort half a margin later
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  test('stops retrying once the deadline has passed', async () => {
    // GIVEN Cognito throttles for ever and each backoff takes real time
    cognito.on(SetUICustomizationCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20)));
    const handler = createHandler({ safetyMarginMs: 0, retry: { sleep, minAttemptMs: 10, undoReserveMs: 0 } });

    // WHEN
    // (the retry layer gives up itself when the next attempt could not have its time before the deadline)
    await expect(handler(classicEvent(), context(60)))
      .rejects.toThrow(/Timed out|abandoned: the deadline passed|the next one could not have 10 ms before the deadline/);
    const callsAtDeadline = cognito.commandCalls(SetUICustomizationCommand).length;
    await new Promise((r) => setTimeout(r, 100));

    // THEN no call was made after the deadline
    expect(cognito.commandCalls(SetUICustomizationCommand).length).toBe(callsAtDeadline);
  });
});
