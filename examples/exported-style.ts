import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { BrandingSettings, ManagedLoginBranding } from '../src';
import { ESSENTIALS_PLAN_REASON, SECURE_POOL_PROPS, acknowledgeOnUserPool, exampleApp } from './app';

/**
 * A style designed in the Cognito console's branding editor, exported with
 * `aws cognito-idp describe-managed-login-branding-by-client` and applied as
 * is: its Settings and its base64 assets (footer logo, favicon) are staged
 * to S3, so the template stays small.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'ExportedStyle', { env: { account: '123456789012', region: 'eu-west-1' } });

  const userPool = new cognito.UserPool(stack, 'Pool', {
    selfSignUpEnabled: false,
    ...SECURE_POOL_PROPS,
    // Managed login branding needs the Essentials or Plus feature plan.
    featurePlan: cognito.FeaturePlan.ESSENTIALS,
  });
  acknowledgeOnUserPool(userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);
  const domain = userPool.addDomain('Domain', {
    cognitoDomain: { domainPrefix: 'acme-exported-example' },
    managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  const client = userPool.addClient('Web', {
    oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: ['https://app.acme.example.com/callback'] },
  });

  const style = new ManagedLoginBranding(stack, 'Branding', {
    userPool,
    client,
    settings: BrandingSettings.fromFile(path.join(__dirname, 'assets', 'exported-style.json')),
  });
  style.node.addDependency(domain);
  return app;
}

if (require.main === module) {
  createApp().synth();
}
