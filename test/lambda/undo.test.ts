import { CreateManagedLoginBrandingCommand, TooManyRequestsException } from '@aws-sdk/client-cognito-identity-provider';
import { captureConsole, CLIENT, cognito, context, createEvent, FakeBranding, fakeParameters, POOL, resetMocks, ssmOperations } from './helpers';
import { createHandler } from '../../lambda/index';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';
import { claimParameterName } from '../../src/private/custom-resource-contract';

captureConsole();

/**
 * Issue 17, item 1.1, in time: a Create keeps part of its budget for undoing
 * itself (lambda/shared/undo.ts), so that even a Create that ran out of time
 * removes its record (and whatever it wrote) before answering FAILED.
 */

let parameters: Map<string, string>;
beforeEach(() => {
  resetMocks();
  new FakeBranding();
  parameters = fakeParameters();
});

/** A clock that only moves when the handler sleeps. */
function fakeClock() {
  let now = Date.now();
  let slept = 0;
  return {
    elapsed: () => slept,
    retry: { now: () => now, sleep: async (ms: number) => { slept += ms; now += ms; } },
  };
}

test('a Create throttled for ever stops its writes the reserve before the deadline, then removes its record', async () => {
  // GIVEN 100 s left, 10 s of them the safety margin, 20 s kept for the undo; Cognito throttles every create
  cognito.on(CreateManagedLoginBrandingCommand).rejects(new TooManyRequestsException({ message: 'Too many requests.', $metadata: { httpStatusCode: 400 } }));
  const clock = fakeClock();
  const handler = createHandler({ retry: { ...clock.retry, undoReserveMs: 20_000 }, safetyMarginMs: 10_000 });

  // WHEN
  await expect(handler(createEvent(MANAGED_LOGIN_BRANDING_TYPE, { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: 'true' }), context(100_000)))
    .rejects.toThrow(/^CreateManagedLoginBranding failed: TooManyRequestsException: Too many requests\. \(gave up after \d+ attempts/);

  // THEN the retries ended by the forward deadline (90 s - 20 s), within one backoff of it less an attempt's least time
  expect(clock.elapsed()).toBeLessThanOrEqual(70_000);
  expect(clock.elapsed()).toBeGreaterThan(70_000 - 10_000 - 10_000);
  // AND the undo had its time: the record written before the first write is gone again
  expect(ssmOperations()).toEqual(['GetParameter', 'PutParameter', 'DeleteParameter']);
  expect(parameters.has(claimParameterName(POOL, 'branding', CLIENT))).toBe(false);
});

test('the reserve is at most a third of the budget, so a short invocation still tries its work', async () => {
  // GIVEN 40 s left, 10 s of them the margin: 30 s of budget, so at most 10 s kept for the undo
  cognito.on(CreateManagedLoginBrandingCommand).rejects(new TooManyRequestsException({ message: 'Too many requests.', $metadata: { httpStatusCode: 400 } }));
  const clock = fakeClock();
  const handler = createHandler({ retry: { ...clock.retry, undoReserveMs: 60_000, minAttemptMs: 1_000 }, safetyMarginMs: 10_000 });

  // WHEN
  await expect(handler(createEvent(MANAGED_LOGIN_BRANDING_TYPE, { UserPoolId: POOL, ClientId: CLIENT, UseCognitoProvidedValues: 'true' }), context(40_000)))
    .rejects.toThrow(/TooManyRequestsException/);

  // THEN the writes were retried for most of the remaining 20 s
  expect(clock.elapsed()).toBeLessThanOrEqual(20_000);
  expect(clock.elapsed()).toBeGreaterThan(20_000 - 1_000 - 10_000);
  expect(parameters.size).toBe(0);
});
