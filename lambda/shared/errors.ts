/**
 * A failed AWS call, with a message CloudFormation shows as the FAILED reason:
 * `<Operation> failed: <ErrorName>: <AWS message>`, the service's words kept
 * verbatim because they are what tells a user what to fix (e.g. Cognito's
 * `The uploaded image must be a valid .jpeg or .png file.`), then what the
 * retries made of it, then `(request id …)`, the id AWS gave the request
 * (`x-amzn-RequestId`), which AWS Support asks for and CloudTrail records.
 */
export class AwsCallError extends Error {
  /** The AWS error name, e.g. ResourceNotFoundException. */
  public readonly errorName: string;
  /** The operation that failed, e.g. CreateManagedLoginBranding. */
  public readonly operation: string;
  /** AWS's id of the failed request; undefined when no answer came (a timeout, a dropped connection). */
  public readonly requestId?: string;

  constructor(operation: string, cause: unknown, suffix = '') {
    const name = awsErrorName(cause);
    const requestId = awsRequestId(cause);
    super(`${operation} failed: ${name}: ${awsErrorMessage(cause)}${suffix}${requestId ? ` (request id ${requestId})` : ''}`, { cause });
    // `name` stays 'Error': asFailure makes the FAILED reason the message alone.
    this.errorName = name;
    this.operation = operation;
    this.requestId = requestId;
  }
}

/**
 * What the handler throws to aws-cdk-lib's nodejs-entrypoint, which answers
 * CloudFormation FAILED with `Reason: includeStackTraces ? e.stack : e.message`
 * (custom-resource-handlers/dist/core/nodejs-entrypoint-handler in
 * aws-cdk-lib; CustomResourceProvider deploys it with includeStackTraces
 * left true). A stack is the message and then the frames of the minified
 * bundle, which tell a user nothing and crowd the message out of the
 * console's event list. So the error thrown has the one line as its stack:
 * the message of the handler's own errors (AwsCallError, the deadline's,
 * refusals), or `<name>: <message>` of any other class (a TypeError is a bug,
 * and its name says so).
 */
export function asFailure(error: unknown): Error {
  const reason = error instanceof Error
    ? (error.name === 'Error' ? error.message : `${error.name}: ${error.message}`)
    : String(error);
  const failure = new Error(reason, { cause: error });
  failure.stack = reason;
  return failure;
}

/** The AWS error name of an SDK exception (or of an AwsCallError wrapping one). */
export function awsErrorName(error: unknown): string {
  if (error instanceof AwsCallError) {
    return error.errorName;
  }
  if (typeof error === 'object' && error !== null) {
    const e = error as { name?: unknown; Code?: unknown; code?: unknown };
    for (const candidate of [e.name, e.Code, e.code]) {
      if (typeof candidate === 'string' && candidate !== '' && candidate !== 'Error') {
        return candidate;
      }
    }
  }
  return 'Error';
}

/** `$metadata.requestId` of an SDK exception: the request id AWS answered with. */
function awsRequestId(error: unknown): string | undefined {
  const id = typeof error === 'object' && error !== null
    ? (error as { $metadata?: { requestId?: unknown } }).$metadata?.requestId
    : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function awsErrorMessage(error: unknown): string {
  if (error instanceof Error && error.message) {
    return error.message;
  }
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** True when the error (an SDK exception or an AwsCallError) carries this AWS error name. */
export function isAwsError(error: unknown, name: string): boolean {
  return awsErrorName(error) === name;
}
