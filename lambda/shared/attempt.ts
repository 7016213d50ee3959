/**
 * One attempt of an AWS call, bounded in time.
 */

/** What an attempt passes to the SDK's `send` (its HttpHandlerOptions). */
export interface AttemptOptions {
  /** Aborted when the attempt's time is up. */
  readonly abortSignal: AbortSignal;
  /**
   * The attempt's time limit, which the SDK's HTTP handler
   * (@smithy/node-http-handler) takes per request in place of the client's
   * configured requestTimeout: at the limit it destroys the socket and fails
   * with TimeoutError.
   */
  readonly requestTimeout: number;
}

/**
 * Runs `call` as one attempt that has ended after `limitMs`: the SDK gets the
 * limit as its request timeout and a signal aborted at the limit, and
 * whatever the call is doing then (resolving credentials, reading a body
 * after the headers came, or a mocked client that never answers), the
 * attempt's promise rejects with a retryable TimeoutError at the limit.
 */
export async function runAttempt<T>(limitMs: number, call: (options: AttemptOptions) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = Object.assign(new Error(`no answer within ${limitMs} ms, the attempt's time limit`), { name: 'TimeoutError' });
      controller.abort(error);
      reject(error);
    }, limitMs);
  });
  try {
    return await Promise.race([call({ abortSignal: controller.signal, requestTimeout: limitMs }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
