// The reference of the README apps (scripts/test-bindings.sh): the README's
// Python, Java and Go snippets are the readme apps beside this folder
// (python/readme_app.py, java/src/readme/java/readme/AuthApp.java,
// go/readme/main.go), and their templates must equal the one this app
// synthesizes. It runs, like them, in a directory holding branding/ (the
// script makes one from ../fixtures). Change it with the README's snippets.
import { App, CfnOutput, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingAsset,
  BrandingCategory,
  BrandingColorMode,
  BrandingSettings,
  CognitoLogin,
  LoginDomain,
  LoginPages,
  LoginProvider,
} from '../../../src';

const app = new App();
const stack = new Stack(app, 'Auth', { env: { account: '123456789012', region: 'eu-west-1' } });
const login = new CognitoLogin(stack, 'Login', {
  domain: LoginDomain.cognitoPrefix('acme-auth'),
  pages: LoginPages.managedLogin({
    branding: {
      settings: BrandingSettings.fromFile('branding/settings.json'),
      assets: [BrandingAsset.fromFile('branding/logo.png', {
        category: BrandingCategory.PAGE_HEADER_LOGO,
        colorMode: BrandingColorMode.LIGHT,
      })],
    },
  }),
  identityProviders: [
    LoginProvider.google({
      clientId: '1234567890-abc.apps.googleusercontent.com',
      clientSecret: SecretValue.secretsManager('google-secret'),
    }),
    LoginProvider.saml({
      name: 'Corp',
      metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.example.com/saml/metadata.xml'),
    }),
  ],
});
const web = login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
new CfnOutput(stack, 'WebSignIn', { value: login.signInUrl(web) });
app.synth();
