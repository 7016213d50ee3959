// The reference app of the bindings test (scripts/test-bindings.sh): the
// Python, Java and Go apps beside this folder build the same stack, and their
// templates must equal the one this app synthesizes. Keep all four in step.
import * as path from 'path';
import { App, CfnOutput, Duration, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingAsset,
  BrandingCategory,
  BrandingColorMode,
  BrandingHorizontalLocation,
  BrandingSettings,
  ClassicCss,
  ClassicLoginCustomization,
  CognitoLogin,
  LoginDomain,
  LoginPages,
  LoginProvider,
  LogoImage,
  ManagedLoginBranding,
} from '../../../src';

const fixtures = path.join(__dirname, '..', 'fixtures');

const app = new App();
const stack = new Stack(app, 'BindingsStack', { env: { account: '123456789012', region: 'eu-west-1' } });

// Managed login: a settings document and two images for every client, and a
// typed style (merged over Cognito's defaults document) for the partner client.
const login = new CognitoLogin(stack, 'Login', {
  domain: LoginDomain.cognitoPrefix('acme-bindings'),
  pages: LoginPages.managedLogin({
    branding: {
      settings: BrandingSettings.fromFile(path.join(fixtures, 'settings.json')),
      assets: [
        BrandingAsset.fromFile(path.join(fixtures, 'logo.png'), {
          category: BrandingCategory.PAGE_HEADER_LOGO,
          colorMode: BrandingColorMode.LIGHT,
        }),
        BrandingAsset.fromFile(path.join(fixtures, 'favicon.ico'), {
          category: BrandingCategory.FAVICON_ICO,
          colorMode: BrandingColorMode.DYNAMIC,
        }),
      ],
    },
    perClient: {
      Partner: {
        settings: BrandingSettings.fromOptions({
          colorScheme: BrandingColorMode.DARK,
          darkMode: { primaryButtonBackground: '#d91515', pageBackground: '0f1b2a' },
          formHorizontalLocation: BrandingHorizontalLocation.START,
        }),
      },
    },
  }),
  identityProviders: [
    LoginProvider.google({
      clientId: '1234567890-bindings.apps.googleusercontent.com',
      clientSecret: SecretValue.secretsManager('google-secret'),
      scopes: ['openid', 'email', 'profile'],
    }),
    LoginProvider.saml({
      name: 'Corp',
      metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.example.com/saml/metadata.xml'),
      identifiers: ['example.com'],
    }),
  ],
  resourceServers: [{
    identifier: 'api',
    scopes: [{ name: 'read', description: 'Read orders' }],
  }],
});

login.addClient('Web', {
  callbackUrls: ['https://app.example.com/callback'],
  logoutUrls: ['https://app.example.com/'],
});
const partner = login.addClient('Partner', {
  callbackUrls: ['https://partner.example.com/oauth2/callback'],
  identityProviders: ['Corp'],
  generateSecret: true,
  scopes: [cognito.OAuthScope.OPENID, login.resourceServerScope('api', 'read')],
  accessTokenValidity: Duration.minutes(30),
});
new CfnOutput(stack, 'PartnerSignIn', { value: login.signInUrl(partner) });
// A machine client: the client credentials grant, for the API's scope.
login.addMachineClient('Reports', {
  scopes: [login.resourceServerScope('api', 'read')],
  accessTokenValidity: Duration.minutes(15),
});

// The classic hosted UI: CSS and a logo, on a second login of the same stack
// (a domain serves one generation of pages).
const classic = new CognitoLogin(stack, 'ClassicLogin', {
  domain: LoginDomain.cognitoPrefix('acme-bindings-classic'),
  pages: LoginPages.classic({
    css: ClassicCss.fromFile(path.join(fixtures, 'classic.css')),
    logo: LogoImage.fromFile(path.join(fixtures, 'logo.png')),
  }),
});
classic.addClient('Legacy', { callbackUrls: ['https://legacy.example.com/callback'] });

// The branding constructs on their own, on an imported pool and client.
const importedPool = cognito.UserPool.fromUserPoolId(stack, 'ImportedPool', 'eu-west-1_Bindings1');
const importedClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'ImportedClient', '1example23456789');
new ManagedLoginBranding(stack, 'ImportedBranding', {
  userPool: importedPool,
  client: importedClient,
  useCognitoProvidedValues: true,
});
new ClassicLoginCustomization(stack, 'ImportedClassic', {
  userPool: importedPool,
  css: ClassicCss.fromString('.banner-customizable { background-color: #f2f8fd; }'),
});

app.synth();
