import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingHorizontalLocation, BrandingSettings,
  BrandingVerticalLocation, CognitoLogin, LoginDomain, LoginPages,
} from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, exampleApp } from './app';

const ASSETS = path.join(__dirname, 'assets');

function asset(file: string, category: BrandingCategory, colorMode: BrandingColorMode): BrandingAsset {
  return BrandingAsset.fromFile(path.join(ASSETS, file), { category, colorMode });
}

/**
 * A CognitoLogin whose managed login pages are branded in code: a typed
 * style with a logo, light and dark backgrounds and favicons for every
 * client, and a partner client with a style of its own. The login gives each
 * client its style as it is added, so none shows "Login pages unavailable".
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'BrandedLogin', { env: { account: '123456789012', region: 'eu-west-1' } });

  const favicons = [
    asset('favicon.ico', BrandingCategory.FAVICON_ICO, BrandingColorMode.DYNAMIC),
    asset('favicon.svg', BrandingCategory.FAVICON_SVG, BrandingColorMode.DYNAMIC),
  ];
  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-branded-example'),
    // MFA by authenticator app for every local user (the library's default is optional).
    userPoolProps: { mfa: cognito.Mfa.REQUIRED },
    pages: LoginPages.managedLogin({
      // Every client without a perClient entry: the house style.
      branding: {
        settings: BrandingSettings.fromOptions({
          colorScheme: BrandingColorMode.DYNAMIC,
          lightMode: {
            primaryButtonBackground: '#ff9900',
            primaryButtonText: '#232f3e',
            primaryButtonHoverBackground: '#ec7211',
            linkText: '#0972d3',
          },
          darkMode: {
            primaryButtonBackground: '#ff9900',
            primaryButtonText: '#0f1b2a',
            formBackground: '#0f1b2a',
          },
          formHorizontalLocation: BrandingHorizontalLocation.END,
          formVerticalLocation: BrandingVerticalLocation.CENTER,
          headerLogoLocation: BrandingHorizontalLocation.START,
        }),
        assets: [
          asset('logo.png', BrandingCategory.PAGE_HEADER_LOGO, BrandingColorMode.DYNAMIC),
          asset('background-light.png', BrandingCategory.PAGE_BACKGROUND, BrandingColorMode.LIGHT),
          asset('background-dark.png', BrandingCategory.PAGE_BACKGROUND, BrandingColorMode.DARK),
          ...favicons,
        ],
      },
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
          assets: [asset('logo.png', BrandingCategory.FORM_LOGO, BrandingColorMode.LIGHT), ...favicons],
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
