/**
 * What a provider's sign-ins say about the person's email, for account
 * linking: `verified-claim` when its attribute mapping carries the provider's
 * `email_verified` (Google, Apple, OIDC) next to the email; `email-only` when
 * it maps an email without any verification claim (Facebook, Amazon, SAML,
 * OIDC without the claim); `none` when it maps no email.
 */
export type ProviderEmail = 'verified-claim' | 'email-only' | 'none';
