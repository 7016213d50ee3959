import { createHash } from 'crypto';
import { CfnOutput, IResolveContext, Lazy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  CACHE_SECONDS, CLIENT_METADATA_POLICY, ClientMetadataPolicyProperties, URL_PATTERN, URL_PATTERN_COUNT, URL_PATTERN_LENGTH,
} from './cimd-contract';
import { ClientRegistrationProperties, CLIENT_REGISTRATION } from './registration-contract';
import { addHandlerResource } from '../../private/handler-provider';
import { isUnresolved, ViolationCollector, warn } from '../../private/validate';
import { ClientMetadataDocumentsOptions } from '../client-metadata-documents';
import { ClientRegistration, RegistrationGrantType } from '../client-registration';

/** What the login knows that registration needs. */
export interface LoginRegistrationContext {
  readonly userPool: cognito.IUserPool;
  readonly domain: cognito.UserPoolDomain;
  /** Every scope of the login's resource servers, `identifier/name`. */
  readonly serverScopes: readonly string[];
  /** Whether the pages are managed login (a style per client) rather than classic. */
  readonly managedLogin: boolean;
}

/**
 * The OpenID Connect scopes a registered client may request without being
 * listed (DcrConfigurationType.AllowedScopes in botocore's cognito-idp model).
 */
const OIDC_SCOPES = ['openid', 'email', 'phone', 'profile'];

/** The construct id of the registration's custom resource under the login. */
export const REGISTRATION_ID = 'ClientRegistration';

/** Cognito's defaults when a list is left out (DcrConfigurationType): written out so the template says what is allowed. */
const DEFAULT_GRANTS: Readonly<Record<'open' | 'authenticated', readonly RegistrationGrantType[]>> = {
  open: [RegistrationGrantType.AUTHORIZATION_CODE],
  authenticated: [RegistrationGrantType.AUTHORIZATION_CODE, RegistrationGrantType.CLIENT_CREDENTIALS],
};

const GRANTS = Object.values(RegistrationGrantType) as string[];

/**
 * Records every violation of `registration` at once: grant types (at least
 * one, each once, of the two registration takes), scopes (each a scope of
 * the login's resource servers; not the register scope, which "a registered
 * app client can't request"; not the OIDC scopes, which need no listing) and
 * the pool's feature plan (Essentials or Plus: developer guide, "Dynamic
 * client registration").
 */
export function collectRegistrationViolations(
  violations: ViolationCollector, prop: string, registration: ClientRegistration, context: LoginRegistrationContext,
): void {
  const grants = registration.options.grantTypes;
  if (grants !== undefined) {
    if (grants.length === 0) {
      violations.add(`${prop}.grantTypes`, grants, `at least one of ${GRANTS.join(', ')} (an empty list makes Cognito refuse every registration), or leave it out`);
    }
    grants.forEach((grant, index) => {
      if (!GRANTS.includes(grant)) {
        violations.add(`${prop}.grantTypes[${index}]`, grant, `one of ${GRANTS.join(', ')}`);
      }
    });
    if (new Set(grants).size !== grants.length) {
      violations.add(`${prop}.grantTypes`, grants, 'each grant type once');
    }
  }
  const allowed = context.serverScopes.join(', ') || 'none: declare one in resourceServers';
  (registration.options.scopes ?? []).forEach((scope, index) => {
    const name = (scope as Partial<cognito.OAuthScope> | undefined)?.scopeName;
    if (typeof name !== 'string') {
      violations.add(`${prop}.scopes[${index}]`, scope, `an OAuthScope from login.resourceServerScope(identifier, name): ${allowed}`);
    } else if (isUnresolved(name) || context.serverScopes.includes(name)) {
      return;
    } else if (name === ClientRegistration.REGISTER_SCOPE.scopeName) {
      violations.add(`${prop}.scopes[${index}]`, name, `a scope of the login's resource servers (${allowed}): a registered client can never request the register scope`);
    } else if (OIDC_SCOPES.includes(name)) {
      violations.add(`${prop}.scopes[${index}]`, name, `a scope of the login's resource servers (${allowed}): every registered client may request ${OIDC_SCOPES.join(', ')} without them being listed`);
    } else {
      violations.add(`${prop}.scopes[${index}]`, name, `a scope of the login's resource servers: ${allowed}`);
    }
  });
  const tier = poolResource(context.userPool)?.userPoolTier;
  if (tier === 'LITE') {
    violations.add('userPoolProps.featurePlan', 'LITE', `Essentials or Plus with ${prop}: dynamic client registration is not part of the Lite plan`);
  }
}

/**
 * The pool's registration settings: a Custom::CognitoClientRegistration
 * under the login, its warnings, and the outputs an MCP server points at.
 */
export function addClientRegistration(login: Construct, prop: string, registration: ClientRegistration, context: LoginRegistrationContext): void {
  const grants = registration.options.grantTypes ?? DEFAULT_GRANTS[registration.isOpen ? 'open' : 'authenticated'];
  if (registration.isOpen && grants.includes(RegistrationGrantType.CLIENT_CREDENTIALS)) {
    warn(login, 'openClientCredentials', `${prop} is open and allows client_credentials: anyone who reaches the domain can register `
      + 'a machine client and get access tokens for the allowed scopes without any person signing in, and you pay for those tokens. '
      + 'Use ClientRegistration.authenticated(...) for machine clients, or leave CLIENT_CREDENTIALS out of grantTypes.');
  }
  if (context.managedLogin) {
    // CreateManagedLoginBranding requires a ClientId (botocore's model): managed login has no pool-wide style.
    warn(login, 'registeredClientPages', `${prop} with managed login pages: a client registered at run time gets no style `
      + 'from CloudFormation, and managed login has no pool-wide style (each style belongs to one app client), so the sign-in '
      + 'pages of a registered client read "Login pages unavailable" until a style is created for it (CreateManagedLoginBranding '
      + 'with UseCognitoProvidedValues). With LoginPages.classic(...) every client has pages without a style of its own, and a pool-wide '
      + 'customization (ClientId ALL) styles registered clients too; a client metadata document (CIMD) client signs in through the app client its policy names.');
  }
  const pool = poolResource(context.userPool);
  if (pool === undefined) {
    warn(login, 'registrationPoolUpdates', `${prop}: the user pool is not made in this app, so its updates cannot be followed; `
      + 'an UpdateUserPool made elsewhere that leaves DcrConfiguration out turns registration off until this stack is deployed again.');
  }
  const properties: ClientRegistrationProperties = {
    UserPoolId: context.userPool.userPoolId,
    OpenRegistration: String(registration.isOpen),
    GrantTypes: [...grants],
    AllowedScopes: (registration.options.scopes ?? []).map((scope) => scope.scopeName),
    ...(pool === undefined ? {} : { PoolConfiguration: poolConfigurationHash(pool) }),
  };
  const holder = new Construct(login, REGISTRATION_ID);
  addHandlerResource(holder, CLIENT_REGISTRATION, { userPool: context.userPool, files: [], properties });

  new CfnOutput(login, 'Issuer', {
    value: `https://${context.userPool.userPoolProviderName}`,
    description: 'Issuer of the login\'s tokens (iss); an MCP server names it in authorization_servers of its protected-resource metadata',
  });
  new CfnOutput(login, 'AuthorizationServerMetadataUrl', {
    value: `https://${context.userPool.userPoolProviderName}/.well-known/openid-configuration`,
    description: 'OpenID Connect discovery document of the login (registration_endpoint among its members)',
  });
  new CfnOutput(login, 'RegistrationEndpoint', {
    value: `${context.domain.baseUrl()}/oauth2/register`,
    description: 'Dynamic client registration endpoint (RFC 7591) of the login\'s domain',
  });
}

/** The pool's CloudFormation resource when the app makes the pool; undefined for an imported one. */
function poolResource(userPool: cognito.IUserPool): cognito.CfnUserPool | undefined {
  const child = userPool.node.defaultChild;
  return child instanceof cognito.CfnUserPool ? child : undefined;
}

/**
 * A hash of the pool's properties as the template renders them (overrides
 * included), computed when the template is written: it changes exactly
 * when CloudFormation will update the pool, and then CloudFormation updates
 * the registration right after (it depends on the pool through UserPoolId).
 */
function poolConfigurationHash(pool: cognito.CfnUserPool): string {
  return Lazy.uncachedString({
    produce: (context: IResolveContext) => {
      // _toCloudFormation is what the template gets for the pool: its properties with every override applied.
      // Each resource is a token there, so the whole is resolved before its properties are read.
      const rendered = context.resolve((pool as unknown as { _toCloudFormation(): object })._toCloudFormation()) as
        { Resources?: Record<string, { Properties?: unknown }> };
      const properties = Object.values(rendered.Resources ?? {})[0]?.Properties ?? {};
      return createHash('sha256').update(JSON.stringify(properties)).digest('hex').slice(0, 32);
    },
  });
}

/**
 * Records every violation of a client's metadata documents at once: one to
 * five patterns, each HTTPS and matching the model's URLPatternType, and a
 * cache of one day to one year in whole seconds (CreateCIMDPolicy).
 */
export function collectMetadataDocumentViolations(violations: ViolationCollector, prop: string, options: ClientMetadataDocumentsOptions): void {
  const patterns = options.urlPatterns ?? [];
  if (!isUnresolved(patterns) && (patterns.length < URL_PATTERN_COUNT.min || patterns.length > URL_PATTERN_COUNT.max)) {
    violations.add(`${prop}.urlPatterns`, patterns, `${URL_PATTERN_COUNT.min} to ${URL_PATTERN_COUNT.max} HTTPS URL patterns`);
  }
  patterns.forEach((pattern, index) => {
    const fits = pattern.length >= URL_PATTERN_LENGTH.min && pattern.length <= URL_PATTERN_LENGTH.max && URL_PATTERN.test(pattern);
    if (!isUnresolved(pattern) && !fits) {
      violations.add(`${prop}.urlPatterns[${index}]`, pattern,
        `an https:// URL pattern of ${URL_PATTERN_LENGTH.min} to ${URL_PATTERN_LENGTH.max} characters, lowercase, '*' as wildcard, no white space`);
    }
  });
  const cache = options.cacheDuration;
  if (cache !== undefined && !isUnresolved(cache.toSeconds({ integral: false }))) {
    const seconds = cache.toSeconds({ integral: false });
    if (!Number.isInteger(seconds) || seconds < CACHE_SECONDS.min || seconds > CACHE_SECONDS.max) {
      violations.add(`${prop}.cacheDuration`, cache.toHumanString(), `whole seconds from one day (${CACHE_SECONDS.min}) to one year (${CACHE_SECONDS.max})`);
    }
  }
}

/** The CIMD policy of one client, `<id>ClientMetadata` under the login; it depends on the client, so it is deleted first. */
export function addClientMetadataPolicy(
  login: Construct, id: string, userPool: cognito.IUserPool, client: cognito.UserPoolClient, options: ClientMetadataDocumentsOptions,
): void {
  const properties: ClientMetadataPolicyProperties = {
    UserPoolId: userPool.userPoolId,
    ClientId: client.userPoolClientId,
    PolicyName: id.slice(0, 32),
    URLPatterns: [...options.urlPatterns],
    ...(options.cacheDuration === undefined ? {} : { CacheDuration: String(options.cacheDuration.toSeconds()) }),
  };
  addHandlerResource(new Construct(login, `${id}ClientMetadata`), CLIENT_METADATA_POLICY, { userPool, files: [], properties });
}
