import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/** An app client of a login: an application users sign in to through the hosted pages. */
export interface LoginClientOptions {
  /**
   * Where Cognito may send users after sign-in; the first is used for the
   * sign-in URL. `https://`, or `http://localhost` for development; no `#fragment`.
   */
  readonly callbackUrls: string[];

  /**
   * Where Cognito may send users after sign-out; same rules as callbackUrls.
   *
   * @default - none
   */
  readonly logoutUrls?: string[];

  /**
   * OAuth scopes the client may ask for. Resource server scopes come from
   * `CognitoLogin.resourceServerScope(identifier, name)` and must belong to the login.
   *
   * @default [OPENID, EMAIL, PROFILE]
   */
  readonly scopes?: cognito.OAuthScope[];

  /**
   * Names of providers of this login to support; 'COGNITO' for the pool's own users.
   *
   * @default - every provider of the login, plus COGNITO
   */
  readonly identityProviders?: string[];

  /**
   * Whether the client has a secret (a confidential client such as a server-side web app).
   *
   * @default false
   */
  readonly generateSecret?: boolean;

  /**
   * Whether the OAuth implicit grant is allowed in addition to the authorization code grant.
   * Tokens then travel in the URL; prefer the code grant with PKCE.
   *
   * @default false
   */
  readonly implicitCodeGrant?: boolean;

  /**
   * How long access tokens are valid.
   *
   * @default - Cognito's (1 hour)
   */
  readonly accessTokenValidity?: Duration;

  /**
   * How long ID tokens are valid.
   *
   * @default - Cognito's (1 hour)
   */
  readonly idTokenValidity?: Duration;

  /**
   * How long refresh tokens are valid.
   *
   * @default - Cognito's (30 days)
   */
  readonly refreshTokenValidity?: Duration;

  /**
   * The client's name in Cognito.
   *
   * @default - the construct id
   */
  readonly clientName?: string;
}
