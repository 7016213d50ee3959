/**
 * A way users may start signing in (a first authentication factor of
 * Cognito's choice-based sign-in). Values are Cognito's `AuthFactorType`.
 */
export enum SignInFactor {
  /** User name (or email) and password. Cognito keeps it allowed in every pool. */
  PASSWORD = 'PASSWORD',
  /** A passkey (WebAuthn): a platform authenticator or a security key. */
  PASSKEY = 'WEB_AUTHN',
  /** A one-time code sent by email. */
  EMAIL_OTP = 'EMAIL_OTP',
  /** A one-time code sent by SMS. */
  SMS_OTP = 'SMS_OTP',
}

/**
 * Whether passkeys must verify the user (PIN, biometrics) or only should.
 * Values are Cognito's `UserVerificationType`. (aws-cdk-lib's own
 * `PasskeyUserVerification` is missing from releases this library still
 * supports, 2.177.0 among them, hence this enum.)
 */
export enum PasskeyVerification {
  /** Authenticators that cannot verify the user are accepted; the pages encourage verification. */
  PREFERRED = 'preferred',
  /** Only authenticators that verify the user (PIN, fingerprint, face) register and sign in. */
  REQUIRED = 'required',
}

/**
 * Choice-based sign-in of a login's managed login pages: which first factors
 * users may choose from, and how passkeys work. Needs managed login pages and
 * the Essentials or Plus feature plan.
 *
 * @exampleMetadata fixture=stack
 * @example
 * new CognitoLogin(this, 'Login', {
 *   domain: LoginDomain.cognitoPrefix('acme'),
 *   signIn: {
 *     allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY, SignInFactor.EMAIL_OTP],
 *     passkeyUserVerification: PasskeyVerification.REQUIRED,
 *   },
 * });
 */
export interface SignInOptions {
  /**
   * The first factors users may choose from. Must include PASSWORD: Cognito
   * keeps password sign-in allowed in every pool. With
   * `userPoolProps.mfa: Mfa.REQUIRED` only PASSWORD and PASSKEY: Cognito
   * refuses one-time codes as a first factor in a pool that requires MFA.
   * With optional MFA (the library's default) codes are allowed, but a user
   * who has set up MFA signs in without them (a warning says so).
   *
   * @default [PASSWORD, PASSKEY]
   */
  readonly allowedFirstFactors?: SignInFactor[];

  /**
   * The passkey relying party id: the domain passkeys are bound to. The
   * login's domain (a custom domain's name, or
   * `<prefix>.auth.<region>.amazoncognito.com`), a parent of a custom
   * domain, or your app's own site when it runs passkeys through the SDK
   * there: then the managed login pages cannot register or use these
   * passkeys (a warning says so). Never another name under
   * amazoncognito.com, which is Amazon's. Only with PASSKEY among the factors.
   *
   * @default - the login's domain
   */
  readonly passkeyRelyingPartyId?: string;

  /**
   * Whether passkeys must verify the user. REQUIRED is needed when the pool
   * requires MFA: only a passkey with user verification counts as MFA, and
   * then this library also writes `WebAuthnFactorConfiguration:
   * MULTI_FACTOR_WITH_USER_VERIFICATION`. Only with PASSKEY among the factors.
   *
   * @default PasskeyVerification.PREFERRED (refused when the pool requires MFA)
   */
  readonly passkeyUserVerification?: PasskeyVerification;
}
