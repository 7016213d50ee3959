import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingHorizontalLocation, BrandingSettings,
  BrandingVerticalLocation, ManagedLoginBranding,
} from '../src';
import { ESSENTIALS_PLAN_REASON, SECURE_POOL_PROPS, acknowledgeOnUserPool, exampleApp } from './app';

const ASSETS = path.join(__dirname, 'assets');

/**
 * Managed login (domain version 2) on a plain aws-cdk-lib user pool, styled
 * with the standalone ManagedLoginBranding: the web client gets a typed style
 * with a logo, light and dark backgrounds and favicons; the admin client
 * gets Cognito's defaults, so its pages never show "Login pages unavailable".
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'ManagedLoginBranding', { env: { account: '123456789012', region: 'eu-west-1' } });

  const userPool = new cognito.UserPool(stack, 'Pool', {
    selfSignUpEnabled: false,
    ...SECURE_POOL_PROPS,
    // Managed login branding needs the Essentials or Plus feature plan.
    featurePlan: cognito.FeaturePlan.ESSENTIALS,
  });
  acknowledgeOnUserPool(userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);
  const domain = userPool.addDomain('Domain', {
    cognitoDomain: { domainPrefix: 'acme-branding-example' },
    managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  const oAuth = (callbackUrl: string): cognito.OAuthSettings => ({
    flows: { authorizationCodeGrant: true },
    callbackUrls: [callbackUrl],
  });
  const web = userPool.addClient('Web', { oAuth: oAuth('https://app.acme.example.com/callback') });
  const admin = userPool.addClient('Admin', { oAuth: oAuth('https://admin.acme.example.com/callback') });

  const asset = (file: string, category: BrandingCategory, colorMode: BrandingColorMode) =>
    BrandingAsset.fromFile(path.join(ASSETS, file), { category, colorMode });

  const webStyle = new ManagedLoginBranding(stack, 'WebBranding', {
    userPool,
    client: web,
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
      asset('favicon.ico', BrandingCategory.FAVICON_ICO, BrandingColorMode.DYNAMIC),
      asset('favicon.svg', BrandingCategory.FAVICON_SVG, BrandingColorMode.DYNAMIC),
    ],
  });
  const adminStyle = new ManagedLoginBranding(stack, 'AdminBranding', { userPool, client: admin });

  // A style needs the domain to exist first.
  webStyle.node.addDependency(domain);
  adminStyle.node.addDependency(domain);
  return app;
}

if (require.main === module) {
  createApp().synth();
}
