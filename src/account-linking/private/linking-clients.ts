import { Aspects, IAspect, Stack, Stage, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { IDP_EMAIL_VERIFIED_ATTRIBUTE, IDP_EMAIL_VERIFIED_NAME } from './linking-contract';
import { userPathOf } from '../../private/construct-path';
import { ViolationCollector } from '../../private/validate';

/**
 * Which app clients of a linking pool may let users change their own email
 * or its verification. A user's access token lets them set every attribute
 * their client may write (API_UpdateUserAttributes); a client whose
 * WriteAttributes are not set may write every standard attribute
 * (API_UserPoolClientType, WriteAttributes: "your app can write the values of
 * the Standard attributes"; aws-cdk-lib's UserPoolClientOptions.writeAttributes:
 * "@default - all standard and custom attributes"), `email_verified` among
 * them (aws-cdk-lib's StandardAttributesMask.emailVerified). A native user who
 * can set `email_verified`, or change `email` without Cognito holding the new
 * address back until it is verified (UserAttributeUpdateSettings,
 * AttributesRequireVerificationBeforeUpdate; aws-cdk-lib `keepOriginal`),
 * could claim a stranger's address and receive that stranger's federated
 * sign-ins. And the other way round: a client that offers a provider must
 * be able to write every attribute that provider maps, or Cognito refuses
 * every sign-in through it at run time (API_UserPoolClientType,
 * WriteAttributes: "If your app client does not have write access to a
 * mapped attribute, Amazon Cognito throws an error when it tries to update
 * the attribute"; developer guide, "Mapping IdP attributes to profiles and
 * tokens"). Both hold at once because a linking login maps each provider's
 * verification claim to `custom:idp_email_verified`, never to `email_verified`.
 */

const EMAIL = 'email';
const EMAIL_VERIFIED = 'email_verified';

/**
 * The write attributes a linking login gives one of its own clients when
 * none are given: every standard attribute but the two verification flags,
 * the pool's custom attributes the app declared, and
 * `custom:idp_email_verified` when the client offers a provider whose
 * mapping fills it (Cognito writes a mapped attribute through the client at
 * each federated sign-in and refuses the sign-in when the client may not:
 * API_UserPoolClientType, WriteAttributes). A client without such a provider
 * does not get it; if one had it, a user could set it on their own account,
 * which would change nothing (see ClientWriteGuard).
 */
export function linkingWriteAttributes(appCustomAttributes: readonly string[], offersVerificationClaim: boolean): cognito.ClientAttributes {
  return new cognito.ClientAttributes()
    .withStandardAttributes({
      address: true,
      birthdate: true,
      email: true,
      familyName: true,
      gender: true,
      givenName: true,
      locale: true,
      middleName: true,
      fullname: true,
      nickname: true,
      phoneNumber: true,
      profilePicture: true,
      preferredUsername: true,
      profilePage: true,
      timezone: true,
      lastUpdateTime: true,
      website: true,
    })
    .withCustomAttributes(...appCustomAttributes.filter((name) => name !== IDP_EMAIL_VERIFIED_NAME),
      ...(offersVerificationClaim ? [IDP_EMAIL_VERIFIED_NAME] : []));
}

/**
 * A linking pool keeps a changed email until it is verified, unless the app
 * said otherwise (then the guard below refuses clients that may write email).
 * Only where email is auto-verified: aws-cdk-lib refuses keepOriginal
 * otherwise, and linking refuses such a pool with its own message.
 */
export function keepOriginalEmailByDefault(poolProps: cognito.UserPoolProps): cognito.UserPoolProps {
  return poolProps.keepOriginal === undefined && poolProps.autoVerify?.email === true
    ? { ...poolProps, keepOriginal: { email: true } }
    : poolProps;
}

/** What the guard needs to know about the linking login and its pool. */
export interface LinkingClientsGuard {
  /** The login, on which violations are reported. */
  readonly login: IConstruct;
  /** The pool whose clients are checked. */
  readonly userPool: cognito.IUserPool;
  /** Whether the pool keeps a changed email until it is verified (`keepOriginal.email`). */
  readonly keepsOriginalEmail: boolean;
}

/**
 * Refuses, at synth, every client of the pool that may write
 * `email_verified`, every client that may write `email` when the pool does
 * not keep the original until the new one is verified, and every client
 * that offers an identity provider of the pool but may not write an
 * attribute that provider maps. Clients and providers can be added anywhere
 * in the app after the login (`userPool.addClient`, `new UserPoolClient`,
 * `new UserPoolIdentityProviderGoogle`), so the check runs as an aspect once
 * the tree is complete, over every client and provider of the pool in the
 * stage, as the page styles' wiring finds them (src/private/pool-style-registry.ts).
 */
export function guardLinkingClients(guard: LinkingClientsGuard): void {
  const root = Stage.of(guard.login) ?? guard.login.node.root;
  Aspects.of(root).add(new ClientWriteGuard(root, guard));
}

/**
 * Which clients may write `custom:idp_email_verified` is not checked: only
 * its value in a PreSignUp_ExternalProvider event counts, and there Cognito
 * takes it from the provider's token (the federated user does not exist yet,
 * so nothing stored is in the event), and refreshes it from the token at
 * every later federated sign-in. A native user who writes it on their own
 * account changes nothing the trigger reads: a native user's email counts
 * as verified only by the pool's `email_verified`, which no client may write.
 */
class ClientWriteGuard implements IAspect {
  constructor(private readonly root: IConstruct, private readonly guard: LinkingClientsGuard) {}

  public visit(node: IConstruct): void {
    if (node !== this.root) {
      return;
    }
    const poolId = this.guard.userPool.userPoolId;
    const all = this.root.node.findAll();
    const clients = all.filter((c): c is cognito.CfnUserPoolClient => c instanceof cognito.CfnUserPoolClient && c.userPoolId === poolId);
    const mappings = providerMappings(all.filter((c): c is cognito.CfnUserPoolIdentityProvider =>
      c instanceof cognito.CfnUserPoolIdentityProvider && c.userPoolId === poolId));
    const violations = new ViolationCollector(this.guard.login);
    const writingEmail: string[] = [];
    for (const client of clients) {
      const written = client.writeAttributes;
      if (Token.isUnresolved(written)) {
        continue;
      }
      const path = userPathOf(client);
      if (written === undefined || written.includes(EMAIL_VERIFIED)) {
        violations.add(`${path} writeAttributes`, written ?? 'not set (every standard attribute, email_verified among them)',
          'a list without email_verified (e.g. new ClientAttributes().withStandardAttributes({ email: true, fullname: true })): '
          + 'with account linking, a user who can mark their own email verified can claim any address and receive its owner\'s federated sign-ins');
      }
      if (written === undefined || written.includes(EMAIL)) {
        writingEmail.push(path);
      }
      if (written !== undefined) {
        collectUnwritableMappings(violations, path, client, written, mappings);
      }
    }
    if (writingEmail.length > 0 && !this.guard.keepsOriginalEmail) {
      violations.add('userPoolProps.keepOriginal', 'email not kept',
        `{ email: true } (the default with account linking), since ${writingEmail.join(', ')} let users change their email: `
        + 'Cognito must keep the verified address until the new one is verified');
    }
    violations.throwIfAny();
  }
}

/** The pool attributes each provider of the pool maps, by provider name (the mappings known at synth). */
function providerMappings(providers: readonly cognito.CfnUserPoolIdentityProvider[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const provider of providers) {
    const mapping: unknown = provider.attributeMapping;
    if (Token.isUnresolved(provider.providerName) || Token.isUnresolved(mapping) || typeof mapping !== 'object' || mapping === null) {
      continue;
    }
    byName.set(provider.providerName, Object.keys(mapping));
  }
  return byName;
}

/**
 * A client offering a provider must be able to write every attribute the
 * provider maps. `email_verified` is the one it can never be given on a
 * linking pool, so a provider mapping it is named with what to map instead.
 */
function collectUnwritableMappings(
  violations: ViolationCollector, path: string, client: cognito.CfnUserPoolClient, written: readonly string[], mappings: Map<string, string[]>,
): void {
  // aws-cdk-lib's UserPoolClient lists the pool's providers lazily (every provider registered on the pool, when none are given).
  const offered: unknown = Stack.of(client).resolve(client.supportedIdentityProviders);
  if (!Array.isArray(offered)) {
    return;
  }
  for (const name of offered.filter((n): n is string => typeof n === 'string')) {
    const missing = (mappings.get(name) ?? []).filter((attribute) => !written.includes(attribute));
    if (missing.length === 0) {
      continue;
    }
    if (missing.includes(EMAIL_VERIFIED)) {
      violations.add(`${name} attributeMapping`, 'email_verified mapped',
        `no mapping to email_verified on a pool with account linking (${path} offers ${name}, and no client of the pool may write it): `
        + `map the provider's verification claim to ${IDP_EMAIL_VERIFIED_ATTRIBUTE}, as the login does for its own providers`);
    }
    const others = missing.filter((attribute) => attribute !== EMAIL_VERIFIED);
    if (others.length > 0) {
      violations.add(`${path} writeAttributes`, written,
        `a list with ${others.join(', ')}, which ${name} maps: Cognito refuses every sign-in through ${name} on a client `
        + 'that may not write an attribute the provider maps');
    }
  }
}
