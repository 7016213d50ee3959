import { App, AppProps, Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain, SignInFactor } from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, exampleApp } from './app';

/**
 * Every kind of client a team ends up with, on one login: the web app signs
 * users in through the managed login pages; the mobile app signs them in
 * through the SDK (passkeys or a password, with USER_AUTH), so it has no
 * pages, no callback URLs and no style; the nightly reports job is a machine
 * client that gets access tokens for the orders API with its own secret (the
 * client credentials grant); and a partner's integration, made the
 * aws-cdk-lib way on the login's pool, still deploys after the API whose
 * scope it asks for.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'ApiClients', { env: { account: '123456789012', region: 'eu-west-1' } });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-api-clients-example'),
    signIn: { allowedFirstFactors: [SignInFactor.PASSWORD, SignInFactor.PASSKEY] },
    resourceServers: [{
      identifier: 'orders',
      scopes: [{ name: 'read', description: 'Read orders' }, { name: 'write', description: 'Create and change orders' }],
    }],
  });

  // The library's defaults, kept on purpose; cdk-nag findings accepted for this app:
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG2',
    'UX decision of the app owner: MFA stays optional; passkeys are the strong way in this app offers.');
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);

  login.addClient('Web', {
    callbackUrls: ['https://orders.acme.example.com/callback'],
    scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, login.resourceServerScope('orders', 'read')],
  });
  login.addClient('Mobile', { clientProps: { disableOAuth: true } });
  login.addMachineClient('Reports', {
    scopes: [login.resourceServerScope('orders', 'read')],
    accessTokenValidity: Duration.minutes(15),
  });
  login.userPool.addClient('Partner', {
    generateSecret: true,
    oAuth: { flows: { clientCredentials: true }, scopes: [login.resourceServerScope('orders', 'write')] },
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
