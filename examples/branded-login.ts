import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingCategory, BrandingColorMode, BrandingHorizontalLocation, BrandingSettings, CognitoLogin, LoginDomain, LoginPages,
} from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, exampleApp } from './app';
import { exampleAsset, favicons, houseStyle } from './house-style';

/**
 * A CognitoLogin whose managed login pages are branded in code: a typed
 * style with a logo, light and dark backgrounds and favicons for every
 * client, and a partner client with a style of its own. The login gives each
 * client its style as it is added, so none shows "Login pages unavailable".
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'BrandedLogin', { env: { account: '123456789012', region: 'eu-west-1' } });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-branded-example'),
    // MFA by authenticator app for every local user (the library's default is optional).
    userPoolProps: { mfa: cognito.Mfa.REQUIRED },
    pages: LoginPages.managedLogin({
      // Every client without a perClient entry: the house style.
      branding: houseStyle(),
      // The partner portal: light pages in the partner's colors, the form in the middle, no backgrounds.
      perClient: {
        Partner: {
          settings: BrandingSettings.fromOptions({
            colorScheme: BrandingColorMode.LIGHT,
            lightMode: {
              primaryButtonBackground: '#0972d3',
              primaryButtonText: '#ffffff',
              primaryButtonHoverBackground: '#033160',
              pageBackground: '#f2f8fd',
            },
            formHorizontalLocation: BrandingHorizontalLocation.CENTER,
          }),
          assets: [exampleAsset('logo.png', BrandingCategory.FORM_LOGO, BrandingColorMode.LIGHT), ...favicons()],
        },
      },
    }),
  });
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);

  login.addClient('Web', {
    callbackUrls: ['https://app.acme.example.com/callback'],
    logoutUrls: ['https://app.acme.example.com/'],
  });
  login.addClient('Partner', {
    callbackUrls: ['https://partner.example.net/acme/callback'],
    logoutUrls: ['https://partner.example.net/'],
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
