import { CognitoState, UserPool } from './cognito-state';
import { Prng } from './prng';
import { ServiceError } from './service-error';

/**
 * The user pool domain's OAuth endpoints that dynamic client registration
 * needs (developer guide "Dynamic client registration"): the registration
 * endpoint `https://<domain>/oauth2/register` (RFC 7591) and the token
 * endpoint's client credentials grant, which mints the initial access token
 * of authenticated registration. Played as methods, not HTTP: the scenarios
 * call them as an MCP client would call the domain.
 *
 * Registration follows the pool's DcrConfiguration (botocore's
 * DcrConfigurationType): open registration takes no token and the grant
 * types of OpenDcrGrantTypes (default `code`); authenticated registration a
 * bearer access token holding `aws.cognito/dcr/register` and the grant types
 * of AuthenticatedGrantTypes (default `code` and `client_credentials`); an
 * empty list refuses every registration of its kind. Scopes: the OIDC
 * scopes, and those of AllowedScopes; never the register scope. A
 * registered client is an app client of the pool, counted toward its
 * app-client quota. Refusals use RFC 7591's error codes (section 3.2.2).
 */

/** RFC 7591 section 2: the client metadata a registration request carries (those the stand-in reads). */
export interface RegistrationRequest {
  readonly client_name?: string;
  readonly redirect_uris?: readonly string[];
  /** @default ['authorization_code'] (RFC 7591 section 2) */
  readonly grant_types?: readonly string[];
  /** Space-separated scopes. @default none beyond the OIDC scopes */
  readonly scope?: string;
}

/** RFC 7591 section 3.2.1: the client information response. */
export interface RegisteredClient {
  readonly client_id: string;
  readonly client_id_issued_at: number;
  readonly client_name: string;
  readonly grant_types: readonly string[];
  readonly redirect_uris: readonly string[];
  readonly scope: string;
  readonly token_endpoint_auth_method: 'none' | 'client_secret_basic';
}

/** RFC 7591 section 3.2.2 (and RFC 6750 section 3.1 for the bearer token): an error response. */
export interface RegistrationError {
  readonly status: number;
  readonly error: 'invalid_client_metadata' | 'invalid_redirect_uri' | 'invalid_token' | 'insufficient_scope' | 'access_denied';
  readonly error_description: string;
}

export type RegistrationAnswer = { readonly status: 201; readonly client: RegisteredClient } | RegistrationError;

/** The token endpoint's answer to a client credentials grant (RFC 6749 sections 5.1 and 5.2). */
export type TokenAnswer = { readonly access_token: string; readonly token_type: 'Bearer'; readonly scope: string }
| { readonly error: 'invalid_client' | 'unauthorized_client' | 'invalid_scope'; readonly error_description: string };

/** The system scope an initial access token must hold (DcrConfigurationType.AllowedScopes). */
export const REGISTER_SCOPE = 'aws.cognito/dcr/register';
/** Scopes every registered client may request without them being listed (DcrConfigurationType.AllowedScopes). */
const OIDC_SCOPES = ['openid', 'email', 'phone', 'profile'];
/** RFC 7591 grant type names and the OAuthFlowsType values they are in Cognito. */
const FLOW_OF_GRANT: Readonly<Record<string, string>> = { authorization_code: 'code', client_credentials: 'client_credentials' };

interface IssuedToken {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export class RegistrationEndpoint {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly cognito: CognitoState, private readonly prng: Prng) {}

  /**
   * `POST https://<domain>/oauth2/token` with `grant_type=client_credentials`
   * (developer guide "The token endpoint"): the client must allow the
   * client_credentials flow; each requested scope must be one of its
   * AllowedOAuthScopes, and with none requested the token holds all of them.
   * The client secret is not checked (the stand-in keeps none).
   */
  clientCredentialsToken(domain: string, clientId: string, scope?: string): TokenAnswer {
    const pool = this.poolOfDomain(domain);
    const client = pool.clients.get(clientId);
    if (client === undefined) {
      return { error: 'invalid_client', error_description: `Client ${clientId} does not exist in user pool ${pool.id}.` };
    }
    if (!(client.allowedOAuthFlows ?? []).includes('client_credentials')) {
      return { error: 'unauthorized_client', error_description: 'The client is not allowed the client_credentials grant.' };
    }
    const allowed = client.allowedOAuthScopes ?? [];
    const requested = scope === undefined ? allowed : scope.split(' ').filter((s) => s !== '');
    const refused = requested.filter((s) => !allowed.includes(s));
    if (refused.length > 0 || requested.length === 0) {
      return { error: 'invalid_scope', error_description: `Scopes not allowed for this client: ${refused.join(' ') || '(none requested or allowed)'}` };
    }
    const token = `standin-access-${this.prng.string('abcdefghijklmnopqrstuvwxyz0123456789', 32)}`;
    this.tokens.set(token, { userPoolId: pool.id, clientId, scopes: [...requested] });
    return { access_token: token, token_type: 'Bearer', scope: requested.join(' ') };
  }

  /** `POST https://<domain>/oauth2/register` with `Authorization: Bearer <bearer>` when given. */
  register(domain: string, request: RegistrationRequest, bearer?: string): RegistrationAnswer {
    const pool = this.poolOfDomain(domain);
    const dcr = pool.settings.DcrConfiguration as DcrConfiguration | undefined;
    if (dcr === undefined || dcr.EnableStatus === 'DISABLED') {
      // The stand-in's reading (unconfirmed): a pool without registration refuses every request.
      return refusal(403, 'access_denied', 'Dynamic client registration is not enabled for this user pool.');
    }
    let grantsAllowed: readonly string[];
    if (bearer !== undefined) {
      const token = this.tokens.get(bearer);
      if (token === undefined || token.userPoolId !== pool.id) {
        return refusal(401, 'invalid_token', 'The access token is not valid for this user pool.');
      }
      if (!token.scopes.includes(REGISTER_SCOPE)) {
        return refusal(403, 'insufficient_scope', `The access token does not hold ${REGISTER_SCOPE}.`);
      }
      grantsAllowed = dcr.AuthenticatedGrantTypes ?? ['code', 'client_credentials'];
    } else if (dcr.OpenDcrEnabled === true) {
      grantsAllowed = dcr.OpenDcrGrantTypes ?? ['code'];
    } else {
      return refusal(401, 'invalid_token', 'Registration needs an initial access token: open registration is off.');
    }
    const grants = request.grant_types ?? ['authorization_code'];
    const flows = grants.map((grant) => FLOW_OF_GRANT[grant]);
    const refusedGrants = grants.filter((_grant, i) => flows[i] === undefined || !grantsAllowed.includes(flows[i]));
    if (grants.length === 0 || refusedGrants.length > 0) {
      return refusal(400, 'invalid_client_metadata', `grant_types not allowed: ${refusedGrants.join(' ') || '(none)'}; allowed: ${grantsAllowed.join(' ') || 'none'}`);
    }
    const scopes = (request.scope ?? '').split(' ').filter((s) => s !== '');
    const scopesAllowed = [...OIDC_SCOPES, ...(dcr.AllowedScopes ?? []).filter((s) => s !== REGISTER_SCOPE)];
    const refusedScopes = scopes.filter((s) => !scopesAllowed.includes(s));
    if (refusedScopes.length > 0) {
      return refusal(400, 'invalid_client_metadata', `scope not allowed: ${refusedScopes.join(' ')}`);
    }
    const redirects = request.redirect_uris ?? [];
    if (flows.includes('code') && (redirects.length === 0 || redirects.some((uri) => !isRedirectUri(uri)))) {
      return refusal(400, 'invalid_redirect_uri', 'The code grant needs redirect_uris, each https:// (or http://localhost).');
    }
    const name = request.client_name ?? 'registered client';
    let clientId: string;
    try {
      clientId = this.cognito.createUserPoolClient(pool.id, name, { allowedOAuthFlows: flows, allowedOAuthScopes: scopes, registered: true });
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'LimitExceededException') {
        // The stand-in's reading (unconfirmed): the quota refusal as client metadata Cognito cannot take.
        return refusal(400, 'invalid_client_metadata', error.message);
      }
      throw error;
    }
    return {
      status: 201,
      client: {
        client_id: clientId,
        client_id_issued_at: Math.floor(Date.now() / 1000),
        client_name: name,
        grant_types: [...grants],
        redirect_uris: [...redirects],
        scope: scopes.join(' '),
        token_endpoint_auth_method: flows.includes('client_credentials') ? 'client_secret_basic' : 'none',
      },
    };
  }

  private poolOfDomain(domain: string): UserPool {
    const pool = [...this.cognito.pools.values()].find((candidate) => candidate.domains.some((d) => d.domain === domain));
    if (pool === undefined) {
      throw new ServiceError('ResourceNotFoundException', `No user pool has the domain ${domain}.`, 404);
    }
    return pool;
  }
}

/** DcrConfigurationType of botocore's model, as the pool keeps it. */
interface DcrConfiguration {
  readonly EnableStatus?: 'ENABLED' | 'DISABLED';
  readonly OpenDcrEnabled?: boolean;
  readonly AuthenticatedGrantTypes?: readonly string[];
  readonly OpenDcrGrantTypes?: readonly string[];
  readonly AllowedScopes?: readonly string[];
}

function refusal(status: number, error: RegistrationError['error'], description: string): RegistrationError {
  return { status, error, error_description: description };
}

/** Callback URLs Cognito takes: HTTPS, or http://localhost for testing (API_CreateUserPoolClient, CallbackURLs). */
function isRedirectUri(uri: string): boolean {
  return uri.startsWith('https://') || /^http:\/\/localhost(:\d+)?(\/|$)/.test(uri);
}
