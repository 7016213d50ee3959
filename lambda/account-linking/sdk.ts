/**
 * The one place the account linking trigger imports AWS SDK code. Its
 * commands are exactly what the trigger's role allows
 * (test/security/iam.test.ts checks the two against each other); the SDK is
 * bundled, pinned, into assets/account-linking/index.js.
 */
/* eslint-disable import/no-extraneous-dependencies */
export {
  AdminCreateUserCommand,
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
