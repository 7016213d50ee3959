import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { callWithRetry, RetryPolicy } from './retry';

/** What one invocation works with: the clients, the retry policy and the deadline. */
export interface Invocation {
  readonly cognito: CognitoIdentityProviderClient;
  readonly s3: S3Client;
  readonly ssm: SSMClient;
  readonly cloudFormation: CloudFormationClient;
  readonly retry: RetryPolicy;
  /** Aborted when the deadline passes. */
  readonly signal: AbortSignal;
  /** When the budget ends, on the retry policy's clock (`retry.now`). */
  readonly deadlineAt: number;
  /**
   * The invocation a clean-up after a failure runs on (undoing a failed
   * Create): its own signal and deadline, in the time kept back from the
   * forward work. @default this invocation
   */
  readonly cleanup?: () => Invocation;
}

/** Options every SDK `send` takes: the signal cancels an in-flight request at the deadline. */
export interface SendOptions {
  readonly abortSignal: AbortSignal;
}

/**
 * One AWS call with the invocation's retries and deadline. The operation name is
 * passed in (rather than read from the command class) because the bundle is
 * minified and class names do not survive.
 */
export function awsCall<T>(invocation: Invocation, operation: string, send: (options: SendOptions) => Promise<T>): Promise<T> {
  const { retry, signal, deadlineAt } = invocation;
  return callWithRetry(operation, retry, { signal, deadlineAt }, () => send({ abortSignal: signal }));
}
