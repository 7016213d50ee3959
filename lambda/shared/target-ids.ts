import { requireString } from './properties';

/**
 * The ids that name a styled target, checked against Cognito's own patterns
 * (botocore's UserPoolIdType and ClientIdType): they become part of the
 * claim parameter's name, and anything else would be a template the
 * constructs never wrote.
 */
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

export function requireUserPoolId(properties: Record<string, unknown>, resourceType: string): string {
  const value = requireString(properties, 'UserPoolId', resourceType);
  if (value.length > 55 || !USER_POOL_ID.test(value)) {
    throw new Error(`${resourceType}: property UserPoolId must be a user pool id like eu-west-1_AbCdEf123, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function requireClientId(properties: Record<string, unknown>, resourceType: string): string {
  const value = requireString(properties, 'ClientId', resourceType);
  if (!CLIENT_ID.test(value)) {
    throw new Error(`${resourceType}: property ClientId must be an app client id (1 to 128 letters, digits, '_' or '+'), got ${JSON.stringify(value)}`);
  }
  return value;
}
