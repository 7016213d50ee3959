import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/**
 * A machine client of a login: a service that gets access tokens for the
 * login's APIs with its own id and secret (the OAuth client credentials
 * grant), with no users, pages or sign-in.
 */
export interface LoginMachineClientOptions {
  /**
   * The scopes the client may ask for: at least one, each a scope of one of
   * the login's resource servers, from `CognitoLogin.resourceServerScope(identifier, name)`.
   * Standard scopes (openid, email, ...) are refused: Cognito grants only
   * custom scopes with the client credentials grant.
   */
  readonly scopes: cognito.OAuthScope[];

  /**
   * The client's name in Cognito.
   *
   * @default - the construct id
   */
  readonly clientName?: string;

  /**
   * How long access tokens are valid.
   *
   * @default - Cognito's (1 hour)
   */
  readonly accessTokenValidity?: Duration;

  /**
   * Any other option of aws-cdk-lib's app clients (analytics, token
   * revocation, auth session validity, ...), merged under what the login
   * decides. The login owns `oAuth`, `supportedIdentityProviders`,
   * `userPool`, `generateSecret` (always true: the grant needs a secret) and
   * `disableOAuth` (the grant is OAuth): refused here. Without `authFlows`,
   * the client allows no user sign-in flow (`ALLOW_REFRESH_TOKEN_AUTH` only).
   *
   * @default - the login's defaults
   */
  readonly clientProps?: cognito.UserPoolClientOptions;
}
