/**
 * What a provider's sign-ins say about the person's email, for account
 * linking: `verified-claim` when its attribute mapping carries the provider's
 * own `email_verified` claim (Google, Apple, OIDC) into `email_verified`, next
 * to the email; `email-only` when it maps an email without that claim
 * (Facebook, Amazon, SAML, OIDC without the claim); `none` when it maps no
 * email; `unknown` for a provider created outside the login, whose mapping
 * is written where it was created.
 */
export type ProviderEmail = 'verified-claim' | 'email-only' | 'none' | 'unknown';

/** What account linking needs to know about a provider's email. */
export interface ProviderEmailAssertion {
  readonly email: ProviderEmail;
  /** Whether an app may vouch for the provider's emails (OIDC and SAML providers it runs or chose; a social provider's are what they are). */
  readonly mayBeTrusted: boolean;
  /**
   * The provider's own email verification claim, the only one that may fill
   * `email_verified`; undefined for providers that issue none (Facebook,
   * Login with Amazon, SAML).
   */
  readonly verificationClaim?: string;
  /** The provider attribute the mapping puts into `email_verified`, when it maps one. */
  readonly emailVerifiedMappedFrom?: string;
}
