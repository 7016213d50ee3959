import { AwsCallError, awsErrorName } from './errors';
import { log } from './log';

/**
 * How the handler retries AWS calls. The SDK clients are built with
 * maxAttempts 1 (see clients.ts), so this policy is the only retry layer and
 * the total number of attempts is exactly `maxAttempts`, not a product of two.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  /** Ceiling of the first backoff; doubles with every retry. */
  readonly baseDelayMs: number;
  /** No single backoff exceeds this. */
  readonly maxDelayMs: number;
  /** Injected so tests run without waiting. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Injected so tests can pin the jitter; returns [0, 1). */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  // 8 attempts with a 250 ms base and an 8 s cap wait at most ~24 s in all:
  // long enough to ride out Cognito's per-pool throttling of branding calls,
  // short against the Lambda timeout, and the deadline bounds it anyway.
  maxAttempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
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
 * A refusal that persists still fails, after the bounded attempts.
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

/**
 * Runs one AWS call, retrying transient failures per the policy. A failure
 * that is not transient, or one that outlives the attempts, is thrown as an
 * AwsCallError naming the operation, the AWS error name and its message.
 * Stops early once `signal` is aborted (the deadline passed): nobody is
 * waiting for the answer any more.
 */
export async function callWithRetry<T>(
  operation: string,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  call: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (signal?.aborted) {
        throw new AwsCallError(operation, error, ' (abandoned: the deadline passed)');
      }
      if (!isRetryable(error)) {
        throw new AwsCallError(operation, error);
      }
      if (attempt >= policy.maxAttempts) {
        throw new AwsCallError(operation, error, ` (gave up after ${attempt} attempts)`);
      }
      const delayMs = backoffDelay(policy, attempt - 1);
      log('retrying', { operation, attempt, delayMs, errorName: awsErrorName(error) });
      await policy.sleep(delayMs);
      if (signal?.aborted) {
        throw new AwsCallError(operation, error, ' (abandoned: the deadline passed)');
      }
    }
  }
}
