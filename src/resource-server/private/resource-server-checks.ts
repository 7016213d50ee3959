import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { ValidationError, isUnresolved, requireUnique } from '../../private/validate';
import { LoginResourceServerOptions } from '../resource-server';

/** Cognito's rules (API_CreateResourceServer, API_ResourceServerScopeType). */
const MAX_LENGTH = 256;
const MAX_SCOPES = 100;
/** Printable ASCII without space, `"` and `\`. */
const IDENTIFIER_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const NAME_PATTERN = /^[\w\s+=,.@-]+$/;
/** As the identifier, and without `/`, which separates identifier and scope. */
const SCOPE_NAME_PATTERN = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/;

/** Scopes Cognito defines itself; every other scope belongs to a resource server. */
const STANDARD_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

/** Refuses resource servers Cognito would reject, and two with the same identifier. */
export function validateResourceServers(scope: IConstruct, prop: string, servers: readonly LoginResourceServerOptions[]): void {
  servers.forEach((server, index) => {
    const at = `${prop}[${index}]`;
    checkText(scope, `${at}.identifier`, server.identifier, IDENTIFIER_PATTERN, 'printable ASCII without spaces, quotes or backslashes');
    if (server.name !== undefined) {
      checkText(scope, `${at}.name`, server.name, NAME_PATTERN, 'letters, digits, spaces and + = , . @ - _');
    }
    if (server.scopes.length > MAX_SCOPES) {
      throw new ValidationError(scope, `${at}.scopes`, `${server.scopes.length} scopes`, `at most ${MAX_SCOPES} scopes`);
    }
    server.scopes.forEach((s, i) => {
      checkText(scope, `${at}.scopes[${i}].name`, s.name, SCOPE_NAME_PATTERN, 'printable ASCII without spaces, quotes, backslashes or slashes');
      checkText(scope, `${at}.scopes[${i}].description`, s.description, /^[\s\S]+$/, 'any text');
    });
    requireUnique(scope, `${at}.scopes[].name`, server.scopes.map((s) => s.name));
  });
  requireUnique(scope, `${prop}[].identifier`, servers.map((s) => s.identifier));
}

/**
 * Checks that every non-standard scope a client asks for is `identifier/name`
 * of a resource server of this login, and returns the identifiers used, so
 * the client can depend on those servers: a scope given as a string creates
 * no CloudFormation dependency, and Cognito refuses a client whose scope does
 * not exist yet.
 */
export function resourceServersOfScopes(
  scope: IConstruct, prop: string, scopes: readonly cognito.OAuthScope[], servers: readonly LoginResourceServerOptions[],
): string[] {
  const used = new Set<string>();
  scopes.forEach((oauthScope, index) => {
    const scopeName = oauthScope.scopeName;
    if (isUnresolved(scopeName) || STANDARD_SCOPES.includes(scopeName)) {
      return;
    }
    const server = findServer(scopeName, servers);
    if (server === undefined) {
      throw new ValidationError(scope, `${prop}[${index}]`, scopeName,
        `one of ${[...STANDARD_SCOPES, ...serverScopes(servers)].join(', ')}: a scope of a resource server must be declared in the login's resourceServers`);
    }
    used.add(server.identifier);
  });
  return [...used];
}

/**
 * Refuses a machine client's scopes unless there is at least one and each
 * is a scope of one of the login's resource servers. Cognito grants only
 * custom scopes with the client credentials grant, which issues an access
 * token to no user (API_CreateUserPoolClient, AllowedOAuthFlows:
 * "client_credentials ... directly to a non-person user"): GetClientToken,
 * which "provides the same functionality as the OAuth2 client-credentials
 * grant", takes "The custom scopes to authorize in the access token ... Each
 * scope must belong to a resource server in your user pool"
 * (API_GetClientToken, Scopes), and the developer guide's "Scopes, M2M, and
 * resource servers" gives machine clients custom scopes. So openid, email
 * and the other standard scopes are refused too.
 */
export function checkMachineClientScopes(
  scope: IConstruct, prop: string, scopes: readonly cognito.OAuthScope[] | undefined, servers: readonly LoginResourceServerOptions[],
): void {
  const allowed = `a scope of one of the login's resource servers (${serverScopes(servers).join(', ') || 'none: declare one in resourceServers'})`;
  if (scopes === undefined || (!isUnresolved(scopes) && scopes.length === 0)) {
    throw new ValidationError(scope, prop, scopes ?? '(not given)', `at least one scope: ${allowed}`);
  }
  scopes.forEach((oauthScope, index) => {
    const scopeName = (oauthScope as Partial<cognito.OAuthScope> | undefined)?.scopeName;
    if (typeof scopeName !== 'string') {
      // A plain string from JavaScript or another jsii language, where the type does not stop it.
      throw new ValidationError(scope, `${prop}[${index}]`, oauthScope, `an OAuthScope: login.resourceServerScope(identifier, name), ${allowed}`);
    }
    if (!isUnresolved(scopeName) && findServer(scopeName, servers) === undefined) {
      throw new ValidationError(scope, `${prop}[${index}]`, scopeName, STANDARD_SCOPES.includes(scopeName)
        ? `${allowed}: Cognito grants only custom scopes with the client credentials grant`
        : allowed);
    }
  });
}

/** Every scope of the servers, as clients ask for it: `identifier/name`. */
function serverScopes(servers: readonly LoginResourceServerOptions[]): string[] {
  return servers.flatMap((s) => s.scopes.map((x) => `${s.identifier}/${x.name}`));
}

/** The server that declares `identifier/name`; the identifier itself may contain slashes (URLs do). */
export function findServer(scopeName: string, servers: readonly LoginResourceServerOptions[]): LoginResourceServerOptions | undefined {
  return servers.find((server) => server.scopes.some((s) => `${server.identifier}/${s.name}` === scopeName));
}

function checkText(scope: IConstruct, prop: string, value: string, pattern: RegExp, allowed: string): void {
  if (isUnresolved(value)) {
    return;
  }
  if (value.length === 0 || value.length > MAX_LENGTH || !pattern.test(value)) {
    throw new ValidationError(scope, prop, value, `1 to ${MAX_LENGTH} characters: ${allowed}`);
  }
}
