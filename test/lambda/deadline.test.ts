import { SetUICustomizationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { captureConsole, CLIENT, cognito, context, createEvent, fakeParameters, POOL, s3, liveStacks, emptyPool, ssm, stageFile } from './helpers';
import { createHandler } from '../../lambda/index';
import { DeadlineExceededError, withDeadline } from '../../lambda/shared/deadline';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../src/classic/private/classic-contract';

captureConsole();

const never = () => new Promise<never>(() => undefined);

beforeEach(() => {
  cognito.reset();
  s3.reset();
  ssm.reset();
  emptyPool();
  liveStacks();
  fakeParameters();
});

const classicEvent = () => createEvent(CLASSIC_CUSTOMIZATION_TYPE, { UserPoolId: POOL, ClientId: CLIENT, Css: stageFile('style.css', '.banner-customizable {}') });

describe('withDeadline', () => {
  test('returns the work\'s result when it finishes in time', async () => {
    await expect(withDeadline(context(20_000), 10_000, async () => 'done')).resolves.toBe('done');
  });

  test('gives up at the remaining time minus the margin and aborts the signal', async () => {
    // GIVEN 250 ms left and a 100 ms margin: a 150 ms budget
    let signal: AbortSignal | undefined;
    const started = Date.now();

    // WHEN work that never finishes is raced against it
    const outcome = withDeadline(context(250), 100, (s) => {
      signal = s;
      return never();
    });

    // THEN
    await expect(outcome).rejects.toThrow(DeadlineExceededError);
    await expect(outcome).rejects.toThrow('Timed out after 150 ms waiting for AWS (the Lambda time left minus a 100 ms safety margin)');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(signal?.aborted).toBe(true);
  });

  test('with less than twice the margin left, keeps half of the time as the margin', async () => {
    // GIVEN 100 ms left, less than the 10 s margin
    const outcome = withDeadline(context(100), 10_000, never);

    // THEN
    await expect(outcome).rejects.toThrow('Timed out after 50 ms waiting for AWS (the Lambda time left minus a 50 ms safety margin)');
  });
});

describe('the handler under a deadline', () => {
  test('fails with a timeout when Cognito never answers', async () => {
    // GIVEN Cognito hangs and the Lambda has 300 ms left, 150 ms of them kept as the margin
    cognito.on(SetUICustomizationCommand).callsFake(never);
    const handler = createHandler({ safetyMarginMs: 150 });

    // WHEN / THEN
    await expect(handler(classicEvent(), context(300)))
      .rejects.toThrow(/^Timed out after 150 ms waiting for AWS \(the Lambda time left minus a 150 ms safety margin\)/);
    expect(cognito.commandCalls(SetUICustomizationCommand)).toHaveLength(1);
  });

  test('stops retrying once the deadline has passed', async () => {
    // GIVEN Cognito throttles for ever and each backoff takes real time
    cognito.on(SetUICustomizationCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.min(ms, 20)));
    const handler = createHandler({ safetyMarginMs: 0, retry: { sleep } });

    // WHEN
    // (the retry layer gives up itself when the next attempt would start after the deadline)
    await expect(handler(classicEvent(), context(60)))
      .rejects.toThrow(/Timed out|the next one would start after the deadline/);
    const callsAtDeadline = cognito.commandCalls(SetUICustomizationCommand).length;
    await new Promise((r) => setTimeout(r, 100));

    // THEN no call was made after the deadline
    expect(cognito.commandCalls(SetUICustomizationCommand).length).toBe(callsAtDeadline);
  });
});
