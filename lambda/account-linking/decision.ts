import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { EmailTrust, IDP_EMAIL_VERIFIED_ATTRIBUTE, LinkingPolicy } from '../../src/account-linking/private/linking-contract';

/**
 * What the trigger can tell from the event alone, before any call: which
 * provider the person comes from, and whether that provider's word on the
 * email is good enough to link on. Pure, so every rule is unit-tested
 * without clients.
 */

/** The federated identity being signed up, when its provider is one the policy links. */
export interface FederatedIdentity {
  /** The provider's name as configured in the pool (AdminLinkProviderForUser wants it exactly). */
  readonly providerName: string;
  /** The person's subject at the provider: what Cognito puts after `<provider>_` in the user name. */
  readonly subject: string;
  readonly trust: EmailTrust;
}

/** The outcome of looking at the event: an identity with an email to look up, or why nothing is linked. */
export type EventVerdict =
  | { readonly link: true; readonly identity: FederatedIdentity; readonly email: string }
  | { readonly link: false; readonly reason: string; readonly providerName?: string };

/**
 * A conservative email shape: it goes into ListUsers' filter between double
 * quotes, so quotes, backslashes, whitespace and control characters are
 * refused rather than escaped.
 */
const FILTERABLE_EMAIL = /^[^"\\\s\u0000-\u001f]+@[^"\\\s\u0000-\u001f@]+$/;

export function judgeEvent(event: PreSignUpTriggerEvent, policy: LinkingPolicy): EventVerdict {
  if (event.triggerSource !== 'PreSignUp_ExternalProvider') {
    // Sign-ups with a password, and the native users this trigger creates itself (PreSignUp_AdminCreateUser), pass untouched.
    return { link: false, reason: 'not a federated sign-up' };
  }
  const identity = identityOf(event.userName, policy);
  if (!identity) {
    return { link: false, reason: 'provider not linked by the policy' };
  }
  const providerName = identity.providerName;
  const attributes = event.request.userAttributes ?? {};
  const email = attributes.email;
  if (typeof email !== 'string' || email === '') {
    return { link: false, reason: 'the provider sent no email', providerName };
  }
  // The provider's own claim, as the login maps it (never the pool's email_verified, which no client of a
  // linking pool may write: linking-contract.ts). Its value here is what the provider's token said at this sign-in.
  if (identity.trust === 'verified-claim' && String(attributes[IDP_EMAIL_VERIFIED_ATTRIBUTE]).toLowerCase() !== 'true') {
    return { link: false, reason: 'the provider did not assert that the email is verified', providerName };
  }
  if (!FILTERABLE_EMAIL.test(email)) {
    return { link: false, reason: 'the email has characters a user search cannot carry', providerName };
  }
  return { link: true, identity, email };
}

/**
 * The provider and subject of a federated user name `<ProviderName>_<subject>`.
 * Cognito has been seen to lower-case the provider part (`google_123`), so
 * the configured names are matched without case, the longest first (a name
 * may itself hold an underscore in its second character).
 */
export function identityOf(userName: string, policy: LinkingPolicy): FederatedIdentity | undefined {
  const names = Object.keys(policy.providers).sort((a, b) => b.length - a.length);
  const lower = userName.toLowerCase();
  const providerName = names.find((name) => lower.startsWith(`${name.toLowerCase()}_`));
  if (providerName === undefined) {
    return undefined;
  }
  const subject = userName.slice(providerName.length + 1);
  return subject === '' ? undefined : { providerName, subject, trust: policy.providers[providerName] };
}
