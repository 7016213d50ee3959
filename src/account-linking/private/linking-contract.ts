/**
 * The contract between the account linking construct (src/account-linking)
 * and its pre sign-up trigger (lambda/account-linking): the environment
 * variable that carries the linking policy, its shape and its strict parser.
 * The construct parses what it writes at synth; the trigger parses it once
 * per cold start and refuses to run on anything else. No aws-cdk-lib here:
 * the trigger bundle includes this file.
 */

/** The environment variable holding the policy as JSON. */
export const LINKING_POLICY_VARIABLE = 'ACCOUNT_LINKING_POLICY';

/**
 * Why the trigger may believe a provider's email:
 * - `verified-claim`: only when the sign-in carries the provider's own
 *   `email_verified` claim as true, in `custom:idp_email_verified` (Google,
 *   Sign in with Apple, OIDC providers that map the claim);
 * - `trusted-provider`: the app declared that this provider only ever
 *   asserts emails it verified (SAML, or an OIDC provider without the claim).
 */
export type EmailTrust = 'verified-claim' | 'trusted-provider';

const EMAIL_TRUSTS: readonly EmailTrust[] = ['verified-claim', 'trusted-provider'];

/**
 * The custom attribute a linking login adds to its pool and fills, for each
 * provider with a verification claim, from that claim (its attribute
 * mapping), in place of the pool's own `email_verified`. Cognito writes a
 * mapped attribute at each federated sign-in only through the app client,
 * which must therefore be allowed to write it (API_UserPoolClientType,
 * WriteAttributes: "this array must include all attributes that you have
 * mapped to IdP attributes"); the pool's `email_verified`, which decides
 * whether a native user's email can be linked to, must be writable by no
 * client. So the provider's word travels in an attribute of its own. The
 * trigger reads it from the PreSignUp_ExternalProvider event, whose
 * attributes Cognito takes from the provider's token at that sign-in (the
 * federated user does not exist yet, so nothing a user wrote can be in it).
 * Its name is at most 20 characters (SchemaAttributeType Name) and must
 * never change: a pool's custom attributes cannot be modified or removed.
 */
export const IDP_EMAIL_VERIFIED_NAME = 'idp_email_verified';
/** The same attribute as Cognito names it in events, mappings and write attributes. */
export const IDP_EMAIL_VERIFIED_ATTRIBUTE = `custom:${IDP_EMAIL_VERIFIED_NAME}`;

/** What the trigger does. */
export interface LinkingPolicy {
  /** The providers whose first sign-ins are linked, by exact provider name, and why their email is believed. */
  readonly providers: { readonly [providerName: string]: EmailTrust };
  /** Whether to create a native user when none has the email, and link to it. */
  readonly createNativeUser: boolean;
}

/** The policy as the trigger's environment carries it. */
export function renderLinkingPolicy(policy: LinkingPolicy): string {
  return JSON.stringify({ providers: policy.providers, createNativeUser: policy.createNativeUser });
}

/** Parses the policy strictly; throws naming what is wrong. */
export function parseLinkingPolicy(text: string | undefined): LinkingPolicy {
  const where = `${LINKING_POLICY_VARIABLE}`;
  if (text === undefined || text === '') {
    throw new Error(`${where} is not set`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be an object`);
  }
  const { providers, createNativeUser, ...unknown } = value as Record<string, unknown>;
  if (Object.keys(unknown).length > 0) {
    throw new Error(`${where} has unknown members ${Object.keys(unknown).join(', ')}`);
  }
  if (typeof createNativeUser !== 'boolean') {
    throw new Error(`${where}.createNativeUser must be true or false`);
  }
  if (typeof providers !== 'object' || providers === null || Array.isArray(providers) || Object.keys(providers).length === 0) {
    throw new Error(`${where}.providers must name at least one provider`);
  }
  for (const [name, trust] of Object.entries(providers)) {
    if (!(EMAIL_TRUSTS as readonly unknown[]).includes(trust)) {
      throw new Error(`${where}.providers.${name} must be one of ${EMAIL_TRUSTS.join(', ')}, got ${JSON.stringify(trust)}`);
    }
  }
  return { providers: providers as LinkingPolicy['providers'], createNativeUser };
}

/**
 * The message the trigger fails the first federated sign-in with, once it
 * has linked the identity. Cognito refuses that sign-up anyway (see
 * lambda/account-linking/index.ts); this message, which reaches the app's
 * callback URL as `error_description=PreSignUp failed with error <message>.`,
 * says what happened, and its code lets the app start the sign-in again by
 * itself. Part of the contract with apps: do not change it lightly.
 */
export const ACCOUNT_LINKED_CODE = 'ACCOUNT_LINKED';
export const ACCOUNT_LINKED_MESSAGE = `${ACCOUNT_LINKED_CODE}: this sign-in is now linked to your existing account. Please sign in again.`;

/**
 * The message a sign-up is refused with when the trigger could not decide
 * (a Cognito call failed or timed out): the same words whatever went wrong,
 * so neither Cognito's own error text nor anything about the pool reaches
 * the app's callback URL; the trigger's log names the operation and the error.
 */
export const LINKING_FAILED_CODE = 'ACCOUNT_LINKING_FAILED';
export const LINKING_FAILED_MESSAGE = `${LINKING_FAILED_CODE}: this sign-in could not be completed. Please try again.`;

/** The message a sign-up is refused with when more than one native user has the email. */
export const AMBIGUOUS_EMAIL_CODE = 'ACCOUNT_LINKING_AMBIGUOUS';
export const AMBIGUOUS_EMAIL_MESSAGE = `${AMBIGUOUS_EMAIL_CODE}: more than one account uses this email address, so this sign-in cannot be `
  + 'linked to one of them. Please contact support.';
