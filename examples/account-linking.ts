import { App, AppProps, SecretValue, Stack } from 'aws-cdk-lib';
import { AccountLinking, CognitoLogin, LoginDomain, LoginProvider } from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, corpSamlProvider, exampleApp } from './app';

/**
 * One account per person: customers sign up with email and password or sign
 * in with Google or Sign in with Apple, and staff through the corporate SAML
 * IdP. A first sign-in through one of them is linked to the native user with
 * the same verified email (the corporate IdP vouched for as verifying every
 * email it asserts); a person with no native user yet gets one, so they can
 * later sign in either way.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'AccountLinking', { env: { account: '123456789012', region: 'eu-west-1' } });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-linked'),
    userPoolProps: { selfSignUpEnabled: true },
    identityProviders: [
      LoginProvider.google({
        clientId: '1234567890-abc.apps.googleusercontent.com',
        clientSecret: SecretValue.secretsManager('acme/google-oauth', { jsonField: 'clientSecret' }),
      }),
      LoginProvider.apple({
        servicesId: 'com.acme.signin',
        teamId: 'ABCDE12345',
        keyId: 'KEY1234567',
        privateKey: SecretValue.secretsManager('acme/apple-signin-key'),
      }),
      corpSamlProvider(),
    ],
    accountLinking: AccountLinking.byVerifiedEmail({
      // Google and Apple assert email_verified; the corporate IdP has no such claim, and its operator verifies every address.
      trustedEmailProviders: ['Corp'],
      createNativeUser: true,
    }),
  });

  // The library's defaults, kept on purpose; cdk-nag findings accepted for this app:
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG2',
    'UX decision of the app owner: most people sign in through Google, Apple or the corporate IdP, whose own MFA applies '
    + '(Cognito never prompts federated users for MFA); local users may enroll an authenticator app (MFA optional).');
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);

  login.addClient('Web', {
    callbackUrls: ['https://shop.acme.example.com/callback'],
    logoutUrls: ['https://shop.acme.example.com/'],
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
