import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { AttemptOptions } from './attempt';
import { Budget } from './deadline';
import { callWithRetry, RetryPolicy } from './retry';

/**
 * What one invocation works with: the clients, the retry policy and the
 * deadline (`signal`, aborted when the deadline passes, and `deadlineAt`, on
 * the retry policy's clock `retry.now`; see Budget).
 */
export interface Invocation extends Budget {
  readonly cognito: CognitoIdentityProviderClient;
  readonly s3: S3Client;
  readonly ssm: SSMClient;
  readonly cloudFormation: CloudFormationClient;
  readonly retry: RetryPolicy;
}

/**
 * Options every SDK `send` takes: one attempt's abort signal and time limit,
 * so that no request is still in flight when the deadline passes.
 */
export type SendOptions = AttemptOptions;

/**
 * One AWS call with the invocation's retries and deadline. The operation name is
 * passed in (rather than read from the command class) because the bundle is
 * minified and class names do not survive.
 */
export function awsCall<T>(invocation: Invocation, operation: string, send: (options: SendOptions) => Promise<T>): Promise<T> {
  return callWithRetry(operation, invocation.retry, invocation, send);
}
