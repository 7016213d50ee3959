import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ManagedLoginBranding } from '../src';
import { codeGrantClient, exampleApp, plainLoginPool } from './app';
import { houseStyle } from './house-style';

/**
 * Managed login (domain version 2) on a plain aws-cdk-lib user pool, styled
 * with the standalone ManagedLoginBranding: the web client gets a typed style
 * with a logo, light and dark backgrounds and favicons; the admin client
 * gets Cognito's defaults, so its pages never show "Login pages unavailable".
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'ManagedLoginBranding', { env: { account: '123456789012', region: 'eu-west-1' } });

  const { userPool } = plainLoginPool(stack, 'acme-branding-example', cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN);
  const web = codeGrantClient(userPool, 'Web', 'https://app.acme.example.com/callback');
  const admin = codeGrantClient(userPool, 'Admin', 'https://admin.acme.example.com/callback');

  // Both deploy after the pool's domain, which the library finds in the app.
  new ManagedLoginBranding(stack, 'WebBranding', { userPool, client: web, ...houseStyle() });
  new ManagedLoginBranding(stack, 'AdminBranding', { userPool, client: admin });

  return app;
}

if (require.main === module) {
  createApp().synth();
}
