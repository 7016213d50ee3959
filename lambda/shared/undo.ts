import { Target } from './claims';
import { withCleanUp } from './deadline';
import { Invocation } from './invocation';
import { log } from './log';

/**
 * Runs the writes of a Create and, when they fail, `undo` before the error
 * goes to CloudFormation.
 *
 * aws-cdk-lib's entrypoint answers a failed Create with the physical id
 * AWSCDK::CustomResourceProviderFramework::CREATE_FAILED and then answers the
 * rollback's Delete of that id itself, without calling the handler; so
 * whatever a failed Create leaves in Cognito stays for good unless the
 * Create removes it first. The forward work runs on `forward`, whose deadline
 * comes early enough to leave the undo its reserve even when the work ran
 * out of time; the undo runs on the whole budget. When the undo fails too,
 * both reasons are answered.
 */
export async function undoFailedCreate<T>(
  invocation: Invocation, target: Pick<Target, 'userPoolId' | 'clientId'>, work: (forward: Invocation) => Promise<T>, undo: (cleanup: Invocation) => Promise<void>,
): Promise<T> {
  const fields = { userPoolId: target.userPoolId, clientId: target.clientId };
  const left = invocation.deadlineAt - invocation.retry.now();
  // A third of the budget at most, so a short-lived invocation still gets to try its work.
  const reserveMs = Math.min(invocation.retry.undoReserveMs, Math.max(0, Math.floor(left / 3)));
  return withCleanUp(invocation, reserveMs, work, async (cleanup) => {
    try {
      await undo(cleanup);
    } catch (undoError) {
      log('undo failed', { ...fields, reason: (undoError as Error).message });
      throw undoError;
    }
    log('create undone', { ...fields, reason: 'the create failed; what it wrote is removed and what it took over is put back' });
  }, invocation.retry.now);
}
