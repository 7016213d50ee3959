import { getEventListeners } from 'events';
import {
  ConcurrentModificationException,
  InternalErrorException,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
  SetUICustomizationCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { captureConsole, CLIENT, cognito, context, createEvent, emptyPool, fakeParameters, POOL, resetMocks, stageFile } from './helpers';
import { createHandler } from '../../lambda/index';
import { backoffDelay, callWithRetry, DEFAULT_RETRY_POLICY, isRetryable, RetryPolicy } from '../../lambda/shared/retry';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../src/classic/private/classic-contract';

captureConsole();

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const throttled = () => new TooManyRequestsException({ message: 'Rate exceeded', ...meta(400) });
/** What Cognito answers a role that lacks the action, e.g. while a new statement propagates through IAM. */
const accessDenied = () => Object.assign(
  new Error(`User is not authorized to perform: cognito-idp:SetUICustomization on resource: arn:aws:cognito-idp:eu-west-1:111111111111:userpool/${POOL}`),
  { name: 'AccessDeniedException', $fault: 'client', ...meta(400) },
);
let event: ReturnType<typeof createEvent>;

beforeEach(() => {
  resetMocks();
  emptyPool();
  fakeParameters();
  event = createEvent(CLASSIC_CUSTOMIZATION_TYPE, { UserPoolId: POOL, ClientId: CLIENT, Css: stageFile('style.css', '.banner-customizable {}') });
});

/**
 * A clock that only the handler's backoffs advance, so tests of time-bounded
 * retries run instantly and exactly.
 */
function fakeClock() {
  let now = Date.now();
  const sleeps: number[] = [];
  return {
    sleeps,
    elapsed: () => sleeps.reduce((a, b) => a + b, 0),
    retry: { now: () => now, sleep: async (ms: number) => { sleeps.push(ms); now += ms; } },
  };
}

describe('isRetryable', () => {
  test.each([
    ['TooManyRequestsException', throttled()],
    ['ConcurrentModificationException', new ConcurrentModificationException({ message: 'busy', ...meta(400) })],
    ['ThrottlingException', Object.assign(new Error('slow down'), { name: 'ThrottlingException' })],
    ['a 503', Object.assign(new Error('unavailable'), { name: 'SomethingUnknown', ...meta(503) })],
    ['a server fault', Object.assign(new Error('oops'), { name: 'SomethingUnknown', $fault: 'server' })],
    ['InternalErrorException (500)', new InternalErrorException({ message: 'internal', ...meta(500) })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['Cognito\'s AccessDeniedException (IAM not yet propagated)', accessDenied()],
    ['S3\'s AccessDenied (IAM not yet propagated)', Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $fault: 'client', ...meta(403) })],
  ])('retries %s', (_, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  test.each([
    ['InvalidParameterException', new InvalidParameterException({ message: 'bad', ...meta(400) })],
    ['ResourceNotFoundException', new ResourceNotFoundException({ message: 'gone', ...meta(400) })],
    ['NotAuthorizedException', new NotAuthorizedException({ message: 'not authorized', ...meta(400) })],
    ['a programming error', new TypeError('x is undefined')],
    ['a non-error value', 'just a string'],
  ])('does not retry %s', (_, error) => {
    expect(isRetryable(error)).toBe(false);
  });
});

describe('backoffDelay', () => {
  const policy = (random: number): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000, random: () => random });

  test('doubles the ceiling per retry up to the cap', () => {
    // GIVEN a jitter draw just under 1 (the ceiling)
    const p = policy(0.999999);

    // WHEN / THEN
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(p, retry))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  test('is full jitter: a draw of 0 waits 0, a draw of one half waits half the ceiling', () => {
    expect(backoffDelay(policy(0), 3)).toBe(0);
    expect(backoffDelay(policy(0.5), 3)).toBe(400);
  });
});

describe('retries through the handler', () => {
  test('throttling is retried with backoff until it succeeds', async () => {
    // GIVEN Cognito throttles twice, then accepts
    cognito.on(SetUICustomizationCommand).rejectsOnce(throttled()).rejectsOnce(throttled()).resolves({});
    const sleeps: number[] = [];
    const handler = createHandler({ retry: { sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5, baseDelayMs: 100 } });
    cognito.resetHistory();

    // WHEN
    const result = await handler(event, context());

    // THEN
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
  });

  test('an IAM refusal right after the role changed is retried until the permission applies', async () => {
    // GIVEN the role's new statement is not yet in effect for the first two calls
    cognito.on(SetUICustomizationCommand).rejectsOnce(accessDenied()).rejectsOnce(accessDenied()).resolves({});
    const sleep = jest.fn(async () => undefined);
    const handler = createHandler({ retry: { sleep } });

    // WHEN
    const result = await handler(event, context());

    // THEN
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
  });

  test('an IAM refusal that persists fails with IAM\'s words once the propagation window has passed, not at the deadline', async () => {
    // GIVEN ten minutes left, a 60 s window for IAM to apply a change, and a role that really lacks the action
    cognito.on(SetUICustomizationCommand).rejects(accessDenied());
    const clock = fakeClock();
    const handler = createHandler({ retry: { ...clock.retry, permissionWaitMs: 60_000 } });

    // WHEN / THEN
    await expect(handler(event, context(600_000))).rejects.toThrow(
      /^SetUICustomization failed: AccessDeniedException: User is not authorized to perform: cognito-idp:SetUICustomization .* \(still refused after \d+ attempts over \d+ ms\)$/,
    );
    expect(clock.elapsed()).toBeGreaterThanOrEqual(60_000);
    expect(clock.elapsed()).toBeLessThan(60_000 + DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  test('a 5xx is retried too', async () => {
    // GIVEN
    cognito.on(SetUICustomizationCommand).rejectsOnce(new InternalErrorException({ message: 'internal', ...meta(500) })).resolves({});
    const handler = createHandler({ retry: { sleep: async () => undefined } });

    // WHEN
    await handler(event, context());

    // THEN
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(2);
  });

  test('throttling is retried for as long as the Lambda has time, not for a fixed count', async () => {
    // GIVEN Cognito throttles for five minutes of backoff, then accepts; the Lambda has ten minutes
    const clock = fakeClock();
    cognito.on(SetUICustomizationCommand).callsFake(async () => {
      if (clock.elapsed() < 300_000) {
        throw throttled();
      }
      return {};
    });
    const handler = createHandler({ retry: clock.retry });

    // WHEN
    const result = await handler(event, context(600_000));

    // THEN it waited out the throttling (far more than the old ~24 s of 8 attempts) and succeeded
    expect(result.PhysicalResourceId).toBe(`${POOL}:${CLIENT}`);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(300_000);
    expect(cognito.commandCalls(SetUICustomizationCommand).length).toBeGreaterThan(8);
  });

  test('retries stop when the next attempt could not have its least time before the deadline, reporting the last error verbatim', async () => {
    // GIVEN Cognito throttles for ever; 60 s left, 10 s of them kept as the margin; attempts of at least 10 s
    cognito.on(SetUICustomizationCommand).rejects(throttled());
    const clock = fakeClock();
    // (no time kept back for an undo: the bound studied here is the invocation's own deadline; undo.test.ts covers the reserve)
    const handler = createHandler({ retry: { ...clock.retry, undoReserveMs: 0 }, safetyMarginMs: 10_000 });

    // WHEN / THEN
    await expect(handler(event, context(60_000))).rejects.toThrow(
      /^SetUICustomization failed: TooManyRequestsException: Rate exceeded \(gave up after \d+ attempts: the next one could not have 10000 ms before the deadline\)$/,
    );
    expect(clock.elapsed()).toBeLessThanOrEqual(40_000);
    expect(clock.elapsed()).toBeGreaterThan(40_000 - DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  test('a client error is not retried', async () => {
    // GIVEN
    cognito.on(SetUICustomizationCommand).rejects(new InvalidParameterException({ message: 'bad', ...meta(400) }));
    const sleep = jest.fn(async () => undefined);
    const handler = createHandler({ retry: { sleep } });

    // WHEN / THEN
    await expect(handler(event, context())).rejects.toThrow('SetUICustomization failed: InvalidParameterException: bad');
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('the backoff wait', () => {
  /** Node's warnings while `work` runs, and a turn of the event loop after (warnings are emitted on the next tick). */
  async function warningsDuring(work: () => Promise<unknown>): Promise<string[]> {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      await work();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    return warnings;
  }

  test('20 waits on one signal leave no listener on it and raise no MaxListenersExceededWarning', async () => {
    // GIVEN the invocation's one signal
    const signal = new AbortController().signal;

    // WHEN twenty backoffs wait on it
    const warnings = await warningsDuring(async () => {
      for (let i = 0; i < 20; i++) {
        await DEFAULT_RETRY_POLICY.sleep(1, signal);
      }
    });

    // THEN
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });

  test('a call retried 20 times on one signal leaves no listener on it', async () => {
    // GIVEN throttling for 20 attempts, backoffs of at most 1 ms
    const signal = new AbortController().signal;
    let attempts = 0;
    const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 1 };

    // WHEN
    const warnings = await warningsDuring(() => callWithRetry('SetUICustomization', policy, { signal, deadlineAt: Date.now() + 600_000 }, async () => {
      if (++attempts <= 20) {
        throw throttled();
      }
      return 'done';
    }));

    // THEN
    expect(attempts).toBe(21);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });

  test('a wait ends at once when the signal aborts', async () => {
    // GIVEN
    const controller = new AbortController();
    const started = Date.now();

    // WHEN a ten-minute wait is aborted
    const waited = DEFAULT_RETRY_POLICY.sleep(600_000, controller.signal);
    controller.abort();
    await waited;

    // THEN
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
