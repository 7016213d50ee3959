/**
 * The contract of Custom::CognitoClientMetadataPolicy: a Client ID Metadata
 * Document (CIMD) policy for one app client (botocore's cognito-idp model,
 * CreateCIMDPolicy; developer guide "Client ID metadata documents (CIMD)").
 * The login (addClient's clientMetadataDocuments) and the handler
 * (lambda/registration/cimd-handler.ts) both use this file. No aws-cdk-lib here.
 */
import { CustomResourceType, DeclaredTarget } from '../../private/custom-resource-contract';
import { ParseOptions, requireClientId, requireOnlyKnown, requireString, requireUserPoolId } from '../../private/property-parsing';

export const CLIENT_METADATA_POLICY_TYPE = 'Custom::CognitoClientMetadataPolicy';

/** URLPatternType of the model: HTTPS only, 12 to 256 characters. */
export const URL_PATTERN = /^https:\/\/[!$-;=@-[\]_a-z~]+$/;
export const URL_PATTERN_LENGTH = { min: 12, max: 256 } as const;
/** URLPatternListType: one to five. */
export const URL_PATTERN_COUNT = { min: 1, max: 5 } as const;
/** CacheDurationType, in seconds: one day to one year (31,556,952 s). */
export const CACHE_SECONDS = { min: 86_400, max: 31_556_952 } as const;

/** Properties of Custom::CognitoClientMetadataPolicy. */
export interface ClientMetadataPolicyProperties {
  readonly UserPoolId: string;
  readonly ClientId: string;
  /** CIMDPolicyNameType: 1 to 32 characters. */
  readonly PolicyName: string;
  readonly URLPatterns: string[];
  /** Seconds, as a string (CloudFormation's rendering of a number). */
  readonly CacheDuration?: string;
}

export interface DeclaredClientMetadataPolicy extends DeclaredTarget {
  readonly policyName: string;
  readonly urlPatterns: readonly string[];
  readonly cacheSeconds?: number;
}

const TYPE = CLIENT_METADATA_POLICY_TYPE;
const PROPERTIES = ['ServiceToken', 'UserPoolId', 'ClientId', 'PolicyName', 'URLPatterns', 'CacheDuration'];

export function parseClientMetadataPolicy(properties: Record<string, unknown>, options: ParseOptions = {}): DeclaredClientMetadataPolicy {
  requireOnlyKnown(properties, PROPERTIES, '', TYPE);
  const userPoolId = requireUserPoolId(properties, TYPE, options);
  const clientId = requireClientId(properties, TYPE, options);
  const policyName = requireString(properties, 'PolicyName', TYPE);
  if (policyName.length > 32) {
    throw new Error(`${TYPE}: property PolicyName must be 1 to 32 characters, got ${JSON.stringify(policyName)}`);
  }
  const patterns = properties.URLPatterns;
  if (!Array.isArray(patterns) || patterns.length < URL_PATTERN_COUNT.min || patterns.length > URL_PATTERN_COUNT.max
    || patterns.some((p) => typeof p !== 'string' || p.length < URL_PATTERN_LENGTH.min || p.length > URL_PATTERN_LENGTH.max || !URL_PATTERN.test(p))) {
    throw new Error(`${TYPE}: property URLPatterns must hold one to five HTTPS URL patterns, got ${JSON.stringify(patterns)}`);
  }
  let cacheSeconds: number | undefined;
  if (properties.CacheDuration !== undefined) {
    cacheSeconds = Number(properties.CacheDuration);
    if (!Number.isInteger(cacheSeconds) || cacheSeconds < CACHE_SECONDS.min || cacheSeconds > CACHE_SECONDS.max) {
      throw new Error(`${TYPE}: property CacheDuration must be whole seconds from ${CACHE_SECONDS.min} to ${CACHE_SECONDS.max}, got ${JSON.stringify(properties.CacheDuration)}`);
    }
  }
  return { userPoolId, clientId, policyName, urlPatterns: patterns as string[], ...(cacheSeconds === undefined ? {} : { cacheSeconds }) };
}

/** The registry entry (lambda/registry.ts pairs it with lambda/registration/cimd-handler.ts). No claims: a policy is an object of its own. */
export const CLIENT_METADATA_POLICY: CustomResourceType<DeclaredClientMetadataPolicy> = {
  resourceType: CLIENT_METADATA_POLICY_TYPE,
  poolActions: ['cognito-idp:CreateCIMDPolicy', 'cognito-idp:UpdateCIMDPolicy', 'cognito-idp:DeleteCIMDPolicy', 'cognito-idp:ListCIMDPolicies'],
  parse: parseClientMetadataPolicy,
};
