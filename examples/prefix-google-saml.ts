import { App, AppProps, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain, LoginProvider } from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, corpSamlProvider, exampleApp } from './app';

/**
 * A Cognito prefix domain with Google and a corporate SAML provider, an API
 * with read/write scopes, a browser app (public client, code grant with PKCE)
 * and a server-side app (confidential client) that may call the API.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'PrefixGoogleSaml', { env: { account: '123456789012', region: 'eu-west-1' } });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-example'),
    identityProviders: [
      LoginProvider.google({
        clientId: '1234567890-abc.apps.googleusercontent.com',
        clientSecret: SecretValue.secretsManager('acme/google-oauth', { jsonField: 'clientSecret' }),
      }),
      corpSamlProvider(),
    ],
    resourceServers: [{
      identifier: 'api',
      name: 'Acme API',
      scopes: [
        { name: 'read', description: 'Read orders' },
        { name: 'write', description: 'Create and change orders' },
      ],
    }],
  });

  // The library's defaults, kept on purpose; cdk-nag findings accepted for this app:
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG2',
    'UX decision of the app owner: users sign in through Google or the corporate SAML IdP, whose own MFA applies '
    + '(Cognito never prompts federated users for MFA); the few local users may enroll an authenticator app (MFA optional).');
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);

  login.addClient('Web', {
    callbackUrls: ['https://app.acme.example.com/callback', 'http://localhost:5173/callback'],
    logoutUrls: ['https://app.acme.example.com/'],
  });
  login.addClient('Server', {
    callbackUrls: ['https://portal.acme.example.com/oauth2/callback'],
    generateSecret: true,
    identityProviders: ['Corp'],
    scopes: [
      cognito.OAuthScope.OPENID,
      cognito.OAuthScope.EMAIL,
      login.resourceServerScope('api', 'read'),
      login.resourceServerScope('api', 'write'),
    ],
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
