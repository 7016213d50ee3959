/** The part of the Lambda context the deadline needs. */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

/**
 * Time kept back from the Lambda timeout. The wrapper that answers
 * CloudFormation needs it to send FAILED after we give up; if Lambda kills the
 * function first, nobody answers and the stack hangs for an hour.
 */
export const DEFAULT_SAFETY_MARGIN_MS = 10_000;

/** Thrown when the work did not finish before the deadline. */
export class DeadlineExceededError extends Error {
  constructor(budgetMs: number, marginMs: number) {
    super(
      `Timed out after ${budgetMs} ms waiting for AWS (the Lambda time left minus a ${marginMs} ms safety margin); ` +
      'the change may still complete in Cognito, and the next deployment converges it',
    );
    // `name` stays 'Error', as for AwsCallError: it heads the FAILED reason.
  }
}

/**
 * Runs `work` against the clock: resolves with its result, or rejects with
 * DeadlineExceededError when the budget (the Lambda's remaining time minus the
 * margin, the margin taking at most half of that time) runs out first. At the
 * deadline `signal` is aborted, so retries and in-flight SDK calls stop.
 * `deadlineAt` is the same instant on `now`'s clock, for retries to plan by.
 */
export async function withDeadline<T>(
  context: RemainingTime,
  marginMs: number,
  work: (signal: AbortSignal, deadlineAt: number) => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const remaining = context.getRemainingTimeInMillis();
  const startedAt = now();
  // The margin never takes more than half of what is left, so a function
  // invoked with little time still gets to try a short call.
  const effectiveMarginMs = Math.max(0, Math.min(marginMs, Math.floor(remaining / 2)));
  const budgetMs = Math.max(0, remaining - effectiveMarginMs);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineExceededError(budgetMs, effectiveMarginMs));
    }, budgetMs);
  });
  try {
    return await Promise.race([work(controller.signal, startedAt + budgetMs), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
