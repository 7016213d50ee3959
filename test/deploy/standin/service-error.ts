/**
 * An error the stand-in answers with, as the real service would: the AWS
 * error code (which the SDK turns into the exception's `name`), the message,
 * and the HTTP status.
 */
export class ServiceError extends Error {
  constructor(
    /** e.g. InvalidParameterException, NoSuchKey. */
    public readonly code: string,
    message: string,
    public readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** Cognito's refusal of a request parameter (its only validation error code). */
export function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

export function resourceNotFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', message);
}

/**
 * The code a service uses for a request that fails its model constraints:
 * Cognito says InvalidParameterException, SSM (like most Coral services)
 * ValidationException; S3 checks the little it takes in the URI itself.
 */
export const VALIDATION_ERROR_CODE = {
  'cognito-idp': 'InvalidParameterException',
  'ssm': 'ValidationException',
  's3': 'InvalidArgument',
} as const;
