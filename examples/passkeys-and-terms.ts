import { App, AppProps, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain, PasskeyVerification, SignInFactor } from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, exampleApp } from './app';

/**
 * Choice-based sign-in on managed login: users sign up themselves and sign
 * in with a passkey or a password, passkeys bound to the login's domain and
 * required to verify the user. Every client links the shop's terms of use
 * and privacy policy (in English by default, in French for French pages);
 * the partner portal has terms of use of its own. The mobile app uses
 * aws-cdk-lib client options the login does not wrap, through clientProps.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'PasskeysAndTerms', { env: { account: '123456789012', region: 'eu-west-1' } });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-passkeys-example'),
    // Terms show on the sign-up page, so people sign up themselves here.
    userPoolProps: { selfSignUpEnabled: true },
    signIn: {
      allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY],
      passkeyUserVerification: PasskeyVerification.REQUIRED,
    },
    terms: {
      termsOfUse: 'https://shop.acme.example.com/legal/terms',
      termsOfUseByLanguage: { french: 'https://shop.acme.example.com/fr/legal/conditions' },
      privacyPolicy: 'https://shop.acme.example.com/legal/privacy',
      privacyPolicyByLanguage: { french: 'https://shop.acme.example.com/fr/legal/confidentialite' },
    },
  });

  // The library's defaults, kept on purpose; cdk-nag findings accepted for this app:
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG2',
    'UX decision of the app owner: MFA stays optional; passkeys with user verification are the strong way in this app offers.');
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);

  login.addClient('Shop', { callbackUrls: ['https://shop.acme.example.com/callback'] });
  login.addClient('Partner', {
    callbackUrls: ['https://partners.acme.example.com/callback'],
    terms: { termsOfUse: 'https://partners.acme.example.com/legal/partner-terms' },
  });
  login.addClient('Mobile', {
    callbackUrls: ['acmeshop://callback'],
    clientProps: {
      // Refresh tokens are replaced on each use; the old one stops working after 30 seconds.
      refreshTokenRotationGracePeriod: Duration.seconds(30),
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
      authSessionValidity: Duration.minutes(5),
    },
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
