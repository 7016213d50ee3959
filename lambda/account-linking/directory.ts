import { FederatedIdentity } from './decision';
import { AdminCreateUserCommand, AdminLinkProviderForUserCommand, CognitoIdentityProviderClient, ListUsersCommand } from './sdk';

/**
 * The trigger's calls on its own user pool: find the native users of an
 * email, create one, link a federated identity to one.
 */

/** A native (not federated) user of the pool, as far as linking cares. */
export interface NativeUser {
  readonly username: string;
  readonly emailVerified: boolean;
  /** Whether an administrator has not disabled the user (ListUsers' `Enabled`). */
  readonly enabled: boolean;
  /** ListUsers' `UserStatus`: CONFIRMED, UNCONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED, ... */
  readonly status: string;
}

/** ListUsers' page size limit (botocore: QueryLimitType, max 60). */
const PAGE_SIZE = 60;

/** Every native user whose email is `email`; federated users (UserStatus EXTERNAL_PROVIDER) are left out. */
export async function nativeUsersWithEmail(cognito: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<NativeUser[]> {
  const users: NativeUser[] = [];
  let paginationToken: string | undefined;
  do {
    const page = await cognito.send(new ListUsersCommand({
      UserPoolId: userPoolId,
      Filter: `email = "${email}"`,
      Limit: PAGE_SIZE,
      ...(paginationToken ? { PaginationToken: paginationToken } : {}),
    }));
    for (const user of page.Users ?? []) {
      if (user.UserStatus === 'EXTERNAL_PROVIDER' || user.Username === undefined) {
        continue;
      }
      const verified = user.Attributes?.find((a) => a.Name === 'email_verified')?.Value;
      // A missing Enabled or UserStatus counts against the user: linking never rests on a guess.
      users.push({ username: user.Username, emailVerified: verified === 'true', enabled: user.Enabled === true, status: user.UserStatus ?? 'UNKNOWN' });
    }
    paginationToken = page.PaginationToken;
  } while (paginationToken);
  return users;
}

/**
 * A native user for `email`, its email marked verified (the provider
 * asserted it), without an invitation message: the person signs in through
 * the provider, and may set a password later through "forgot password".
 * Returns the user name Cognito gave it (with email as the sign-in
 * attribute, a generated id rather than the email).
 */
export async function createNativeUser(cognito: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<string> {
  const created = await cognito.send(new AdminCreateUserCommand({
    UserPoolId: userPoolId,
    Username: email,
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
    MessageAction: 'SUPPRESS',
  }));
  const username = created.User?.Username;
  if (!username) {
    throw new Error('AdminCreateUser returned no user name');
  }
  return username;
}

/** Links the federated identity to the native user: from now on, signing in with the provider signs in as that user. */
export async function linkIdentity(
  cognito: CognitoIdentityProviderClient, userPoolId: string, username: string, identity: FederatedIdentity,
): Promise<void> {
  await cognito.send(new AdminLinkProviderForUserCommand({
    UserPoolId: userPoolId,
    DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: username },
    SourceUser: { ProviderName: identity.providerName, ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: identity.subject },
  }));
}
