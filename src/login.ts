import { CfnOutput, Duration, Fn, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { AccountLinking } from './account-linking';
import { linkingAttributeMapping, withIdpEmailVerifiedAttribute } from './account-linking/private/linking-attributes';
import { guardLinkingClients, keepOriginalEmailByDefault, linkingWriteAttributes } from './account-linking/private/linking-clients';
import { IDP_EMAIL_VERIFIED_ATTRIBUTE } from './account-linking/private/linking-contract';
import { ACCOUNT_LINKING } from './account-linking/private/linking-input';
import { resolveLinkingPolicy } from './account-linking/private/linking-policy';
import { addLinkingTrigger, makeLinkingFunction } from './account-linking/private/linking-trigger';
import { LoginClientOptions } from './client/client';
import { LoginMachineClientOptions } from './client/machine-client';
import { validateClientName } from './client/private/client-name';
import { clientNameOf, collectClientPropsViolations, loginClientProps } from './client/private/client-props';
import { collectRedirectUrlViolations, redirectUriOf } from './client/private/redirect-urls';
import { LoginDomain } from './domain/domain';
import { LOGIN_DOMAIN } from './domain/private/domain-input';
import { LoginPages } from './pages/login-pages';
import { LoginPageStyles } from './pages/private/login-page-styles';
import { collectPagesInputViolations } from './pages/private/pages-inputs';
import { collectClassInputViolations } from './private/class-inputs';
import { collectClientPoolViolations } from './private/client-pool';
import { definedMembers } from './private/defined-members';
import { ClientAccess, ClientPlacement, LoginFeatures, applyFeaturesToPool, clientAccessOf, featurePoolProps } from './private/login-feature';
import { refuseTooManyOutputs } from './private/stack-output-limit';
import { ValidationError, ViolationCollector, requireUnique, warn } from './private/validate';
import { LOGIN_PROVIDER } from './providers/private/provider-input';
import { LoginProvider } from './providers/providers';
import { ClientRegistration } from './registration/client-registration';
import {
  addClientMetadataPolicy, addClientRegistration, collectMetadataDocumentViolations, collectRegistrationViolations, LoginRegistrationContext,
} from './registration/private/login-registration';
import { CLIENT_REGISTRATION_INPUT } from './registration/private/registration-input';
import { LoginReplica } from './replica/private/login-replica';
import { LoginReplicaOptions } from './replica/replica';
import { checkMachineClientScopes, resourceServersOfScopes, validateResourceServers } from './resource-server/private/resource-server-checks';
import { LoginScopeDependencies } from './resource-server/private/scope-dependencies';
import { LoginResourceServerOptions } from './resource-server/resource-server';
import { LoginSignIn } from './sign-in/private/sign-in-policy';
import { SignInOptions } from './sign-in/sign-in';
import { LoginTerms } from './terms/private/client-terms';
import { LoginTermsOptions } from './terms/terms';

/** Properties of a CognitoLogin. */
export interface CognitoLoginProps {
  /** Where the sign-in pages are served: `LoginDomain.cognitoPrefix(...)` or `LoginDomain.custom(...)`. */
  readonly domain: LoginDomain;

  /**
   * Which generation of login pages, and how they look.
   *
   * @default LoginPages.managedLogin()
   */
  readonly pages?: LoginPages;

  /**
   * Bring your own pool; then userPoolProps must be absent.
   *
   * @default - a new pool with safe defaults
   */
  readonly userPool?: cognito.IUserPool;

  /**
   * Overrides over the safe defaults of a new pool. A member you give
   * replaces the default; `passwordPolicy` is merged member by member.
   *
   * Defaults: RemovalPolicy.RETAIN with deletion protection (off when you set
   * RemovalPolicy.DESTROY), passwords of at least 12 characters with every
   * character class and 3-day temporary passwords, no self sign-up, sign-in
   * with email (case-insensitive), email auto-verified, account recovery by
   * email only, optional MFA by authenticator app (TOTP), Essentials feature plan.
   *
   * @default - safe defaults
   */
  readonly userPoolProps?: cognito.UserPoolProps;

  /**
   * Identity providers users can sign in with, besides the pool's own users:
   * created by the login, or created elsewhere and declared with
   * `LoginProvider.existing(name)`.
   *
   * @default - none
   */
  readonly identityProviders?: LoginProvider[];

  /**
   * APIs whose scopes clients can ask for.
   *
   * @default - none
   */
  readonly resourceServers?: LoginResourceServerOptions[];

  /**
   * Choice-based sign-in on the managed login pages: which first factors
   * users choose from (password, passkey, email or SMS code) and how
   * passkeys work. Written on the new pool's CloudFormation resource
   * (`Policies.SignInPolicy`, `WebAuthnRelyingPartyID`,
   * `WebAuthnUserVerification`), and every client gets `ALLOW_USER_AUTH`.
   * Refused with classic pages, the Lite plan, or a pool of your own
   * (configure that pool where you create it).
   *
   * @default - Cognito's default: password sign-in only
   */
  readonly signIn?: SignInOptions;

  /**
   * Terms of use and privacy policy linked from the managed login sign-up
   * page of every client (a client's own `terms` replace them document by
   * document). Refused with classic pages.
   *
   * @default - none
   */
  readonly terms?: LoginTermsOptions;

  /**
   * Joins a person's first federated sign-in to the native user with the
   * same verified email (`AccountLinking.byVerifiedEmail(...)`), through a
   * pre sign-up Lambda trigger on the new pool. Refused with a pool of your
   * own, a pool that does not verify emails, a provider whose emails cannot
   * be believed or whose `email_verified` comes from another claim, two
   * providers whose names differ only in case, an app client of the pool
   * that may write `email_verified` (or `email`, unless the pool keeps a
   * changed email until it is verified), or an app client that offers a
   * provider but may not write an attribute the provider maps. With linking,
   * each provider's own verification claim is mapped to
   * `custom:idp_email_verified` (declared on the pool; CloudFormation adds it
   * to an existing pool without replacing it) instead of `email_verified`,
   * the login's clients get write attributes without the verification flags
   * (with `custom:idp_email_verified` when they offer a provider that fills
   * it), and the pool `keepOriginal: { email: true }`, unless you set them.
   *
   * @default - no linking: each way in makes an account of its own
   */
  readonly accountLinking?: AccountLinking;

  /**
   * A replica of the new pool in a second Region, with failover of the
   * domain to it: a multi-Region KMS key (made, or yours) on the pool, the
   * multi-Region issuer, the replica, the replica Region's triggers (account
   * linking too) and email and SMS settings, and a Route 53 health check
   * that moves the domain's traffic. The replica Region's resources go in
   * stacks the login adds to the app; the login's stack needs an explicit
   * env. The replica starts INACTIVE (`active`). Refused with a pool of your
   * own and the Lite plan; warned with TOTP MFA, and about the change of
   * the tokens' `iss`.
   *
   * @default - no replica: the pool serves from the stack's Region only
   */
  readonly replica?: LoginReplicaOptions;

  /**
   * Dynamic client registration on the login's domain: applications and AI
   * agents (MCP clients) register their own app clients at run time, at
   * `https://<domain>/oauth2/register`. `ClientRegistration.authenticated(...)`
   * asks for an initial access token of a machine client holding
   * `ClientRegistration.REGISTER_SCOPE` (`login.addMachineClient`);
   * `ClientRegistration.open(...)` for nothing. Set by a custom resource
   * that writes the pool back whole with only its registration settings
   * changed, again after every CloudFormation update of the pool; removing
   * it turns registration off. Adds the outputs `Issuer`,
   * `AuthorizationServerMetadataUrl` and `RegistrationEndpoint`. Refused with
   * the Lite plan and with scopes that are not the login's resource-server scopes.
   *
   * @default - no registration: only the app clients the app declares
   */
  readonly clientRegistration?: ClientRegistration;
}

/**
 * Where sign-in starts. aws-cdk-lib's default is `/login`, which works, but
 * Cognito's guide says to originate every session at `/oauth2/authorize`
 * (it redirects to the login page with the same parameters) rather than send
 * users to `/login` directly; the path is the same for classic and managed
 * login pages.
 */
const SIGN_IN_PATH = '/oauth2/authorize';

/** The name clients use for the pool's own users in SupportedIdentityProviders. */
const COGNITO = 'COGNITO';

const DEFAULT_PASSWORD_POLICY: cognito.PasswordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  tempPasswordValidity: Duration.days(3),
};

/**
 * Defaults of a new pool. Threat protection (standard/custom) is left off:
 * it needs the Plus feature plan, which is billed per active user at a
 * multiple of Essentials; turn it on with userPoolProps when wanted.
 */
const DEFAULT_USER_POOL_PROPS: cognito.UserPoolProps = {
  removalPolicy: RemovalPolicy.RETAIN,
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  selfSignUpEnabled: false,
  signInAliases: { email: true },
  signInCaseSensitive: false,
  autoVerify: { email: true },
  accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
  mfa: cognito.Mfa.OPTIONAL,
  mfaSecondFactor: { sms: false, otp: true },
  // Managed login branding needs Essentials or Plus; say so rather than rely on the L2's default.
  featurePlan: cognito.FeaturePlan.ESSENTIALS,
};

/**
 * A complete Cognito sign-in: user pool (new, with safe defaults, or your
 * own), domain, identity providers, resource servers and app clients, with
 * the login pages of the chosen generation.
 *
 * Construct ids, and so logical ids, come from names, never from order:
 * `UserPool`, `Domain`, `Provider<name>`, `ResourceServer<identifier>`,
 * each client's id as given to addClient, and the page styles and terms
 * documents named after them (`<client id>Branding`,
 * `<client id>ClassicCustomization`, `<client id>Terms`, and
 * `ClassicCustomization` for the pool-wide classic one).
 *
 * @exampleMetadata fixture=stack
 * @example
 * const login = new CognitoLogin(this, 'Login', {
 *   domain: LoginDomain.cognitoPrefix('acme-prod'),
 *   pages: LoginPages.managedLogin(),
 *   identityProviders: [
 *     LoginProvider.google({ clientId: 'xyz.apps.googleusercontent.com', clientSecret: SecretValue.secretsManager('acme/google') }),
 *   ],
 *   resourceServers: [{ identifier: 'api', scopes: [{ name: 'read', description: 'Read orders' }] }],
 * });
 * login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
 */
export class CognitoLogin extends Construct {
  /** The user pool. */
  public readonly userPool: cognito.IUserPool;

  /** The user pool domain serving the login pages. */
  public readonly domain: cognito.UserPoolDomain;

  /** The identity providers, in the order given. */
  public readonly identityProviders: cognito.IUserPoolIdentityProvider[] = [];

  /** The resource servers, in the order given. */
  public readonly resourceServers: cognito.UserPoolResourceServer[] = [];

  /** The app clients added with addClient and addMachineClient, in order. */
  public readonly clients: cognito.UserPoolClient[] = [];

  /** The generation and look of the login pages. */
  public readonly pages: LoginPages;

  /**
   * Dynamic client registration, when the login allows it.
   *
   * @default - none
   */
  public readonly clientRegistration?: ClientRegistration;

  /** The login's providers by name; those created outside the login (LoginProvider.existing) are listed, but nothing can wait for them. */
  private readonly providersByName = new Map<string, { readonly provider: cognito.IUserPoolIdentityProvider; readonly existing: boolean }>();
  private readonly resourceServerOptions: LoginResourceServerOptions[];
  private readonly resourceServersByIdentifier = new Map<string, cognito.UserPoolResourceServer>();
  /** The first callback URL of each client created here: the redirect_uri of its sign-in URL. */
  private readonly firstCallbackUrls = new Map<cognito.IUserPoolClient, string>();
  /** The clients created here without hosted pages, and why, for signInUrl's refusal. */
  private readonly pagelessClients = new Map<cognito.IUserPoolClient, string>();
  /** Sign-in, terms and page styles: what every client of the login gets (see LoginFeature). */
  private readonly features: LoginFeatures<LoginClientOptions>;
  /**
   * What a client of this login offering these providers gets unless its
   * clientProps say otherwise (with account linking: write attributes
   * without email_verified, with what its providers map).
   */
  private clientDefaults: (providerNames: readonly string[]) => cognito.UserPoolClientOptions;

  constructor(scope: Construct, id: string, props: CognitoLoginProps) {
    super(scope, id);

    // The library's classes first, all at once: a plain object in their place (from JavaScript) has none of their methods.
    const inputs = new ViolationCollector(this);
    collectClassInputViolations(inputs, 'domain', props.domain, LOGIN_DOMAIN, true);
    collectPagesInputViolations(inputs, 'pages', props.pages);
    (props.identityProviders ?? []).forEach((provider, index) =>
      collectClassInputViolations(inputs, `identityProviders[${index}]`, provider, LOGIN_PROVIDER, true));
    collectClassInputViolations(inputs, 'accountLinking', props.accountLinking, ACCOUNT_LINKING, false);
    collectClassInputViolations(inputs, 'clientRegistration', props.clientRegistration, CLIENT_REGISTRATION_INPUT, false);
    inputs.throwIfAny();

    if (props.userPool && props.userPoolProps) {
      throw new ValidationError(this, 'userPoolProps', Object.keys(props.userPoolProps).join(', '),
        'absent when userPool is given: configure your own pool where you create it');
    }
    this.pages = props.pages ?? LoginPages.managedLogin();
    this.clientDefaults = () => ({});
    const poolProps = props.accountLinking === undefined
      ? userPoolPropsWithDefaults(props.userPoolProps)
      : withIdpEmailVerifiedAttribute(keepOriginalEmailByDefault(userPoolPropsWithDefaults(props.userPoolProps)));
    // Sign-in and terms check the login's options of them before anything is made; page styles, which need the domain, come after.
    const checkedFeatures = [
      props.signIn === undefined ? undefined : LoginSignIn.resolve(this, props.signIn, {
        domain: props.domain, pages: this.pages, userPool: props.userPool, userPoolProps: props.userPoolProps, mergedPoolProps: poolProps,
      }),
      LoginTerms.resolve(this, props.terms, {
        managedLogin: this.isManagedLogin(), newPoolProps: props.userPool === undefined ? poolProps : undefined,
      }),
    ].filter((feature) => feature !== undefined);
    if (props.replica !== undefined) {
      LoginReplica.resolve(this, 'replica', props.replica, {
        ownPool: props.userPool !== undefined, poolProps: props.userPool === undefined ? poolProps : undefined,
      });
    }
    if (props.userPool !== undefined) {
      this.userPool = props.userPool;
    } else {
      const pool = new cognito.UserPool(this, 'UserPool', featurePoolProps(checkedFeatures, poolProps));
      applyFeaturesToPool(checkedFeatures, pool);
      this.userPool = pool;
    }
    this.domain = props.domain._bind(this, this.userPool, this.pages.managedLoginVersion);
    this.features = new LoginFeatures<LoginClientOptions>(this, this.userPool, this.domain.node.defaultChild ?? this.domain);
    this.features.add(...checkedFeatures);
    this.features.add(new LoginPageStyles(this, this.userPool, this.domain, this.pages, props.userPoolProps?.featurePlan, this.features));

    let regionalTriggers: (scope: Construct, replicaPoolArn: string) => Record<string, lambda.IFunction> = () => ({});
    const providers = props.identityProviders ?? [];
    requireUnique(this, 'identityProviders[].providerName', providers.map((p) => p.providerName));
    providers.forEach((provider, index) => {
      const created = props.accountLinking === undefined
        ? provider._bind(this, this.userPool, `identityProviders[${index}]`)
        : provider._bind(this, this.userPool, `identityProviders[${index}]`, linkingAttributeMapping(provider));
      this.identityProviders.push(created);
      this.providersByName.set(provider.providerName, { provider: created, existing: provider._isExisting() });
    });
    if (props.accountLinking !== undefined) {
      const policy = resolveLinkingPolicy(this, 'accountLinking', props.accountLinking.verifiedEmailOptions, providers, {
        ownPool: props.userPool !== undefined, poolProps, appCustomAttributes: props.userPoolProps?.customAttributes,
      });
      addLinkingTrigger(this, this.userPool as cognito.UserPool, policy);
      regionalTriggers = (regionalScope, replicaPoolArn) => ({ PreSignUp: makeLinkingFunction(regionalScope, replicaPoolArn, policy) });
      guardLinkingClients({ login: this, userPool: this.userPool, keepsOriginalEmail: poolProps.keepOriginal?.email === true });
      const fillsClaim = new Set(providers
        .filter((provider) => linkingAttributeMapping(provider)?.custom?.[IDP_EMAIL_VERIFIED_ATTRIBUTE] !== undefined)
        .map((provider) => provider.providerName));
      const appCustomAttributes = Object.keys(props.userPoolProps?.customAttributes ?? {});
      this.clientDefaults = (names) => ({ writeAttributes: linkingWriteAttributes(appCustomAttributes, names.some((name) => fillsClaim.has(name))) });
    }

    this.resourceServerOptions = props.resourceServers ?? [];
    validateResourceServers(this, 'resourceServers', this.resourceServerOptions);
    for (const options of this.resourceServerOptions) {
      const server = new cognito.UserPoolResourceServer(this, `ResourceServer${options.identifier}`, {
        userPool: this.userPool,
        identifier: options.identifier,
        userPoolResourceServerName: options.name ?? nameFromIdentifier(options.identifier),
        scopes: options.scopes.map((s) => new cognito.ResourceServerScope({ scopeName: s.name, scopeDescription: s.description })),
      });
      this.resourceServers.push(server);
      this.resourceServersByIdentifier.set(options.identifier, server);
    }
    this.features.add(new LoginScopeDependencies(this.resourceServerOptions, this.resourceServersByIdentifier));
    refuseTooManyOutputs(this, 'its clients\' sign-in URLs (one <id>SignInUrl per addClient client)');
    if (props.replica !== undefined) {
      // Checked above, before the pool was made: the pool is the login's own.
      new LoginReplica(this, props.replica, this.userPool as cognito.UserPool, this.domain, { poolProps, regionalTriggers });
    }

    if (props.clientRegistration !== undefined) {
      const context: LoginRegistrationContext = {
        userPool: this.userPool,
        domain: this.domain,
        serverScopes: this.resourceServerOptions.flatMap((server) => server.scopes.map((s) => `${server.identifier}/${s.name}`)),
        managedLogin: this.isManagedLogin(),
      };
      const violations = new ViolationCollector(this);
      collectRegistrationViolations(violations, 'clientRegistration', props.clientRegistration, context);
      violations.throwIfAny();
      addClientRegistration(this, 'clientRegistration', props.clientRegistration, context);
      this.clientRegistration = props.clientRegistration;
    }
  }

  /**
   * Adds an app client using the authorization code grant, with a stack
   * output `<id>SignInUrl` holding its sign-in URL (none, and a warning,
   * when its first callback URL is only known at deploy time: CloudFormation
   * cannot percent-encode it into the URL), and the look of its
   * pages: with managed login a style `<id>Branding` (its perClient entry,
   * else the pages' branding, else Cognito's defaults); with classic pages a
   * customization `<id>ClassicCustomization` when perClient has an entry for
   * it; with terms (the login's or its own) its terms documents `<id>Terms`.
   * With `clientProps: { disableOAuth: true }` and no callback URLs, a
   * client for apps that sign users in through the SDK (SRP, USER_AUTH with
   * passkeys or one-time codes): no OAuth settings, no output, no page
   * style and no terms, but ALLOW_USER_AUTH with the login's signIn.
   * The client depends on
   * the identity providers and resource servers it uses, which CloudFormation
   * would not otherwise know (aws-cdk issue 15850); not on a provider
   * created outside the login (`LoginProvider.existing`), which must exist
   * before the client is deployed.
   *
   * @param id construct id of the client, and its name in Cognito unless clientName is given
   *
   * @exampleMetadata fixture=stack
   * @example
   * const server = login.addClient('Server', {
   *   callbackUrls: ['https://portal.example.com/callback'],
   *   generateSecret: true,
   *   scopes: [cognito.OAuthScope.OPENID, login.resourceServerScope('api', 'read')],
   *   accessTokenValidity: Duration.minutes(30),
   * });
   * const mobile = login.addClient('Mobile', { clientProps: { disableOAuth: true } });
   */
  public addClient(id: string, options: LoginClientOptions): cognito.UserPoolClient {
    const withoutOAuth = options.clientProps?.disableOAuth === true;
    const access: ClientAccess = withoutOAuth ? 'sdk' : 'hostedPages';
    const placement: ClientPlacement<LoginClientOptions> = { origin: 'addClient', key: id, scope: this, prefix: id, options, access };
    // Every construct a client brings (its output, its terms, its page style) is named after it; all of those ids must be free.
    if ([id, `${id}SignInUrl`, `${id}ClientMetadata`, ...this.features.reservedIds(placement)].some((childId) => this.node.tryFindChild(childId) !== undefined)) {
      throw new ValidationError(this, 'id', id,
        `an id not yet used in this login (taken: ${this.node.children.map((c) => c.node.id).join(', ')})`);
    }
    // The client's name, URLs, scopes, providers, clientProps and features (terms...): every violation in one error, before anything is made.
    const violations = new ViolationCollector(this);
    violations.check(() => validateClientName(this, id, clientNameOf(options)));
    collectClientPropsViolations(violations, `${id}.clientProps`, options.clientProps);
    this.features.validateClient(violations, placement);
    const scopes = options.scopes ?? [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];
    if (withoutOAuth) {
      collectOAuthSettingViolations(violations, id, options);
    } else {
      collectRedirectUrlViolations(violations, `${id}.callbackUrls`, options.callbackUrls, true,
        'or clientProps.disableOAuth: true for a client that signs users in through the SDK only');
      collectRedirectUrlViolations(violations, `${id}.logoutUrls`, options.logoutUrls, false);
      violations.check(() => resourceServersOfScopes(this, `${id}.scopes`, scopes, this.resourceServerOptions));
    }
    if (options.clientMetadataDocuments !== undefined) {
      if (withoutOAuth) {
        violations.add(`${id}.clientMetadataDocuments`, options.clientMetadataDocuments.urlPatterns,
          `absent with ${id}.clientProps.disableOAuth: CIMD clients sign in through the authorize endpoint`);
      }
      collectMetadataDocumentViolations(violations, `${id}.clientMetadataDocuments`, options.clientMetadataDocuments);
    }
    // Federated sign-in goes through the pages (the authorize endpoint): a client without them signs in the pool's own users only.
    const providerNames = violations.check(() =>
      this.supportedProviderNames(id, options.identityProviders ?? (withoutOAuth ? [COGNITO] : undefined))) ?? [];
    violations.throwIfAny();

    const client = new cognito.UserPoolClient(this, id, loginClientProps(id, options, this.clientDefaults(providerNames), {
      userPool: this.userPool,
      supportedIdentityProviders: providerNames.map((name) => cognito.UserPoolClientIdentityProvider.custom(name)),
      oAuth: withoutOAuth ? undefined : {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: options.implicitCodeGrant ?? false },
        callbackUrls: options.callbackUrls,
        logoutUrls: options.logoutUrls,
        scopes,
      },
    }));
    this.features.applyToClient({ ...placement, resource: client.node.defaultChild as cognito.CfnUserPoolClient }, client);
    if (options.clientMetadataDocuments !== undefined) {
      addClientMetadataPolicy(this, id, this.userPool, client, options.clientMetadataDocuments);
    }
    if (options.implicitCodeGrant) {
      warn(client, 'implicitCodeGrant',
        'The implicit grant returns tokens in the URL, where browser history and referrers can leak them; '
        + 'prefer the authorization code grant with PKCE, which this client also allows.');
    }
    for (const name of providerNames) {
      const known = this.providersByName.get(name);
      if (known !== undefined && !known.existing) {
        client.node.addDependency(known.provider);
      }
    }

    this.clients.push(client);
    const callbackUrls = options.callbackUrls;
    // Without disableOAuth, missing callback URLs were refused above.
    if (withoutOAuth || callbackUrls === undefined) {
      this.pagelessClients.set(client, 'made with clientProps.disableOAuth, it signs users in through the SDK');
      return client;
    }
    // A list token (e.g. from a parameter) has no [0] before deploy time; select it in CloudFormation.
    this.firstCallbackUrls.set(client, Token.isUnresolved(callbackUrls) ? Fn.select(0, callbackUrls) : callbackUrls[0]);
    if (redirectUriOf(this.firstCallbackUrls.get(client)!) === undefined) {
      warn(client, 'signInUrlOutput', `No ${id}SignInUrl output: the first callback URL of ${id} is only known at deploy time `
        + '(a parameter, an import), and CloudFormation cannot percent-encode it into the redirect_uri of a sign-in URL; '
        + 'a URL left unencoded breaks the sign-in as soon as it holds & # % or +. Build the sign-in URL where the callback URL is known, '
        + 'with encodeURIComponent.');
    } else {
      new CfnOutput(this, `${id}SignInUrl`, {
        value: this.signInUrl(client),
        description: `Sign-in URL of the ${id} app client`,
      });
    }
    return client;
  }

  /**
   * Adds a machine client: a service that gets access tokens for the login's
   * APIs with its id and a generated secret (the OAuth client credentials
   * grant). It asks for scopes of the login's resource servers only, and
   * depends on each server it uses; it has no callback URLs, no users, no
   * page style, no terms and no sign-in (no user auth flow, no
   * ALLOW_USER_AUTH), and no stack output. Its secret stays in Cognito:
   * the service reads it there (DescribeUserPoolClient), or the app through
   * aws-cdk-lib's `client.userPoolClientSecret`.
   *
   * @param id construct id of the client, and its name in Cognito unless clientName is given
   *
   * @exampleMetadata fixture=stack
   * @example
   * const reports = login.addMachineClient('Reports', {
   *   scopes: [login.resourceServerScope('api', 'read')],
   *   accessTokenValidity: Duration.minutes(15),
   * });
   */
  public addMachineClient(id: string, options: LoginMachineClientOptions): cognito.UserPoolClient {
    const placement: ClientPlacement<LoginClientOptions> = { origin: 'addClient', key: id, scope: this, prefix: id, access: 'machine' };
    if ([id, ...this.features.reservedIds(placement)].some((childId) => this.node.tryFindChild(childId) !== undefined)) {
      throw new ValidationError(this, 'id', id,
        `an id not yet used in this login (taken: ${this.node.children.map((c) => c.node.id).join(', ')})`);
    }
    const violations = new ViolationCollector(this);
    violations.check(() => validateClientName(this, id, clientNameOf(options)));
    collectClientPropsViolations(violations, `${id}.clientProps`, options.clientProps, true);
    // The register scope is Cognito's own (no resource server); it is the registrar's whole purpose.
    const registers = (options.scopes ?? []).some((s) => s?.scopeName === ClientRegistration.REGISTER_SCOPE.scopeName);
    const serverScopes = (options.scopes ?? []).filter((s) => s?.scopeName !== ClientRegistration.REGISTER_SCOPE.scopeName);
    if (registers && this.clientRegistration === undefined) {
      violations.add(`${id}.scopes`, ClientRegistration.REGISTER_SCOPE.scopeName,
        'scopes of the login\'s resource servers: the register scope needs clientRegistration on the login');
    }
    if (!registers || serverScopes.length > 0) {
      violations.check(() => checkMachineClientScopes(this, `${id}.scopes`, registers ? serverScopes : options.scopes, this.resourceServerOptions));
    }
    this.features.validateClient(violations, placement);
    violations.throwIfAny();

    const client = new cognito.UserPoolClient(this, id, loginClientProps(id, { ...options, generateSecret: true }, {}, {
      userPool: this.userPool,
      // As the console's machine-to-machine clients: the grant signs in no user of any provider.
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      oAuth: { flows: { clientCredentials: true }, scopes: options.scopes },
    }));
    const resource = client.node.defaultChild as cognito.CfnUserPoolClient;
    if (options.clientProps?.authFlows === undefined) {
      // Without ExplicitAuthFlows Cognito allows user sign-in with SRP and custom auth (API_CreateUserPoolClient);
      // a machine client signs in no user. Written on the L1: aws-cdk-lib writes none for an empty authFlows.
      resource.explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
    }
    this.features.applyToClient({ ...placement, resource }, client);
    this.clients.push(client);
    this.pagelessClients.set(client, 'a machine client has no users, and no pages');
    return client;
  }

  /**
   * Gives a client this login did not create the look of its pages: a client
   * in another stack or app, or imported with
   * `UserPoolClient.fromUserPoolClientId`. With managed login it gets a style
   * `<id>Branding` (its perClient entry, else the pages' branding, else
   * Cognito's defaults), so it never shows "Login pages unavailable"; with
   * classic pages a customization `<id>ClassicCustomization` when perClient
   * has an entry for it. With the login's terms it gets them too (`<id>Terms`);
   * a client of the app without hosted pages (made with `disableOAuth`, or
   * with the client credentials grant only) gets no style and no terms;
   * with signIn, a client this app makes gets ALLOW_USER_AUTH (an imported
   * one cannot be changed: a warning says so).
   *
   * Clients made the aws-cdk-lib way on this login's pool in the same app
   * (`login.userPool.addClient(...)`, `new UserPoolClient(...)`) need no call:
   * they are found at synth and get the same (style, terms, ALLOW_USER_AUTH)
   * under their own construct, keyed in perClient by their construct id.
   *
   * @param id construct id of the style, and the client's key in perClient
   * @param client an app client of this login's user pool
   */
  public addExistingClient(id: string, client: cognito.IUserPoolClient): void {
    // An app's own UserPoolClient can be changed here (e.g. its auth flows); an imported one cannot.
    const resource = client.node.defaultChild instanceof cognito.CfnUserPoolClient ? client.node.defaultChild : undefined;
    const placement: ClientPlacement<LoginClientOptions> = {
      origin: 'addExistingClient', key: id, scope: this, prefix: id, resource, access: clientAccessOf(resource),
    };
    const taken = this.features.reservedIds(placement).filter((childId) => this.node.tryFindChild(childId) !== undefined);
    if (taken.length > 0) {
      throw new ValidationError(this, 'id', id, `an id whose style and terms ids are free in this login (taken: ${taken.join(', ')})`);
    }
    const violations = new ViolationCollector(this);
    collectClientPoolViolations(violations, 'client', this.userPool, client);
    this.features.validateClient(violations, placement);
    violations.throwIfAny();
    this.features.applyToClient(placement, client);
  }

  /**
   * OAuth scope `identifier/scopeName` of one of this login's resource
   * servers; refused if it does not exist.
   */
  public resourceServerScope(identifier: string, scopeName: string): cognito.OAuthScope {
    const server = this.resourceServerOptions.find((s) => s.identifier === identifier);
    if (server === undefined) {
      throw new ValidationError(this, 'identifier', identifier,
        `one of this login's resource servers: ${this.resourceServerOptions.map((s) => s.identifier).join(', ') || '(none)'}`);
    }
    if (!server.scopes.some((s) => s.name === scopeName)) {
      throw new ValidationError(this, 'scopeName', scopeName,
        `one of the scopes of resource server ${identifier}: ${server.scopes.map((s) => s.name).join(', ')}`);
    }
    return cognito.OAuthScope.custom(`${identifier}/${scopeName}`);
  }

  /**
   * Sign-in URL of the domain for this client (first callback URL,
   * percent-encoded, as redirect_uri), at the authorize endpoint. Also a
   * stack output per client. Refused for a client whose first callback URL
   * is only known at deploy time (a parameter, an import): CloudFormation
   * cannot percent-encode it, and left as it is it breaks the URL as soon as
   * it holds `&`, `#`, `%` or `+`.
   */
  public signInUrl(client: cognito.IUserPoolClient): string {
    const callbackUrl = this.firstCallbackUrls.get(client);
    const pageless = this.pagelessClients.get(client);
    if (pageless !== undefined) {
      throw new ValidationError(this, 'client', client.node.path, `a client with hosted pages: this one has no sign-in URL (${pageless})`);
    }
    if (callbackUrl === undefined) {
      throw new ValidationError(this, 'client', client.node.path, 'a client created with addClient of this login');
    }
    const redirectUri = redirectUriOf(callbackUrl);
    if (redirectUri === undefined) {
      throw new ValidationError(this, 'client', client.node.path,
        'a client whose first callback URL is known at synth: CloudFormation cannot percent-encode a URL known only at deploy time '
        + 'into redirect_uri (build the sign-in URL where the callback URL is known, with encodeURIComponent)');
    }
    return this.domain.signInUrl(client as cognito.UserPoolClient, { redirectUri, signInPath: SIGN_IN_PATH });
  }

  /** The providers a client supports: the named ones, checked to exist, or all of them plus COGNITO. */
  private supportedProviderNames(clientId: string, names: string[] | undefined): string[] {
    const prop = `${clientId}.identityProviders`;
    if (names === undefined) {
      return [...this.providersByName.keys(), COGNITO];
    }
    if (names.length === 0) {
      throw new ValidationError(this, prop, names, `at least one of ${this.knownProviderNames()}`);
    }
    requireUnique(this, prop, names);
    names.forEach((name, index) => {
      if (name !== COGNITO && !this.providersByName.has(name) && !Token.isUnresolved(name)) {
        throw new ValidationError(this, `${prop}[${index}]`, name, `a provider of this login: ${this.knownProviderNames()} `
          + '(declare a provider created outside this login with LoginProvider.existing(name) in its identityProviders)');
      }
    });
    return names;
  }

  private isManagedLogin(): boolean {
    return this.pages.managedLoginOptions !== undefined;
  }

  private knownProviderNames(): string {
    return [COGNITO, ...this.providersByName.keys()].join(', ');
  }
}

/**
 * The safe defaults with the user's overrides on top. Members given as
 * `undefined` count as not given (as they do when a jsii language omits them).
 * With RemovalPolicy.DESTROY and no explicit deletionProtection, protection is
 * off, since it would make the stack's deletion fail.
 */
function userPoolPropsWithDefaults(overrides: cognito.UserPoolProps = {}): cognito.UserPoolProps {
  const given = definedMembers(overrides);
  const merged: cognito.UserPoolProps = {
    ...DEFAULT_USER_POOL_PROPS,
    ...given,
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...definedMembers(overrides.passwordPolicy ?? {}) },
  };
  return {
    ...merged,
    deletionProtection: given.deletionProtection ?? merged.removalPolicy !== RemovalPolicy.DESTROY,
  };
}

/**
 * Records every OAuth setting given to a client made with `disableOAuth`,
 * naming both: aws-cdk-lib would refuse the client with "OAuth settings
 * cannot be specified when disableOAuth is set", naming neither.
 */
function collectOAuthSettingViolations(violations: ViolationCollector, id: string, options: LoginClientOptions): void {
  const settings = {
    callbackUrls: options.callbackUrls, logoutUrls: options.logoutUrls, scopes: options.scopes, implicitCodeGrant: options.implicitCodeGrant,
  };
  for (const [member, value] of Object.entries(definedMembers(settings))) {
    violations.add(`${id}.${member}`, member === 'scopes' ? options.scopes!.map((s) => s.scopeName) : value,
      `absent with ${id}.clientProps.disableOAuth: a client without OAuth has no hosted pages, redirects or scopes`);
  }
}

/**
 * A resource server name from its identifier. Names allow fewer characters
 * than identifiers (no `:` or `/`), so a URL identifier such as
 * `https://api.example.com/v1` becomes `https-api.example.com-v1`.
 */
function nameFromIdentifier(identifier: string): string {
  if (Token.isUnresolved(identifier)) {
    return identifier;
  }
  return identifier.replace(/[^\w\s+=,.@-]+/g, '-').replace(/^-+|-+$/g, '') || 'resource-server';
}
