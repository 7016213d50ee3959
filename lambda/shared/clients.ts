import { CloudFormationClient, CognitoIdentityProviderClient, S3Client, SSMClient } from './sdk';

/**
 * The SDK clients, built once per cold start and reused by every invocation
 * of a warm Lambda (building one loads credentials and endpoint rules).
 *
 * maxAttempts is 1: retry.ts is the single retry layer, so every retry is
 * logged and the remaining time bounds them, not SDK attempts times ours.
 * retryMode is "standard" whatever AWS_RETRY_MODE says: the adaptive mode's
 * client-side rate limiter would only delay that one attempt (and the
 * bundles leave it out: scripts/bundle/standard-retry.ts).
 */

/**
 * Per-attempt HTTP limits. Without them a connection that hangs (a dropped
 * packet, a stalled TLS handshake) holds the one attempt until the deadline
 * and the whole budget is spent on it; with them the attempt fails with a
 * TimeoutError, which retry.ts retries on a fresh connection.
 *
 * requestTimeout alone only logs a warning in @smithy/node-http-handler;
 * throwOnRequestTimeout makes it fail the attempt. A request carries at most
 * 2 MB (a branding request), which 30 s leaves room for on a slow link.
 */
export const HTTP_TIMEOUTS = {
  connectionTimeout: 5_000,
  requestTimeout: 30_000,
  throwOnRequestTimeout: true,
} as const;

export type HttpTimeouts = { readonly connectionTimeout: number; readonly requestTimeout: number; readonly throwOnRequestTimeout: boolean };

/** The configuration every client shares. */
export function clientConfig(timeouts: HttpTimeouts = HTTP_TIMEOUTS) {
  return { maxAttempts: 1, retryMode: 'standard', requestHandler: { ...timeouts } };
}

let cognito: CognitoIdentityProviderClient | undefined;
let s3: S3Client | undefined;
let ssm: SSMClient | undefined;
let cloudFormation: CloudFormationClient | undefined;

export function cognitoClient(): CognitoIdentityProviderClient {
  cognito ??= new CognitoIdentityProviderClient(clientConfig());
  return cognito;
}

export function s3Client(): S3Client {
  // followRegionRedirects: the asset bucket is normally in the Lambda's region,
  // but a redirect costs nothing to follow and saves a confusing failure.
  s3 ??= new S3Client({ ...clientConfig(), followRegionRedirects: true });
  return s3;
}

export function ssmClient(): SSMClient {
  ssm ??= new SSMClient(clientConfig());
  return ssm;
}

export function cloudFormationClient(): CloudFormationClient {
  cloudFormation ??= new CloudFormationClient(clientConfig());
  return cloudFormation;
}
