import { Target } from './claims';
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
 * Create removes it first. The undo runs on the invocation `cleanupOf` gives:
 * the time kept back for it, even when the forward work ran out of time.
 * When the undo fails too, both reasons are answered.
 */
export async function undoFailedCreate<T>(
  invocation: Invocation, target: Target, work: () => Promise<T>, undo: (cleanup: Invocation) => Promise<void>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const fields = { userPoolId: target.userPoolId, clientId: target.clientId };
    try {
      await undo(cleanupOf(invocation));
      log('create undone', { ...fields, reason: 'the create failed; what it wrote is removed and what it took over is put back' });
    } catch (undoError) {
      log('undo failed', { ...fields, reason: (undoError as Error).message });
      throw new Error(`${(error as Error).message}. Undoing this create failed as well, so part of it may remain on client ${target.clientId}: `
        + `${(undoError as Error).message}. Deploying again converges the client`, { cause: error });
    }
    throw error;
  }
}

/** The invocation a clean-up runs on: the same clients and policy, with the time kept back for it. */
function cleanupOf(invocation: Invocation): Invocation {
  return invocation.cleanup ? invocation.cleanup() : invocation;
}
