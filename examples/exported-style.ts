import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { BrandingSettings, ManagedLoginBranding } from '../src';
import { codeGrantClient, exampleApp, plainLoginPool } from './app';
import { EXAMPLE_ASSETS } from './house-style';

/**
 * A style designed in the Cognito console's branding editor, exported with
 * `aws cognito-idp describe-managed-login-branding-by-client` and applied as
 * is: its Settings and its base64 assets (footer logo, favicon) are staged
 * to S3, so the template stays small.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'ExportedStyle', { env: { account: '123456789012', region: 'eu-west-1' } });

  const { userPool } = plainLoginPool(stack, 'acme-exported-example', cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN);
  const client = codeGrantClient(userPool, 'Web', 'https://app.acme.example.com/callback');

  // Deploys after the pool's domain, which the library finds in the app.
  new ManagedLoginBranding(stack, 'Branding', {
    userPool,
    client,
    settings: BrandingSettings.fromFile(path.join(EXAMPLE_ASSETS, 'exported-style.json')),
  });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
