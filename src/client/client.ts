import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClientMetadataDocumentsOptions } from '../registration/client-metadata-documents';
import { LoginTermsOptions } from '../terms/terms';

/**
 * An app client of a login: an application users sign in to through the
 * hosted pages, or, with `clientProps: { disableOAuth: true }`, through the
 * SDK only (SRP, USER_AUTH with passkeys or one-time codes).
 */
export interface LoginClientOptions {
  /**
   * Where Cognito may send users after sign-in; the first is used for the
   * sign-in URL. `https://`, or `http://localhost` for development; no `#fragment`.
   * Required for a client with hosted pages; absent with `clientProps.disableOAuth`,
   * which has no pages to come back from.
   *
   * @default - none: only with `clientProps: { disableOAuth: true }`
   */
  readonly callbackUrls?: string[];

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
   * Names of providers of this login to support; 'COGNITO' for the pool's
   * own users. A provider created elsewhere is listed once it is declared
   * with `LoginProvider.existing(name)` in the login's identityProviders.
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

  /**
   * Terms documents linked from this client's managed login sign-up page.
   * Each document given here (terms of use, privacy policy) replaces the
   * login's one of the same kind; the other still comes from the login.
   * A client without hosted pages (`disableOAuth`) gets none: Cognito shows
   * them on its pages only.
   *
   * @default - the login's terms, if any
   */
  readonly terms?: LoginTermsOptions;

  /**
   * Client ID metadata documents: OAuth clients whose client id is an HTTPS
   * URL matching one of `urlPatterns` sign in as this client (a CIMD policy,
   * `<id>ClientMetadata`, updated in place and deleted with the client).
   * Refused for a client without hosted pages.
   *
   * @default - none
   */
  readonly clientMetadataDocuments?: ClientMetadataDocumentsOptions;

  /**
   * Any other option of aws-cdk-lib's app clients (auth flows, refresh token
   * rotation, read and write attributes, analytics, ...), merged under what
   * the login decides. Precedence, highest first: the members the login owns
   * (`oAuth`, `supportedIdentityProviders`, `userPool`: refused here, use the
   * client's callbackUrls, logoutUrls, scopes, implicitCodeGrant and
   * identityProviders); this client's own options (clientName,
   * generateSecret, the token validities); clientProps; the login's defaults
   * (no secret, user existence errors hidden). With the login's `signIn`,
   * `ALLOW_USER_AUTH` is added to the auth flows (and `authFlows.user: false`
   * is refused). `disableOAuth: true` makes a client without hosted pages,
   * for apps that sign users in through the SDK: no callback URLs, logout
   * URLs, scopes or implicitCodeGrant then, no `<id>SignInUrl` output, no
   * page style and no terms; its providers default to COGNITO only, since
   * federated sign-in goes through the pages.
   *
   * @default - the login's defaults
   */
  readonly clientProps?: cognito.UserPoolClientOptions;
}
