/**
 * A failed AWS call, with a message CloudFormation shows as the FAILED reason:
 * `<Operation> failed: <ErrorName>: <AWS message>`, the service's words kept
 * verbatim because they are what tells a user what to fix (e.g. Cognito's
 * `The uploaded image must be a valid .jpeg or .png file.`).
 */
export class AwsCallError extends Error {
  /** The AWS error name, e.g. ResourceNotFoundException. */
  public readonly errorName: string;
  /** The operation that failed, e.g. CreateManagedLoginBranding. */
  public readonly operation: string;

  constructor(operation: string, cause: unknown, suffix = '') {
    const name = awsErrorName(cause);
    super(`${operation} failed: ${name}: ${awsErrorMessage(cause)}${suffix}`, { cause });
    // `name` stays 'Error': the entrypoint reports the stack, whose first line
    // is `<name>: <message>`, and a class name there would only be noise.
    this.errorName = name;
    this.operation = operation;
  }
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
