import { serviceModel, ServiceName } from './botocore-models';

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

/**
 * An operation the service (or the stand-in) does not serve: the JSON
 * protocols' UnknownOperationException; a query-protocol service answers
 * InvalidAction ("The action or operation requested is invalid", Common
 * Errors of the AWS CloudFormation API Reference,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/CommonErrors.html).
 */
export function unknownOperation(service: ServiceName, message: string): ServiceError {
  return new ServiceError(serviceModel(service).metadata.protocol === 'query' ? 'InvalidAction' : 'UnknownOperationException', message);
}

export function resourceNotFound(message: string): ServiceError {
  return new ServiceError('ResourceNotFoundException', message);
}

/**
 * The code a service uses for a request that fails its model constraints:
 * Cognito says InvalidParameterException, SSM (like most Coral services)
 * ValidationException; S3 checks the little it takes in the URI itself;
 * CloudFormation, a query-protocol service, says ValidationError (its
 * DescribeStackResource refusals in the wild: `ValidationError: Resource X
 * does not exist for stack Y`).
 */
export const VALIDATION_ERROR_CODE = {
  'cognito-idp': 'InvalidParameterException',
  'ssm': 'ValidationException',
  's3': 'InvalidArgument',
  'cloudformation': 'ValidationError',
} as const;
