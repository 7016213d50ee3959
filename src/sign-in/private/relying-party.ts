import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { LoginDomain } from '../../domain/domain';
import { DOMAIN_NAME } from '../../private/domain-name';
import { ViolationCollector, isUnresolved, warn } from '../../private/validate';

/** RelyingPartyIdType (botocore cognito-idp model): 1 to 127 characters. */
const RELYING_PARTY_ID_MAX_LENGTH = 127;

/** Amazon's domain of every prefix domain (developerguide/cognito-user-pools-assign-domain-prefix.html). */
const COGNITO_DOMAIN = 'amazoncognito.com';

const PROP = 'signIn.passkeyRelyingPartyId';

/**
 * How a checked relying party id stands to the login's domain:
 * - `loginDomain`: the domain the login's pages are served on;
 * - `parent`: a parent of the login's custom domain;
 * - `ownSite`: another domain, the app's own site, where passkeys run through the SDK;
 * - `unknown`: not judged, a token.
 */
export type RelyingPartyFit = 'loginDomain' | 'parent' | 'ownSite' | 'unknown';

/**
 * Records what Cognito or browsers refuse of a relying party id, and says how
 * it stands to the login's domain.
 *
 * Cognito takes any domain name of 1 to 127 characters
 * (API_WebAuthnConfigurationType, RelyingPartyId): "typically your user pool
 * domain", and the custom domain's own name only when the pool has a custom
 * domain and the app authenticates with managed login or the classic hosted
 * UI. An app that runs passkeys through the SDK (StartWebAuthnRegistration,
 * InitiateAuth with USER_AUTH) on its own site may bind them to that site.
 * What stays refused is a name under amazoncognito.com other than the login's
 * own prefix domain: those are Amazon's, and `auth.<region>.amazoncognito.com`
 * is on the Public Suffix List (developerguide/cognito-user-pools-assign-domain-prefix.html),
 * which browsers refuse as a relying party id (WebAuthn Level 2, "RP ID": a
 * registrable domain suffix of the origin, never a public suffix).
 */
export function checkRelyingParty(violations: ViolationCollector, relyingPartyId: string, domain: LoginDomain, host: string): RelyingPartyFit {
  if (isUnresolved(relyingPartyId)) {
    return 'unknown';
  }
  if (relyingPartyId.length > RELYING_PARTY_ID_MAX_LENGTH || !DOMAIN_NAME.test(relyingPartyId)) {
    violations.add(PROP, relyingPartyId, `a lowercase domain name of two labels or more, at most ${RELYING_PARTY_ID_MAX_LENGTH} characters`);
    return 'unknown';
  }
  const custom = domain.customDomain !== undefined;
  if (relyingPartyId === COGNITO_DOMAIN || relyingPartyId.endsWith(`.${COGNITO_DOMAIN}`)) {
    if (!custom && matchesPrefixHost(relyingPartyId, domain.domainPrefix!, host)) {
      return 'loginDomain';
    }
    const yours = custom ? `the login's domain ${describeHost(host, domain)}, a parent of it` : `the login's prefix domain ${describeHost(host, domain)} itself`;
    violations.add(PROP, relyingPartyId,
      `${yours}, or another domain of your own: other names under ${COGNITO_DOMAIN} are Amazon's, `
      + `and auth.<region>.${COGNITO_DOMAIN}, on the Public Suffix List, is refused by browsers as a relying party id, as are its parents`);
    return 'unknown';
  }
  if (isUnresolved(host)) {
    return custom ? 'unknown' : 'ownSite';
  }
  if (relyingPartyId === host) {
    return 'loginDomain';
  }
  return host.endsWith(`.${relyingPartyId}`) ? 'parent' : 'ownSite';
}

/** Warns of a relying party id that managed login on the login's domain cannot use, or should not. */
export function warnRelyingParty(scope: IConstruct, fit: RelyingPartyFit, relyingPartyId: string, domain: LoginDomain, host: string): void {
  if (fit === 'parent') {
    // Allowed by WebAuthn, but Cognito's API reference says the id must be the custom domain itself for managed login.
    warn(scope, 'passkeyRelyingPartyIdParent',
      `signIn.passkeyRelyingPartyId ${relyingPartyId} is a parent of the login's domain ${host}; Cognito's API reference says that `
      + 'with a custom domain and managed login the relying party id must be the custom domain\'s own name.');
  } else if (fit === 'ownSite') {
    // A passkey only works on its relying party id and its subdomains (WebAuthn), and a pool has one relying party id.
    warn(scope, 'passkeyRelyingPartyIdOwnSite',
      `signIn.passkeyRelyingPartyId ${relyingPartyId} is not the login's domain ${describeHost(host, domain)}: passkeys are bound to ${relyingPartyId}, `
      + `so users register and use them through the SDK on ${relyingPartyId} (or its subdomains) only. The managed login pages cannot `
      + `register or use them, and passkeys registered there before cannot be used on ${relyingPartyId}: `
      + 'do not send users to the managed login pages for passkeys.');
  }
}

/**
 * The host name the login's pages are served on: the custom domain's name, or
 * `<prefix>.auth.<region>.amazoncognito.com`, the same name aws-cdk-lib's
 * `UserPoolDomain.baseUrl()` gives a prefix domain.
 */
export function domainHost(scope: IConstruct, domain: LoginDomain): string {
  if (domain.customDomain !== undefined) {
    return domain.customDomain.domainName;
  }
  return `${domain.domainPrefix}.auth.${Stack.of(scope).region}.${COGNITO_DOMAIN}`;
}

/** True when `relyingPartyId` is the prefix domain, also when the stack's region is only known at deploy time. */
function matchesPrefixHost(relyingPartyId: string, prefix: string, host: string): boolean {
  if (!isUnresolved(host)) {
    return relyingPartyId === host;
  }
  if (isUnresolved(prefix)) {
    return true;
  }
  return new RegExp(`^${prefix.replace(/[.]/g, '\\.')}\\.auth\\.[a-z0-9-]+\\.amazoncognito\\.com$`).test(relyingPartyId);
}

function describeHost(host: string, domain: LoginDomain): string {
  if (!Token.isUnresolved(host)) {
    return host;
  }
  return domain.customDomain !== undefined ? '(the custom domain)' : `<prefix>.auth.<region>.${COGNITO_DOMAIN}`;
}
