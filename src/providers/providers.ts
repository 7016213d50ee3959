import { SecretValue } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ProviderEmail, ProviderEmailAssertion } from './private/provider-email';
import { requireSecretReference, secretAsString } from './private/secrets';
import { NO_SURROUNDING_WHITESPACE, ValidationError, hasSurroundingWhitespace, isUnresolved, requireHttpsUrl } from '../private/validate';

/** What every identity provider of a login takes. */
export interface LoginProviderBaseOptions {
  /**
   * Which provider attributes fill which user pool attributes. Replaces the
   * default mapping as a whole.
   *
   * @default - email (and email_verified where the provider has it) for
   * Google, Facebook, Amazon, Apple and OIDC; none for SAML, whose attribute
   * names depend on the identity provider. With account linking, the
   * provider's own email_verified claim fills `custom:idp_email_verified`
   * instead of the pool's `email_verified`.
   */
  readonly attributeMapping?: cognito.AttributeMapping;
}

/** Sign in with Google. */
export interface GoogleProviderOptions extends LoginProviderBaseOptions {
  /** The OAuth client id from the Google Cloud console. */
  readonly clientId: string;
  /** The OAuth client secret; e.g. `SecretValue.secretsManager(...)`. Plain text is refused. */
  readonly clientSecret: SecretValue;
  /**
   * OAuth scopes asked of Google.
   *
   * @default ['openid', 'email', 'profile']
   */
  readonly scopes?: string[];
}

/** Sign in with Facebook. */
export interface FacebookProviderOptions extends LoginProviderBaseOptions {
  /** The Facebook app id. */
  readonly clientId: string;
  /** The Facebook app secret; e.g. `SecretValue.secretsManager(...)`. Plain text is refused. */
  readonly clientSecret: SecretValue;
  /**
   * Permissions asked of Facebook.
   *
   * @default ['public_profile', 'email']
   */
  readonly scopes?: string[];
  /**
   * The Facebook Graph API version, e.g. `v17.0`.
   *
   * @default - Cognito's default version
   */
  readonly apiVersion?: string;
}

/** Login with Amazon. */
export interface AmazonProviderOptions extends LoginProviderBaseOptions {
  /** The Login with Amazon client id. */
  readonly clientId: string;
  /** The Login with Amazon client secret; e.g. `SecretValue.secretsManager(...)`. Plain text is refused. */
  readonly clientSecret: SecretValue;
  /**
   * Scopes asked of Amazon; `profile` includes the email address.
   *
   * @default ['profile']
   */
  readonly scopes?: string[];
}

/** Sign in with Apple. */
export interface AppleProviderOptions extends LoginProviderBaseOptions {
  /** The Apple services id (the OAuth client id). */
  readonly servicesId: string;
  /** The Apple developer team id. */
  readonly teamId: string;
  /** The id of the Sign in with Apple private key. */
  readonly keyId: string;
  /** The Sign in with Apple private key (.p8 content); e.g. `SecretValue.secretsManager(...)`. Plain text is refused. */
  readonly privateKey: SecretValue;
  /**
   * Scopes asked of Apple.
   *
   * @default ['name', 'email']
   */
  readonly scopes?: string[];
}

/** An OpenID Connect identity provider. */
export interface OidcProviderOptions extends LoginProviderBaseOptions {
  /** Provider name clients refer to; 3 to 32 characters, no spaces or underscores at the ends. */
  readonly name: string;
  /** The OAuth client id at the identity provider. */
  readonly clientId: string;
  /** The OAuth client secret; e.g. `SecretValue.secretsManager(...)`. Plain text is refused. */
  readonly clientSecret: SecretValue;
  /** The issuer URL, `https://...`; Cognito discovers the endpoints from it unless `endpoints` is given. */
  readonly issuerUrl: string;
  /**
   * Scopes asked of the identity provider.
   *
   * @default ['openid', 'email', 'profile']
   */
  readonly scopes?: string[];
  /**
   * Identifiers (e.g. email domains) that route a user to this provider.
   *
   * @default - none
   */
  readonly identifiers?: string[];
  /**
   * HTTP method used to read the user's attributes.
   *
   * @default OidcAttributeRequestMethod.GET
   */
  readonly attributeRequestMethod?: cognito.OidcAttributeRequestMethod;
  /**
   * The provider's endpoints, all `https://`.
   *
   * @default - discovered from `issuerUrl`
   */
  readonly endpoints?: cognito.OidcEndpoints;
}

/** A SAML 2.0 identity provider. */
export interface SamlProviderOptions extends LoginProviderBaseOptions {
  /** Provider name clients refer to; 3 to 32 characters, no spaces or underscores at the ends. */
  readonly name: string;
  /**
   * The identity provider's metadata document: `UserPoolIdentityProviderSamlMetadata.url('https://...')`
   * or `.file('<EntityDescriptor ...')`.
   */
  readonly metadata: cognito.UserPoolIdentityProviderSamlMetadata;
  /**
   * Identifiers (e.g. email domains) that route a user to this provider.
   *
   * @default - none
   */
  readonly identifiers?: string[];
  /**
   * Whether signing out of the app also signs the user out of the identity provider.
   *
   * @default false
   */
  readonly idpSignout?: boolean;
  /**
   * Whether Cognito asks for encrypted SAML assertions.
   *
   * @default false
   */
  readonly encryptedResponses?: boolean;
  /**
   * Algorithm Cognito signs SAML requests with.
   *
   * @default - requests are not signed
   */
  readonly requestSigningAlgorithm?: cognito.SigningAlgorithm;
  /**
   * Whether to accept sign-ins started at the identity provider (IdP-initiated).
   *
   * @default false
   */
  readonly idpInitiated?: boolean;
}

/** Creates the aws-cdk-lib identity provider construct, once the login gives it a scope. */
type ProviderFactory = (
  scope: Construct, id: string, userPool: cognito.IUserPool, prop: string, attributeMapping: cognito.AttributeMapping | undefined,
) => cognito.IUserPoolIdentityProvider;

/**
 * The protocol family of a provider: which of its emails an app may declare
 * trusted depends on it; `existing` is a provider created outside the login,
 * of a family the login does not know.
 */
type ProviderKind = 'social' | 'oidc' | 'saml' | 'existing';

/** Provider names Cognito gives the social providers; clients list them in SupportedIdentityProviders. */
const GOOGLE = 'Google';
const FACEBOOK = 'Facebook';
const AMAZON = 'LoginWithAmazon';
const APPLE = 'SignInWithApple';
/**
 * Each provider's own email verification claim, the only one a linking login
 * lets into `email_verified`: Google's ID token `email_verified`
 * (developers.google.com/identity/openid-connect/openid-connect, "An ID
 * token's payload"); Sign in with Apple's identity token `email_verified`
 * (developer.apple.com, "Authenticating users with Sign in with Apple");
 * OpenID Connect's standard claim `email_verified` (OpenID Connect Core 1.0,
 * section 5.1). Facebook's Graph API user, Login with Amazon's customer
 * profile and SAML assertions carry no such claim.
 */
const GOOGLE_VERIFICATION_CLAIM = cognito.ProviderAttribute.GOOGLE_EMAIL_VERIFIED.attributeName;
const APPLE_VERIFICATION_CLAIM = cognito.ProviderAttribute.APPLE_EMAIL_VERIFIED.attributeName;
const OIDC_VERIFICATION_CLAIM = 'email_verified';

/** The name clients use for the pool's own users; no provider may take it. */
const COGNITO = 'COGNITO';

/** A rule of Cognito's for a provider name: its length, its pattern, and the pattern in words. */
interface ProviderNameRule {
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  readonly described: string;
}

/**
 * Cognito's rule for ProviderName in CreateIdentityProvider (shape
 * ProviderNameTypeV2 in botocore's cognito-idp model), the names of the OIDC
 * and SAML providers a login creates. The pattern asks for 3 characters at least.
 */
const CREATED_PROVIDER_NAME: ProviderNameRule = {
  min: 3,
  max: 32,
  pattern: /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u,
  described: 'letters, marks, symbols, digits and punctuation, without spaces, and without an underscore as first or from the third character on '
    + '(Cognito pattern [^_\\p{Z}][\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}][^_\\p{Z}]+)',
};

/**
 * Cognito's rule for each name of a client's SupportedIdentityProviders
 * (shape ProviderNameType in botocore's cognito-idp model), the only place
 * the name of a provider created elsewhere goes.
 */
const LISTED_PROVIDER_NAME: ProviderNameRule = {
  min: 1,
  max: 32,
  pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}\p{Z}]+$/u,
  described: 'letters, marks, symbols, digits, punctuation and spaces (Cognito pattern [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\p{Z}]+)',
};

/** Cognito's rule for IdpIdentifiers entries. */
const IDENTIFIER_PATTERN = /^[\w\s+=.@-]+$/;
const IDENTIFIER_MAX = 40;
const IDENTIFIERS_MAX_COUNT = 50;

/**
 * An identity provider users can sign in with: a social provider, or an OIDC
 * or SAML provider of your own, or one created outside the login
 * (`LoginProvider.existing`). Secrets are `SecretValue`s and reach the
 * template only as dynamic references.
 *
 * @exampleMetadata fixture=stack
 * @example
 * new CognitoLogin(this, 'Login', {
 *   domain: LoginDomain.cognitoPrefix('acme'),
 *   identityProviders: [
 *     LoginProvider.google({ clientId: 'xyz.apps.googleusercontent.com', clientSecret: SecretValue.secretsManager('acme/google') }),
 *     LoginProvider.oidc({
 *       name: 'Okta',
 *       clientId: '0oa1b2c3',
 *       clientSecret: SecretValue.secretsManager('acme/okta'),
 *       issuerUrl: 'https://acme.okta.com',
 *     }),
 *     LoginProvider.saml({
 *       name: 'Corp',
 *       metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.corp.example.com/saml/metadata.xml'),
 *     }),
 *   ],
 * });
 */
export class LoginProvider {
  /** Sign in with Google. */
  public static google(options: GoogleProviderOptions): LoginProvider {
    const attributeMapping = options.attributeMapping ?? {
      email: cognito.ProviderAttribute.GOOGLE_EMAIL,
      emailVerified: cognito.ProviderAttribute.GOOGLE_EMAIL_VERIFIED,
    };
    return new LoginProvider(GOOGLE, 'social', attributeMapping, GOOGLE_VERIFICATION_CLAIM, (scope, id, userPool, prop, deployedMapping) => {
      requireExactId(scope, `${prop}.clientId`, options.clientId);
      requireSecretReference(scope, `${prop}.clientSecret`, options.clientSecret);
      return new cognito.UserPoolIdentityProviderGoogle(scope, id, {
        userPool,
        clientId: options.clientId,
        clientSecretValue: options.clientSecret,
        scopes: options.scopes ?? ['openid', 'email', 'profile'],
        attributeMapping: deployedMapping,
      });
    });
  }

  /** Sign in with Facebook. */
  public static facebook(options: FacebookProviderOptions): LoginProvider {
    const attributeMapping = options.attributeMapping ?? { email: cognito.ProviderAttribute.FACEBOOK_EMAIL };
    // Facebook's user data carries no email verification flag: never a verified claim, whatever is mapped.
    return new LoginProvider(FACEBOOK, 'social', attributeMapping, undefined, (scope, id, userPool, prop, deployedMapping) => {
      requireExactId(scope, `${prop}.clientId`, options.clientId);
      return new cognito.UserPoolIdentityProviderFacebook(scope, id, {
        userPool,
        clientId: options.clientId,
        // The L2 takes a string only; the dynamic reference string keeps the secret out of the template.
        clientSecret: secretAsString(scope, `${prop}.clientSecret`, options.clientSecret),
        scopes: options.scopes ?? ['public_profile', 'email'],
        apiVersion: options.apiVersion,
        attributeMapping: deployedMapping,
      });
    });
  }

  /** Login with Amazon. */
  public static amazon(options: AmazonProviderOptions): LoginProvider {
    const attributeMapping = options.attributeMapping ?? { email: cognito.ProviderAttribute.AMAZON_EMAIL };
    // Login with Amazon's profile carries no email verification flag either.
    return new LoginProvider(AMAZON, 'social', attributeMapping, undefined, (scope, id, userPool, prop, deployedMapping) => {
      requireExactId(scope, `${prop}.clientId`, options.clientId);
      return new cognito.UserPoolIdentityProviderAmazon(scope, id, {
        userPool,
        clientId: options.clientId,
        clientSecret: secretAsString(scope, `${prop}.clientSecret`, options.clientSecret),
        scopes: options.scopes ?? ['profile'],
        attributeMapping: deployedMapping,
      });
    });
  }

  /** Sign in with Apple. */
  public static apple(options: AppleProviderOptions): LoginProvider {
    const attributeMapping = options.attributeMapping ?? {
      email: cognito.ProviderAttribute.APPLE_EMAIL,
      emailVerified: cognito.ProviderAttribute.APPLE_EMAIL_VERIFIED,
    };
    return new LoginProvider(APPLE, 'social', attributeMapping, APPLE_VERIFICATION_CLAIM, (scope, id, userPool, prop, deployedMapping) => {
      requireExactId(scope, `${prop}.servicesId`, options.servicesId);
      requireExactId(scope, `${prop}.teamId`, options.teamId);
      requireExactId(scope, `${prop}.keyId`, options.keyId);
      requireSecretReference(scope, `${prop}.privateKey`, options.privateKey);
      return new cognito.UserPoolIdentityProviderApple(scope, id, {
        userPool,
        clientId: options.servicesId,
        teamId: options.teamId,
        keyId: options.keyId,
        privateKeyValue: options.privateKey,
        scopes: options.scopes ?? ['name', 'email'],
        attributeMapping: deployedMapping,
      });
    });
  }

  /** An OpenID Connect provider, e.g. Okta, Entra ID, Auth0. */
  public static oidc(options: OidcProviderOptions): LoginProvider {
    const attributeMapping = options.attributeMapping ?? {
      email: cognito.ProviderAttribute.other('email'),
      emailVerified: cognito.ProviderAttribute.other(OIDC_VERIFICATION_CLAIM),
    };
    return new LoginProvider(options.name, 'oidc', attributeMapping, OIDC_VERIFICATION_CLAIM, (scope, id, userPool, prop, deployedMapping) => {
      validateCustomProviderName(scope, `${prop}.name`, options.name);
      requireExactId(scope, `${prop}.clientId`, options.clientId);
      requireHttpsUrl(scope, `${prop}.issuerUrl`, options.issuerUrl);
      if (options.endpoints) {
        const endpoints = options.endpoints;
        requireHttpsUrl(scope, `${prop}.endpoints.authorization`, endpoints.authorization);
        requireHttpsUrl(scope, `${prop}.endpoints.token`, endpoints.token);
        requireHttpsUrl(scope, `${prop}.endpoints.userInfo`, endpoints.userInfo);
        requireHttpsUrl(scope, `${prop}.endpoints.jwksUri`, endpoints.jwksUri);
      }
      validateIdentifiers(scope, `${prop}.identifiers`, options.identifiers);
      return new cognito.UserPoolIdentityProviderOidc(scope, id, {
        userPool,
        name: options.name,
        clientId: options.clientId,
        clientSecret: secretAsString(scope, `${prop}.clientSecret`, options.clientSecret),
        issuerUrl: options.issuerUrl,
        scopes: options.scopes ?? ['openid', 'email', 'profile'],
        identifiers: options.identifiers,
        attributeRequestMethod: options.attributeRequestMethod,
        endpoints: options.endpoints,
        attributeMapping: deployedMapping,
      });
    });
  }

  /** A SAML 2.0 provider, e.g. Entra ID, Okta, ADFS. */
  public static saml(options: SamlProviderOptions): LoginProvider {
    // SAML has no email verification claim: only the app can vouch for an IdP's emails (AccountLinking's trustedEmailProviders).
    return new LoginProvider(options.name, 'saml', options.attributeMapping, undefined, (scope, id, userPool, prop, deployedMapping) => {
      validateCustomProviderName(scope, `${prop}.name`, options.name);
      validateSamlMetadata(scope, `${prop}.metadata`, options.metadata);
      validateIdentifiers(scope, `${prop}.identifiers`, options.identifiers);
      return new cognito.UserPoolIdentityProviderSaml(scope, id, {
        userPool,
        name: options.name,
        metadata: options.metadata,
        identifiers: options.identifiers,
        idpSignout: options.idpSignout,
        encryptedResponses: options.encryptedResponses,
        requestSigningAlgorithm: options.requestSigningAlgorithm,
        idpInitiated: options.idpInitiated,
        attributeMapping: deployedMapping,
      });
    });
  }

  /**
   * An identity provider of the pool created outside this login: in the
   * console, by another stack or another tool. Clients may list it
   * (`identityProviders` of addClient, and every client that lists none
   * offers it); the login creates nothing for it and makes no client wait
   * for it (no DependsOn), so it must exist before the clients that offer it
   * are deployed. A social provider created elsewhere has Cognito's name for
   * it: `Google`, `Facebook`, `LoginWithAmazon` or `SignInWithApple`.
   *
   * With account linking it is never linked: its attribute mapping is
   * written where it was created, so the login cannot know that its
   * sign-ins carry a verified email. Naming it in the linking's `providers`
   * or `trustedEmailProviders` is refused; otherwise it is left out with a
   * warning.
   *
   * @param providerName the provider's name in the user pool, exactly as
   * Cognito has it (1 to 32 characters, ProviderNameType); not `COGNITO`,
   * which clients list for the pool's own users
   *
   * @exampleMetadata fixture=stack
   * @example
   * const login = new CognitoLogin(this, 'Login', {
   *   domain: LoginDomain.cognitoPrefix('acme'),
   *   userPool: cognito.UserPool.fromUserPoolId(this, 'Pool', 'eu-west-1_AbCdEf123'),
   *   identityProviders: [LoginProvider.existing('CorpSaml')],
   * });
   * login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'], identityProviders: ['CorpSaml'] });
   */
  public static existing(providerName: string): LoginProvider {
    return new LoginProvider(providerName, 'existing', undefined, undefined, (scope, id, _userPool, prop) => {
      validateExistingProviderName(scope, `${prop}.providerName`, providerName);
      return cognito.UserPoolIdentityProvider.fromProviderName(scope, id, providerName);
    });
  }

  /**
   * The provider name clients list in SupportedIdentityProviders ("Google",
   * "Facebook", "LoginWithAmazon", "SignInWithApple", or the OIDC/SAML name).
   */
  public readonly providerName: string;

  private readonly factory: ProviderFactory;
  private readonly kind: ProviderKind;
  private readonly emailVerifiedMappedFrom?: string;
  private readonly verificationClaim?: string;
  private readonly email: ProviderEmail;
  private readonly attributeMapping?: cognito.AttributeMapping;

  private constructor(
    providerName: string,
    kind: ProviderKind,
    mapping: cognito.AttributeMapping | undefined,
    verificationClaim: string | undefined,
    factory: ProviderFactory,
  ) {
    this.providerName = providerName;
    this.kind = kind;
    this.verificationClaim = verificationClaim;
    this.attributeMapping = mapping;
    this.emailVerifiedMappedFrom = mapping?.emailVerified?.attributeName;
    this.email = kind === 'existing' ? 'unknown' : emailOf(mapping, verificationClaim);
    this.factory = factory;
  }

  /**
   * What this provider's sign-ins say about the email, and whether an app
   * may vouch for its emails (OIDC and SAML providers it runs or chose; a
   * social provider's are what they are).
   *
   * @internal
   */
  public _emailAssertion(): ProviderEmailAssertion {
    return {
      email: this.email,
      mayBeTrusted: this.kind === 'oidc' || this.kind === 'saml',
      verificationClaim: this.verificationClaim,
      emailVerifiedMappedFrom: this.emailVerifiedMappedFrom,
    };
  }

  /**
   * Whether the provider was created outside the login
   * (`LoginProvider.existing`): nothing is created for it, and nothing
   * can wait for it.
   *
   * @internal
   */
  public _isExisting(): boolean {
    return this.kind === 'existing';
  }

  /**
   * The attribute mapping as given (or the provider's default), before a
   * feature of the login changes where its claims go.
   *
   * @internal
   */
  public _attributeMapping(): cognito.AttributeMapping | undefined {
    return this.attributeMapping;
  }

  /**
   * Validates the options and creates the provider in `scope` with the
   * construct id `Provider<providerName>`: named after the provider, never
   * after its position, so reordering providers keeps their logical ids. A
   * provider created elsewhere gets a reference of that id, with no resource.
   *
   * @param prop how the login's props name this provider, for error messages
   * @param attributeMapping the mapping to deploy, when a feature of the login
   * changes it (account linking moves the verification claim out of `email_verified`)
   * @internal
   */
  public _bind(
    scope: Construct, userPool: cognito.IUserPool, prop: string, attributeMapping: cognito.AttributeMapping | undefined = this.attributeMapping,
  ): cognito.IUserPoolIdentityProvider {
    return this.factory(scope, `Provider${this.providerName}`, userPool, prop, attributeMapping);
  }
}

/**
 * What a provider's attribute mapping carries about the email. Only the
 * provider's own verification claim mapped into `email_verified` makes a
 * verified claim; anything else in `email_verified` (another claim, or a
 * provider that issues none) is no verification (and a linking login refuses it).
 */
function emailOf(mapping: cognito.AttributeMapping | undefined, verificationClaim: string | undefined): ProviderEmail {
  if (mapping?.email === undefined) {
    return 'none';
  }
  const mapped = mapping.emailVerified?.attributeName;
  return verificationClaim !== undefined && mapped === verificationClaim ? 'verified-claim' : 'email-only';
}

function validateCustomProviderName(scope: Construct, prop: string, name: string): void {
  if (isUnresolved(name)) {
    return;
  }
  requireNameRule(scope, prop, name, CREATED_PROVIDER_NAME);
  if (name.toUpperCase() === COGNITO || [GOOGLE, FACEBOOK, AMAZON, APPLE].includes(name)) {
    throw new ValidationError(scope, prop, name, `a name other than ${COGNITO}, ${GOOGLE}, ${FACEBOOK}, ${AMAZON} and ${APPLE}, which Cognito reserves`);
  }
}

/**
 * The name of a provider created elsewhere, as a client lists it. Cognito's
 * reserved names are allowed (a Google provider created elsewhere is named
 * `Google`), but `COGNITO` is the pool's own users, which clients list by
 * themselves. White space around the name is a paste slip: CreateIdentityProvider
 * (ProviderNameTypeV2) allows none at either end, so no provider has such a
 * name and every sign-in through it would fail.
 */
function validateExistingProviderName(scope: Construct, prop: string, name: string): void {
  if (isUnresolved(name)) {
    return;
  }
  requireNameRule(scope, prop, name, LISTED_PROVIDER_NAME);
  if (hasSurroundingWhitespace(name)) {
    throw new ValidationError(scope, prop, name, `the provider's name with ${NO_SURROUNDING_WHITESPACE}`);
  }
  if (name.toUpperCase() === COGNITO) {
    throw new ValidationError(scope, prop, name,
      `the name of an identity provider of the pool: ${COGNITO} is the pool's own users, which a client lists in its identityProviders without a provider`);
  }
}

function requireNameRule(scope: Construct, prop: string, name: string, rule: ProviderNameRule): void {
  if (name.length < rule.min || name.length > rule.max) {
    throw new ValidationError(scope, prop, name, `${rule.min} to ${rule.max} characters (got ${name.length})`);
  }
  if (!rule.pattern.test(name)) {
    throw new ValidationError(scope, prop, name, rule.described);
  }
}

function validateIdentifiers(scope: Construct, prop: string, identifiers: string[] | undefined): void {
  if (identifiers === undefined || isUnresolved(identifiers)) {
    return;
  }
  if (identifiers.length > IDENTIFIERS_MAX_COUNT) {
    throw new ValidationError(scope, prop, identifiers, `at most ${IDENTIFIERS_MAX_COUNT} identifiers (got ${identifiers.length})`);
  }
  identifiers.forEach((identifier, index) => {
    if (isUnresolved(identifier)) {
      return;
    }
    if (identifier.length === 0 || identifier.length > IDENTIFIER_MAX || !IDENTIFIER_PATTERN.test(identifier)) {
      throw new ValidationError(scope, `${prop}[${index}]`, identifier,
        `1 to ${IDENTIFIER_MAX} characters of letters, digits, spaces and + = . @ - _ (e.g. an email domain)`);
    }
  });
}

/**
 * A metadata URL must be https (Cognito fetches it); a metadata file must be
 * the XML document itself, a common slip being a file path passed to `.file()`.
 */
function validateSamlMetadata(scope: Construct, prop: string, metadata: cognito.UserPoolIdentityProviderSamlMetadata): void {
  const content = metadata.metadataContent;
  if (isUnresolved(content)) {
    return;
  }
  if (metadata.metadataType === cognito.UserPoolIdentityProviderSamlMetadataType.URL) {
    requireHttpsUrl(scope, prop, content);
    return;
  }
  const trimmed = content.trim();
  if (!trimmed.startsWith('<') || !trimmed.includes('EntityDescriptor')) {
    throw new ValidationError(scope, prop, content,
      'an https metadata URL (UserPoolIdentityProviderSamlMetadata.url) or the metadata XML itself, containing an EntityDescriptor '
      + '(UserPoolIdentityProviderSamlMetadata.file takes the content, not a path: use fs.readFileSync)');
  }
}

/**
 * Refuses an id issued by the provider (client id; Apple's services, team and
 * key ids) with white space around it, as pasted from its console. Cognito
 * stores ProviderDetails as given (a map of strings without a pattern in
 * botocore's cognito-idp model) and the provider compares the id exactly, so
 * the deployment would pass and every sign-in through the provider fail.
 */
function requireExactId(scope: Construct, prop: string, id: string): void {
  if (hasSurroundingWhitespace(id)) {
    throw new ValidationError(scope, prop, id, `the id as the provider issued it, with ${NO_SURROUNDING_WHITESPACE}`);
  }
}
