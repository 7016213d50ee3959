// What a style's properties point at in its template: the app client (its
// name and identity providers) and the user pool (whether it lets users sign
// up). Values are references (`{ "Ref": "LoginWeb70313B00" }`) for resources
// of the stack and plain strings for imported ones.
import { Template, TemplateResource } from './assembly';

const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
const PROVIDER_TYPE = 'AWS::Cognito::UserPoolIdentityProvider';
const POOL_TYPE = 'AWS::Cognito::UserPool';

/** The provider name of local users (username and password) in SupportedIdentityProviders. */
export const COGNITO_PROVIDER = 'COGNITO';

/** Provider names Cognito reserves for the social providers; each is also its ProviderType. */
const SOCIAL_TYPES = ['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'];

/** An identity provider a client offers on its sign-in page. */
export interface PageProvider {
  readonly name: string;
  /** Google, Facebook, LoginWithAmazon, SignInWithApple, SAML or OIDC. */
  readonly type: string;
}

/** The app client a style is for, as far as the template tells. */
export interface PageClient {
  /** The client's name (ClientName, else its logical id), or the id given for an imported client. */
  readonly name: string;
  /** The client's logical id when it is a resource of this stack. */
  readonly logicalId?: string;
  /** Federated providers the client offers, in its SupportedIdentityProviders order. */
  readonly providers: PageProvider[];
  /** Whether local users sign in with username and password (COGNITO is supported). */
  readonly localUsers: boolean;
}

/** The logical id a `{ "Ref": id }` points at, or undefined for any other value. */
export function refOf(value: unknown): string | undefined {
  const ref = (value as { Ref?: unknown } | undefined)?.Ref;
  return typeof value === 'object' && value !== null && typeof ref === 'string' ? ref : undefined;
}

/** Whether two property values name the same thing (the same literal or the same reference). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The resource a reference points at, when it has the given type. */
function resourceOf(template: Template, value: unknown, type: string): TemplateResource | undefined {
  const id = refOf(value);
  const resource = id === undefined ? undefined : template.Resources?.[id];
  return resource?.Type === type ? resource : undefined;
}

/** The clients of the stack on the pool `userPoolId` (a property value) that open the hosted pages, by their logical ids. */
export function clientsOfPool(template: Template, userPoolId: unknown): string[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === CLIENT_TYPE && sameValue(resource.Properties?.UserPoolId, userPoolId)
      && opensHostedPages(resource.Properties?.AllowedOAuthFlows))
    .map(([id]) => id);
}

/**
 * Whether a client's users sign in on the hosted pages: an authorization code
 * or implicit grant. A machine client (client credentials) or an SDK-only
 * client (no OAuth flows) never shows a login page, so it gets no preview.
 */
function opensHostedPages(flows: unknown): boolean {
  return Array.isArray(flows) && flows.some((flow) => flow === 'code' || flow === 'implicit');
}

/** The client a style's `ClientId` property names. */
export function pageClient(template: Template, clientId: unknown): PageClient {
  const logicalId = refOf(clientId);
  const resource = resourceOf(template, clientId, CLIENT_TYPE);
  if (logicalId === undefined || resource === undefined) {
    // An imported client: its providers are not in this template.
    return { name: typeof clientId === 'string' ? clientId : JSON.stringify(clientId), providers: [], localUsers: true };
  }
  const supported: unknown[] = resource.Properties?.SupportedIdentityProviders ?? [COGNITO_PROVIDER];
  const providers = supported.map((value) => provider(template, value)).filter((p): p is PageProvider => p !== undefined);
  return {
    name: String(resource.Properties?.ClientName ?? constructId(resource) ?? logicalId),
    logicalId,
    providers: providers.filter((p) => p.name !== COGNITO_PROVIDER),
    localUsers: providers.some((p) => p.name === COGNITO_PROVIDER),
  };
}

/**
 * The id of the construct that made a resource (`Web` for
 * `Stack/Pool/Web/Resource`): clients made without a ClientName are known by it.
 */
function constructId(resource: TemplateResource): string | undefined {
  const segments = String(resource.Metadata?.['aws:cdk:path'] ?? '').split('/').filter(Boolean);
  if (segments[segments.length - 1] === 'Resource') {
    segments.pop();
  }
  return segments.length > 1 ? segments[segments.length - 1] : undefined;
}

/** A SupportedIdentityProviders entry: a provider name, or a reference to a provider of the stack. */
function provider(template: Template, value: unknown): PageProvider | undefined {
  const resource = resourceOf(template, value, PROVIDER_TYPE);
  if (resource !== undefined) {
    return { name: String(resource.Properties?.ProviderName), type: String(resource.Properties?.ProviderType) };
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const declared = Object.values(template.Resources ?? {})
    .find((r) => r.Type === PROVIDER_TYPE && r.Properties?.ProviderName === value);
  const type = declared?.Properties?.ProviderType ?? (SOCIAL_TYPES.includes(value) ? value : 'OIDC');
  return { name: value, type: String(type) };
}

/**
 * Whether the pages offer sign-up: the pool of the stack does not restrict
 * user creation to administrators. An imported pool is assumed to offer it.
 */
export function poolOffersSignUp(template: Template, userPoolId: unknown): boolean {
  const pool = resourceOf(template, userPoolId, POOL_TYPE);
  return pool?.Properties?.AdminCreateUserConfig?.AllowAdminCreateUserOnly !== true
    && pool?.Properties?.AdminCreateUserConfig?.AllowAdminCreateUserOnly !== 'true';
}
