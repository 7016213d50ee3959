import { AttemptOptions, runAttempt } from './attempt';
import { HTTP_TIMEOUTS } from './clients';
import { Budget } from './deadline';
import { AwsCallError, awsErrorName } from './errors';
import { log } from './log';

/**
 * How the handler retries AWS calls. The SDK clients are built with
 * maxAttempts 1 (see clients.ts), so this policy is the only retry layer.
 *
 * Retries are bounded by time, not by a count: the Lambda has minutes
 * (CloudFormation waits for it), and Cognito's per-pool throttling of
 * branding calls, when many styles deploy at once, outlasts a fixed ~24 s of
 * attempts. A transient error is retried while the next attempt can still
 * have `minAttemptMs` before the deadline (the Lambda's remaining time minus
 * the safety margin), and each attempt is cut off at `maxAttemptMs` or at the
 * deadline, whichever comes first.
 */
export interface RetryPolicy {
  /** Ceiling of the first backoff; doubles with every retry. */
  readonly baseDelayMs: number;
  /** No single backoff exceeds this. */
  readonly maxDelayMs: number;
  /**
   * How long an IAM refusal is taken for a role change still propagating.
   * A refusal that outlasts it is a missing permission, which waiting until
   * the deadline would only report minutes later.
   */
  readonly permissionWaitMs: number;
  /** An attempt's time limit when the deadline is further away. */
  readonly maxAttemptMs: number;
  /**
   * The least time an attempt is started with. Each attempt ends by the
   * deadline (see Budget in deadline.ts), so one started just before it would
   * be cut off after a few milliseconds, most likely while AWS is carrying it
   * out, and the handler would answer FAILED while that write is still on
   * its way: exactly what the deadline is there to prevent. An attempt that
   * cannot have this much is not sent at all.
   */
  readonly minAttemptMs: number;
  /**
   * The most time a Create keeps back from its writes to undo them if they
   * fail (undo.ts), never more than a third of the budget.
   */
  readonly undoReserveMs: number;
  /** Injected so tests run without waiting; resolves early when the signal aborts. */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injected so tests can pin the jitter; returns [0, 1). */
  readonly random: () => number;
  /** The clock the deadline is measured on; injected so tests can advance it. */
  readonly now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  // IAM usually applies a new statement within seconds; a minute covers the slow cases.
  permissionWaitMs: 60_000,
  maxAttemptMs: HTTP_TIMEOUTS.requestTimeout,
  // The connection timeout (5 s), and as long again for sending up to 2 MB
  // and for Cognito's answer.
  minAttemptMs: 2 * HTTP_TIMEOUTS.connectionTimeout,
  // Enough for a few calls (a style recreated from its copy: a delete, a
  // create and an update per further 2 MB), each with its minAttemptMs.
  undoReserveMs: 60_000,
  sleep: (ms, signal) => new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    // The listener goes when the wait ends either way: the invocation's one
    // signal sees every backoff of every call, and listeners left on it pile
    // up (Node warns of a leak past 10).
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
  random: Math.random,
  now: Date.now,
};

/** Error names that mean "not now", never "not this". */
const TRANSIENT_ERROR_NAMES = new Set([
  'TooManyRequestsException',
  'ConcurrentModificationException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequests',
  'SlowDown',
  'InternalErrorException',
  'InternalError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  // SSM's answer to concurrent PutParameter calls on one parameter.
  'TooManyUpdates',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
]);

/**
 * IAM's refusals (Cognito's AccessDeniedException, S3's AccessDenied). The
 * handler's one role gains a statement whenever a stack adds a pool or a
 * changed file (a new S3 key), and CloudFormation invokes the handler right
 * after updating the role, before IAM has necessarily applied the change
 * everywhere: the first calls can be refused and the next ones allowed
 * (aws-cdk issue 37675, the same race in AwsCustomResource's shared role).
 * A refusal that persists still fails, after `permissionWaitMs`.
 */
const PERMISSION_PROPAGATION_ERROR_NAMES = new Set(['AccessDeniedException', 'AccessDenied']);

/**
 * Whether retrying can help: throttling, concurrent modification, any 5xx or
 * server fault, dropped connections, and IAM refusals while a role change
 * propagates. Everything else (bad parameters, not found, Cognito's
 * NotAuthorizedException) fails the same way every time.
 */
export function isRetryable(error: unknown): boolean {
  const name = awsErrorName(error);
  if (TRANSIENT_ERROR_NAMES.has(name) || PERMISSION_PROPAGATION_ERROR_NAMES.has(name)) {
    return true;
  }
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const e = error as {
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
    $retryable?: { throttling?: unknown };
    code?: unknown;
  };
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status >= 500 || status === 429)) {
    return true;
  }
  if (e.$fault === 'server' || e.$retryable !== undefined) {
    return true;
  }
  return typeof e.code === 'string' && TRANSIENT_ERROR_NAMES.has(e.code);
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^retry)). */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

/** Thrown when there is too little time left before the deadline to send a call at all. */
export class OutOfTimeError extends Error {
  constructor(operation: string, leftMs: number, minAttemptMs: number) {
    super(`Timed out before ${operation}: ${Math.max(0, leftMs)} ms were left before the deadline `
      + `(the Lambda time left minus the safety margin), less than the ${minAttemptMs} ms an attempt is given, so it was not sent`);
    // `name` stays 'Error', as for AwsCallError: errors.ts turns it into the FAILED reason.
  }
}

/**
 * Runs one AWS call, retrying transient failures while the next attempt can
 * still have `minAttemptMs` before the deadline. Each attempt gets the time
 * left, up to `maxAttemptMs`, and has ended when its promise settles, so the
 * call never leaves a request in flight past the deadline. A failure that is
 * not transient, or one that outlives the budget, is thrown as an
 * AwsCallError naming the operation, the AWS error name and its message.
 */
export async function callWithRetry<T>(
  operation: string,
  policy: RetryPolicy,
  budget: Budget,
  call: (options: AttemptOptions) => Promise<T>,
): Promise<T> {
  let firstRefusalAt: number | undefined;
  const timeLeft = () => (budget.signal.aborted ? 0 : budget.deadlineAt - policy.now());
  if (timeLeft() < policy.minAttemptMs) {
    throw new OutOfTimeError(operation, timeLeft(), policy.minAttemptMs);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await runAttempt(Math.min(policy.maxAttemptMs, timeLeft()), call);
    } catch (error) {
      if (!isRetryable(error)) {
        throw new AwsCallError(operation, error);
      }
      if (budget.signal.aborted) {
        throw new AwsCallError(operation, error, ' (abandoned: the deadline passed)');
      }
      const now = policy.now();
      if (PERMISSION_PROPAGATION_ERROR_NAMES.has(awsErrorName(error))) {
        firstRefusalAt ??= now;
        if (now - firstRefusalAt >= policy.permissionWaitMs) {
          throw new AwsCallError(operation, error, ` (still refused after ${attempt} attempts over ${now - firstRefusalAt} ms)`);
        }
      }
      const delayMs = backoffDelay(policy, attempt - 1);
      const gaveUp = ` (gave up after ${attempt} attempts: the next one could not have ${policy.minAttemptMs} ms before the deadline)`;
      if (now + delayMs + policy.minAttemptMs > budget.deadlineAt) {
        throw new AwsCallError(operation, error, gaveUp);
      }
      log('retrying', { operation, attempt, delayMs, errorName: awsErrorName(error) });
      await policy.sleep(delayMs, budget.signal);
      if (budget.signal.aborted) {
        throw new AwsCallError(operation, error, ' (abandoned: the deadline passed)');
      }
      if (timeLeft() < policy.minAttemptMs) {
        // The wait took longer than asked.
        throw new AwsCallError(operation, error, gaveUp);
      }
    }
  }
}
