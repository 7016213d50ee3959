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

/**
 * When the AWS calls of a piece of work must have stopped.
 *
 * Every attempt ends by `deadlineAt` (retry.ts gives each one at most the
 * time left, and starts none that would get too little), so once the work
 * has settled nothing it sent is still travelling to AWS. That is the point:
 * a write still in flight when FAILED is sent can be carried out after
 * CloudFormation's rollback has put the previous declaration back, and
 * nothing would ever undo it (the rollback sends no second event). AWS
 * carries out a request it received even when the client has stopped
 * waiting for the answer, so aborting the request at the deadline, as this
 * handler once did, only stops the waiting, never the write.
 */
export interface Budget {
  /** Aborted at `deadlineAt`: ends a backoff wait at once; no attempt starts after it. */
  readonly signal: AbortSignal;
  /** On the retry policy's clock (`RetryPolicy.now`); Infinity when unbounded. */
  readonly deadlineAt: number;
}

/** Thrown when the work was still running well after its deadline (a wait that is not an AWS call). */
export class DeadlineExceededError extends Error {
  constructor(budgetMs: number, marginMs: number, graceMs: number) {
    super(
      `Timed out after ${budgetMs} ms (the Lambda time left minus a ${marginMs} ms safety margin), `
      + `the handler's work still running ${graceMs} ms later`,
    );
    // `name` stays 'Error', as for AwsCallError: errors.ts turns it into the FAILED reason.
  }
}

/**
 * Runs `work` with a budget that ends at the Lambda's remaining time minus
 * the margin (the margin taking at most half of that time), and resolves or
 * rejects with the work's own outcome.
 *
 * At the deadline the budget's signal aborts, which stops retries, but the
 * work is not abandoned: its last attempt ends by the deadline on its own
 * (see Budget), and racing past it would answer CloudFormation while that
 * attempt may still change something. Only work that is still running half a
 * margin after the deadline (something other than an AWS call, which should
 * not happen) is given up, with DeadlineExceededError, so that the other half
 * of the margin is still there for the entrypoint's answer.
 */
export async function withDeadline<T>(
  context: RemainingTime,
  marginMs: number,
  work: (budget: Budget) => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const remaining = context.getRemainingTimeInMillis();
  // The margin never takes more than half of what is left, so a function
  // invoked with little time still gets to try a short call.
  const effectiveMarginMs = Math.max(0, Math.min(marginMs, Math.floor(remaining / 2)));
  const budgetMs = Math.max(0, remaining - effectiveMarginMs);
  const graceMs = Math.floor(effectiveMarginMs / 2);
  const budget = openBudget(now() + budgetMs, now);
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceededError(budgetMs, effectiveMarginMs, graceMs)), budgetMs + graceMs);
  });
  try {
    return await Promise.race([work({ signal: budget.signal, deadlineAt: budget.deadlineAt }), givenUp]);
  } finally {
    clearTimeout(timer);
    budget.close();
  }
}

/**
 * Runs `forward` with a budget that ends `reserveMs` before `budget`'s and,
 * when it fails, `cleanUp` with the whole budget, then throws forward's
 * error: for work that must undo its own writes before the handler answers
 * FAILED (a failed Create, which CloudFormation never asks to delete). The
 * forward work's attempts end by its own, earlier deadline, so the clean-up
 * starts with nothing of it still in flight and has the reserved time to
 * itself. `budget` is passed on as it is, with only `signal` and
 * `deadlineAt` replaced (an Invocation stays an Invocation).
 */
export async function withCleanUp<B extends Budget, T>(
  budget: B,
  reserveMs: number,
  forward: (budget: B) => Promise<T>,
  cleanUp: (budget: B, error: unknown) => Promise<void>,
  now: () => number = Date.now,
): Promise<T> {
  const forwardBudget = openBudget(budget.deadlineAt - reserveMs, now, budget.signal);
  try {
    return await forward({ ...budget, signal: forwardBudget.signal, deadlineAt: forwardBudget.deadlineAt });
  } catch (error) {
    forwardBudget.close();
    try {
      await cleanUp(budget, error);
    } catch (cleanUpError) {
      throw new Error(`${messageOf(error)}; undoing what it wrote failed too: ${messageOf(cleanUpError)}`, { cause: error });
    }
    throw error;
  } finally {
    forwardBudget.close();
  }
}

/**
 * A budget ending at `deadlineAt` (on `now`'s clock), also ending when
 * `parent` aborts. `close` stops its timer and unhooks it from the parent,
 * so that nothing is left behind on a signal that outlives it.
 */
function openBudget(deadlineAt: number, now: () => number, parent?: AbortSignal): Budget & { close(): void } {
  const controller = new AbortController();
  const end = () => controller.abort();
  const timer = Number.isFinite(deadlineAt) ? setTimeout(end, Math.max(0, deadlineAt - now())) : undefined;
  if (parent?.aborted) {
    end();
  } else {
    parent?.addEventListener('abort', end, { once: true });
  }
  return {
    signal: controller.signal,
    deadlineAt,
    close: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', end);
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
