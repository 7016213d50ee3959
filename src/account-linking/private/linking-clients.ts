import { Aspects, IAspect, Stage, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
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
 * sign-ins.
 */

const EMAIL = 'email';
const EMAIL_VERIFIED = 'email_verified';

/**
 * The write attributes a linking login gives its own clients when none are
 * given: every standard attribute but the two verification flags, and the
 * pool's custom attributes, so the client keeps what the default allowed
 * except what would let a user verify an address themselves.
 */
export function linkingWriteAttributes(customAttributes: readonly string[]): cognito.ClientAttributes {
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
    .withCustomAttributes(...customAttributes);
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
 * `email_verified`, and every client that may write `email` when the pool
 * does not keep the original until the new one is verified. Clients can be
 * added anywhere in the app after the login (`userPool.addClient`,
 * `new UserPoolClient`), so the check runs as an aspect once the tree is
 * complete, over every client of the pool in the stage, as the page styles'
 * wiring finds them (src/private/page-styles.ts).
 */
export function guardLinkingClients(guard: LinkingClientsGuard): void {
  const root = Stage.of(guard.login) ?? guard.login.node.root;
  Aspects.of(root).add(new ClientWriteGuard(root, guard));
}

class ClientWriteGuard implements IAspect {
  constructor(private readonly root: IConstruct, private readonly guard: LinkingClientsGuard) {}

  public visit(node: IConstruct): void {
    if (node !== this.root) {
      return;
    }
    const poolId = this.guard.userPool.userPoolId;
    const clients = this.root.node.findAll()
      .filter((c): c is cognito.CfnUserPoolClient => c instanceof cognito.CfnUserPoolClient && c.userPoolId === poolId);
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
    }
    if (writingEmail.length > 0 && !this.guard.keepsOriginalEmail) {
      violations.add('userPoolProps.keepOriginal', 'email not kept',
        `{ email: true } (the default with account linking), since ${writingEmail.join(', ')} let users change their email: `
        + 'Cognito must keep the verified address until the new one is verified');
    }
    violations.throwIfAny();
  }
}
