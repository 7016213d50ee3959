import { CognitoIdentityProviderClient, S3Client } from './sdk';

/**
 * The SDK clients, built once per cold start and reused by every invocation
 * of a warm Lambda (building one loads credentials and endpoint rules).
 *
 * maxAttempts is 1: retry.ts is the single retry layer, so the bound on
 * attempts is what the policy says rather than SDK attempts times ours, and
 * every retry is logged and stops at the deadline.
 */
let cognito: CognitoIdentityProviderClient | undefined;
let s3: S3Client | undefined;

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient({ maxAttempts: 1 });
  return cognito;
}

export function s3Client(): S3Client {
  // followRegionRedirects: the asset bucket is normally in the Lambda's region,
  // but a redirect costs nothing to follow and saves a confusing failure.
  s3 ??= new S3Client({ maxAttempts: 1, followRegionRedirects: true });
  return s3;
}
