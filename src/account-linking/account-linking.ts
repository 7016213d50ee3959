/** Options of AccountLinking.byVerifiedEmail. */
export interface VerifiedEmailLinkingOptions {
  /**
   * Names of the identity providers whose first sign-ins are linked to the
   * native user with the same verified email. Each must be a provider of the
   * login whose email can be believed: Google, Sign in with Apple or an OIDC
   * provider whose attribute mapping carries `email_verified` (the defaults
   * do), or a SAML or OIDC provider named in `trustedEmailProviders`.
   * Facebook and Login with Amazon assert no verification and are refused;
   * so is a provider created outside the login (`LoginProvider.existing`),
   * whose attribute mapping the login did not write.
   *
   * @default - every provider of the login whose email can be believed, as above
   */
  readonly providers?: string[];

  /**
   * SAML and OIDC providers you vouch for: every email they assert has been
   * verified by whoever runs them (your own workforce directory, say), though
   * their sign-ins carry no `email_verified` claim. Declaring an IdP here
   * lets anyone who controls it sign in as any native user whose email they
   * put in an assertion; declare only IdPs you trust that far. A provider
   * created outside the login (`LoginProvider.existing`) is refused: what its
   * sign-ins put into `email` is decided by a mapping written elsewhere.
   *
   * @default - none
   */
  readonly trustedEmailProviders?: string[];

  /**
   * When no native user has the email, create one (email marked verified, no
   * invitation sent) and link the federated identity to it, so the person
   * can later also sign in without the provider (after setting a password
   * with "forgot password", or with a passkey or email code). Needs a pool
   * whose users sign in by email (`signInAliases: { email: true }`, the
   * default): the user is created with the email as its user name.
   *
   * @default false: the federated user is created on its own, as without linking
   */
  readonly createNativeUser?: boolean;
}

/**
 * How federated sign-ins are joined to the pool's own (native) users, so one
 * person has one account, one `sub` and one set of groups whichever way they
 * sign in.
 *
 * @exampleMetadata fixture=stack
 * @example
 * new CognitoLogin(this, 'Login', {
 *   domain: LoginDomain.cognitoPrefix('acme'),
 *   identityProviders: [
 *     LoginProvider.google({ clientId: 'xyz.apps.googleusercontent.com', clientSecret: SecretValue.secretsManager('acme/google') }),
 *   ],
 *   accountLinking: AccountLinking.byVerifiedEmail({ createNativeUser: true }),
 * });
 */
export class AccountLinking {
  /**
   * Links a federated identity to the native user with the same email, when
   * the provider asserts that the email is verified and the native user has
   * verified it too. A pre sign-up Lambda trigger does it at the person's
   * first sign-in through the provider (see the README for its threat model
   * and for the one failed first sign-in Cognito makes of it).
   */
  public static byVerifiedEmail(options: VerifiedEmailLinkingOptions = {}): AccountLinking {
    return new AccountLinking(options);
  }

  /** The options given to byVerifiedEmail. */
  public readonly verifiedEmailOptions: VerifiedEmailLinkingOptions;

  private constructor(options: VerifiedEmailLinkingOptions) {
    this.verifiedEmailOptions = options;
  }
}
