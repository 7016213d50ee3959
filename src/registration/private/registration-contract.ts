/**
 * The contract of Custom::CognitoClientRegistration: its properties on the
 * wire, their parser, and its registry entry (permissions included). The
 * login (login-registration.ts) and the handler (lambda/registration) both
 * use this file. No aws-cdk-lib here: the handler bundle includes it.
 *
 * The resource sets one pool's DcrConfiguration (botocore's cognito-idp
 * model, DcrConfigurationType; developer guide "Dynamic client
 * registration"). Its target is the pool itself, named ALL like the
 * pool-wide classic customization, so its ownership record is
 * `/cdk-cognito-login/<UserPoolId>/registration/ALL`.
 */
import { ALL_CLIENTS, ClaimedResourceType, DeclaredTarget } from '../../private/custom-resource-contract';
import { ParseOptions, parseFlag, requireOnlyKnown, requireString, requireUserPoolId } from '../../private/property-parsing';

/** Resource type of a pool's dynamic client registration settings. */
export const CLIENT_REGISTRATION_TYPE = 'Custom::CognitoClientRegistration';

/**
 * The grant types dynamic client registration takes (OAuthFlowType in the
 * model; DcrConfigurationType's documentation: `code` and
 * `client_credentials`; `implicit` is accepted and ignored, so never written).
 */
export const REGISTRATION_GRANT_TYPES = ['code', 'client_credentials'] as const;
export type RegistrationGrant = typeof REGISTRATION_GRANT_TYPES[number];

/** Properties of Custom::CognitoClientRegistration. */
export interface ClientRegistrationProperties {
  readonly UserPoolId: string;
  /** 'true' when applications may register without an initial access token. */
  readonly OpenRegistration: string;
  /** Grant types a registered client may request (both lists of the model get them). */
  readonly GrantTypes: string[];
  /** Resource-server scopes registered clients may request besides the OIDC ones. */
  readonly AllowedScopes: string[];
  /**
   * A hash of the pool's CloudFormation properties. It changes whenever the
   * pool's do, so CloudFormation sends this resource an Update after each
   * update of the pool, and the handler applies the registration again:
   * CloudFormation's own UpdateUserPool may leave DcrConfiguration out, and
   * UpdateUserPool sets every member a request omits to its default
   * (API_UpdateUserPool), which turns registration off.
   */
  readonly PoolConfiguration?: string;
}

/** A pool's registration settings as the template declares them, checked and typed. */
export interface DeclaredRegistration extends DeclaredTarget {
  readonly open: boolean;
  readonly grantTypes: readonly RegistrationGrant[];
  readonly allowedScopes: readonly string[];
}

const TYPE = CLIENT_REGISTRATION_TYPE;
const PROPERTIES = ['ServiceToken', 'UserPoolId', 'OpenRegistration', 'GrantTypes', 'AllowedScopes', 'PoolConfiguration'];
/** ScopeType of the model: `[\x21\x23-\x5B\x5D-\x7E]+`, at most 256 characters; ScopeListType holds at most 50. */
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
const MAX_SCOPES = 50;

/** Parses the properties strictly, naming what is wrong; refused before any call. */
export function parseRegistration(properties: Record<string, unknown>, options: ParseOptions = {}): DeclaredRegistration {
  requireOnlyKnown(properties, PROPERTIES, '', TYPE);
  const userPoolId = requireUserPoolId(properties, TYPE, options);
  const open = parseFlag(properties, 'OpenRegistration', TYPE);
  const grantTypes = stringList(properties, 'GrantTypes', options);
  if (grantTypes.length === 0) {
    // An empty list makes Cognito refuse every registration (DcrConfigurationType); the constructs never write one.
    throw new Error(`${TYPE}: property GrantTypes must name at least one of ${REGISTRATION_GRANT_TYPES.join(', ')}`);
  }
  for (const grant of grantTypes) {
    if (!(REGISTRATION_GRANT_TYPES as readonly string[]).includes(grant)) {
      throw new Error(`${TYPE}: property GrantTypes must hold only ${REGISTRATION_GRANT_TYPES.join(', ')}, got ${JSON.stringify(grant)}`);
    }
  }
  const allowedScopes = stringList(properties, 'AllowedScopes', options);
  if (allowedScopes.length > MAX_SCOPES || allowedScopes.some((scope) => !SCOPE.test(scope))) {
    throw new Error(`${TYPE}: property AllowedScopes must hold at most ${MAX_SCOPES} OAuth scopes, got ${JSON.stringify(allowedScopes)}`);
  }
  if (properties.PoolConfiguration !== undefined) {
    requireString(properties, 'PoolConfiguration', TYPE);
  }
  return { userPoolId, clientId: ALL_CLIENTS, open, grantTypes: grantTypes as RegistrationGrant[], allowedScopes };
}

/** A list of strings, each once; at synth a list may still hold tokens (a scope of a resource server made in the stack). */
function stringList(properties: Record<string, unknown>, name: string, options: ParseOptions): string[] {
  const value = properties[name];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    if (options.synth === true && typeof value === 'string' && value.includes('${Token[')) {
      return [];
    }
    throw new Error(`${TYPE}: property ${name} must be a list of strings, got ${JSON.stringify(value)}`);
  }
  if (new Set(value).size !== value.length) {
    throw new Error(`${TYPE}: property ${name} must name each value once, got ${JSON.stringify(value)}`);
  }
  return value as string[];
}

/** The registry entry of client registration (lambda/registry.ts pairs it with lambda/registration). */
export const CLIENT_REGISTRATION: ClaimedResourceType<DeclaredRegistration> = {
  resourceType: CLIENT_REGISTRATION_TYPE,
  // DescribeUserPool then UpdateUserPool: the update replaces every setting it
  // omits (API_UpdateUserPool), so the handler writes the pool back whole.
  poolActions: ['cognito-idp:DescribeUserPool', 'cognito-idp:UpdateUserPool'],
  claimKind: 'registration',
  parse: parseRegistration,
};
