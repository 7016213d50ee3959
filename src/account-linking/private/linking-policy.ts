import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { collectDeclaredIdpEmailVerified, collectIdpEmailVerifiedMappings } from './linking-attributes';
import { EmailTrust, IDP_EMAIL_VERIFIED_ATTRIBUTE, LinkingPolicy } from './linking-contract';
import { ViolationCollector, isUnresolved, warn } from '../../private/validate';
import { LoginProvider } from '../../providers/providers';
import { VerifiedEmailLinkingOptions } from '../account-linking';

/**
 * Why a provider created outside the login (LoginProvider.existing) is never
 * linked: what its sign-ins put into `email` and `custom:idp_email_verified`
 * is decided by an attribute mapping written elsewhere, which can change
 * without this app, so the login cannot vouch that it carries a verified email.
 */
const EXISTING_UNKNOWN = 'its attribute mapping is written where it was created, not by this login, '
  + 'so the login cannot know that its sign-ins carry a verified email';

/** What the login knows about the pool that linking needs. */
export interface LinkingPool {
  /** True when the app brought its own pool (userPool), whose triggers and attributes the login does not control. */
  readonly ownPool: boolean;
  /** The new pool's properties, defaults merged. */
  readonly poolProps: cognito.UserPoolProps;
  /** The custom attributes the app declared (userPoolProps.customAttributes). */
  readonly appCustomAttributes?: cognito.UserPoolProps['customAttributes'];
}

/**
 * The trigger's policy from the options, refusing at synth every
 * configuration that could link an email nobody verified: a provider whose
 * sign-ins carry no verification claim and that the app did not vouch for,
 * a social provider vouched for (only its own claim counts), a provider
 * whose `email_verified` is filled from anything but its own verification
 * claim, two providers whose names differ only in case, a pool that does not
 * verify its users' emails, a pool whose pre sign-up trigger is someone
 * else's, or native users created in a pool that does not sign in by email.
 * (Clients that may write email or its verification are refused once the
 * app is complete: linking-clients.ts.)
 */
export function resolveLinkingPolicy(
  scope: IConstruct, prop: string, options: VerifiedEmailLinkingOptions, providers: readonly LoginProvider[], pool: LinkingPool,
): LinkingPolicy {
  const violations = new ViolationCollector(scope);
  if (pool.ownPool) {
    violations.add(prop, 'with userPool', 'a login that creates its pool: the trigger, the verified email settings and the attribute '
      + `${IDP_EMAIL_VERIFIED_ATTRIBUTE} are set on the login's pool (for a pool of your own, attach the trigger where you create it, and declare `
      + 'the attribute there with customAttributes: { idp_email_verified: new StringAttribute({ mutable: true }) }, which CloudFormation adds '
      + 'to an existing pool without replacing it)');
  }
  if (!pool.ownPool && pool.poolProps.autoVerify?.email !== true) {
    violations.add('userPoolProps.autoVerify', pool.poolProps.autoVerify,
      'email auto-verified ({ email: true }, the default): linking trusts a native user\'s email only when the pool verified it');
  }
  if (pool.poolProps.lambdaTriggers?.preSignUp !== undefined) {
    violations.add('userPoolProps.lambdaTriggers.preSignUp', 'a function', 'no pre sign-up trigger of your own: account linking is the pool\'s pre sign-up trigger');
  }

  if (options.createNativeUser === true && !signsInByEmail(pool.poolProps.signInAliases)) {
    violations.add('userPoolProps.signInAliases', pool.poolProps.signInAliases,
      'email as the sign-in attribute ({ email: true }, the default) with createNativeUser: the trigger creates each native user with the email '
      + 'as its user name, which Cognito accepts only in a pool whose users sign in by email');
  }
  collectEmailVerifiedMappings(violations, providers);
  collectIdpEmailVerifiedMappings(violations, providers);
  collectDeclaredIdpEmailVerified(violations, pool.appCustomAttributes);
  collectCaseTwins(violations, providers);
  collectPrefixTwins(violations, providers);

  const byName = new Map(providers.map((p) => [p.providerName, p]));
  const trusted = new Set(options.trustedEmailProviders ?? []);
  (options.trustedEmailProviders ?? []).forEach((name, i) => {
    const provider = byName.get(name);
    const at = `${prop}.trustedEmailProviders[${i}]`;
    if (!provider) {
      violations.add(at, name, `a provider of this login: ${[...byName.keys()].join(', ') || '(none)'}`);
    } else if (provider._isExisting()) {
      violations.add(at, name, `a provider this login creates: ${EXISTING_UNKNOWN}`);
    } else if (!provider._emailAssertion().mayBeTrusted) {
      violations.add(at, name, 'a SAML or OIDC provider: a social provider\'s emails count only by its own email_verified claim');
    }
  });

  const trustOf = (provider: LoginProvider): EmailTrust | string => {
    const { email, mayBeTrusted } = provider._emailAssertion();
    if (email === 'unknown') {
      return `a provider this login creates: ${EXISTING_UNKNOWN}`;
    }
    if (email === 'none') {
      return 'a provider whose attribute mapping carries the email (attributeMapping.email)';
    }
    if (trusted.has(provider.providerName) && mayBeTrusted) {
      return 'trusted-provider';
    }
    if (email === 'verified-claim') {
      return 'verified-claim';
    }
    return mayBeTrusted
      ? 'a provider whose sign-ins assert a verified email (attributeMapping.emailVerified mapped to email_verified), '
        + 'or one named in trustedEmailProviders'
      : 'a provider that asserts verified emails: Google, Sign in with Apple, OIDC or a trusted SAML provider '
        + '(Facebook and Login with Amazon send no verification flag)';
  };

  const linked: { [name: string]: EmailTrust } = {};
  if (options.providers !== undefined) {
    options.providers.forEach((name, i) => {
      const provider = byName.get(name);
      const at = `${prop}.providers[${i}]`;
      if (!provider) {
        violations.add(at, name, `a provider of this login: ${[...byName.keys()].join(', ') || '(none)'}`);
        return;
      }
      const trust = trustOf(provider);
      if (trust === 'verified-claim' || trust === 'trusted-provider') {
        linked[name] = trust;
      } else {
        violations.add(at, name, trust);
      }
    });
  } else {
    const left: string[] = [];
    const existing: string[] = [];
    for (const provider of providers) {
      const trust = trustOf(provider);
      if (trust === 'verified-claim' || trust === 'trusted-provider') {
        linked[provider.providerName] = trust;
      } else {
        (provider._isExisting() ? existing : left).push(provider.providerName);
      }
    }
    if (left.length > 0 && Object.keys(linked).length > 0) {
      warn(scope, 'accountLinkingProvidersLeftOut', `Account linking leaves out ${left.join(', ')}: their sign-ins assert no verified email, `
        + 'so each person signing in through them gets an account of their own.');
    }
    if (existing.length > 0 && Object.keys(linked).length > 0) {
      warn(scope, 'accountLinkingExistingProviders', `Account linking leaves out ${existing.join(', ')}, created outside this login: `
        + `${EXISTING_UNKNOWN}, so each person signing in through them gets an account of their own. Where they are created, map nothing `
        + 'to email_verified: no client of a linking pool may write it, and Cognito refuses a sign-in whose mapped attributes the client may not write.');
    }
  }
  if (Object.keys(linked).length === 0 && violations.count === 0) {
    violations.add(`${prop}.providers`, options.providers ?? [], 'at least one provider whose verified emails can be linked');
  }
  violations.throwIfAny();
  return { providers: linked, createNativeUser: options.createNativeUser ?? false };
}

/**
 * Whether users sign in by email (CreateUserPool UsernameAttributes holds
 * email), the only pool where AdminCreateUser takes an email as the user
 * name: in a pool where email is an alias, "a username can't match a valid
 * email format" (Cognito developer guide, user pool attributes, "Aliases").
 * aws-cdk-lib makes email a username attribute unless `username` or
 * `preferredUsername` is on.
 */
function signsInByEmail(aliases: cognito.SignInAliases | undefined): boolean {
  return aliases?.email === true && aliases.username !== true && aliases.preferredUsername !== true;
}

/**
 * `attributeMapping.emailVerified` from anything but the provider's own
 * verification claim (e.g. `preferred_username`, `email`), or given at all
 * for a provider that has none (Facebook, Login with Amazon, SAML). A
 * linking login carries the provider's own claim in
 * `custom:idp_email_verified`, the trigger's evidence; any other claim there
 * would pass off whatever it holds as the provider's word, and left in the
 * pool's `email_verified` it could not be written by any client of a
 * linking pool (linking-clients.ts), so every sign-in would fail.
 */
function collectEmailVerifiedMappings(violations: ViolationCollector, providers: readonly LoginProvider[]): void {
  providers.forEach((provider, i) => {
    const { verificationClaim, emailVerifiedMappedFrom } = provider._emailAssertion();
    if (emailVerifiedMappedFrom === undefined || isUnresolved(emailVerifiedMappedFrom) || emailVerifiedMappedFrom === verificationClaim) {
      return;
    }
    violations.add(`identityProviders[${i}].attributeMapping.emailVerified`, emailVerifiedMappedFrom, verificationClaim !== undefined
      ? `${provider.providerName}'s own verification claim "${verificationClaim}", or no mapping: with account linking, the login carries that claim `
        + `in ${IDP_EMAIL_VERIFIED_ATTRIBUTE}, which decides who gets linked`
      : `no mapping: ${provider.providerName} asserts no email verification, so nothing it sends may count as one `
        + '(vouch for a SAML or OIDC provider\'s emails with trustedEmailProviders instead)');
  });
}

/**
 * Two providers whose names differ only in case: Cognito keeps both, but the
 * trigger matches the provider part of a federated user name without case
 * (Cognito has been seen to lower-case it, see lambda/account-linking/decision.ts),
 * so a sign-in through one could be linked as if it came from the other.
 */
function collectCaseTwins(violations: ViolationCollector, providers: readonly LoginProvider[]): void {
  const first = new Map<string, number>();
  providers.forEach((provider, i) => {
    const name = provider.providerName;
    if (isUnresolved(name)) {
      return;
    }
    const twin = first.get(name.toLowerCase());
    if (twin === undefined) {
      first.set(name.toLowerCase(), i);
    } else if (providers[twin].providerName !== name) {
      violations.add(`identityProviders[${i}].providerName`, name,
        `a name that differs from "${providers[twin].providerName}" (identityProviders[${twin}]) in more than case: `
        + 'the account linking trigger matches provider names without case');
    }
  });
}

/**
 * A provider whose name begins with another's name and an underscore (e.g.
 * `Okta_Legacy` next to `Okta`): the trigger reads the provider out of the
 * federated user name `<ProviderName>_<subject>`, so `Okta_Legacy_123` would
 * pass for a sign-in through `Okta` and be linked on `Okta`'s terms. Only a
 * provider created elsewhere can be so named: CreateIdentityProvider
 * (ProviderNameTypeV2 in botocore's cognito-idp model) allows an underscore
 * only as the second character, but a client may list any ProviderNameType.
 */
function collectPrefixTwins(violations: ViolationCollector, providers: readonly LoginProvider[]): void {
  const names = providers.map((provider) => provider.providerName).filter((name) => !isUnresolved(name));
  providers.forEach((provider, i) => {
    const name = provider.providerName;
    if (isUnresolved(name)) {
      return;
    }
    const shadowed = names.find((other) => name.toLowerCase().startsWith(`${other.toLowerCase()}_`));
    if (shadowed !== undefined) {
      violations.add(`identityProviders[${i}].providerName`, name,
        `a name that does not begin with "${shadowed}_": the account linking trigger reads the provider out of federated user names `
        + '<ProviderName>_<subject>, so a sign-in through it would pass for one through ' + shadowed);
    }
  });
}
