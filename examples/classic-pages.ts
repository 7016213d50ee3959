import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClassicCss, ClassicLoginCustomization, LogoImage } from '../src';
import { codeGrantClient, exampleApp, plainLoginPool } from './app';
import { EXAMPLE_ASSETS } from './house-style';

/**
 * The classic hosted UI (domain version 1) with the logo CloudFormation
 * cannot set: a pool-wide CSS and logo for ALL clients, and a partner client
 * that overrides them with a CSS of its own.
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'ClassicPages', { env: { account: '123456789012', region: 'eu-west-1' } });

  const { userPool } = plainLoginPool(stack, 'acme-classic-example', cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
  codeGrantClient(userPool, 'Web', 'https://app.acme.example.com/callback');
  const partner = codeGrantClient(userPool, 'Partner', 'https://partner.example.net/callback');

  const logo = LogoImage.fromFile(path.join(EXAMPLE_ASSETS, 'logo.png'));
  new ClassicLoginCustomization(stack, 'AllClients', {
    userPool,
    css: ClassicCss.fromFile(path.join(EXAMPLE_ASSETS, 'classic-login.css')),
    logo,
  });
  // A client with its own customization no longer falls back to ALL: repeat the logo.
  new ClassicLoginCustomization(stack, 'PartnerClient', {
    userPool,
    client: partner,
    css: ClassicCss.fromString([
      '.banner-customizable { background-color: #0f1b2a; }',
      '.submitButton-customizable { background-color: #0972d3; color: #ffffff; }',
      '.submitButton-customizable:hover { background-color: #033160; }',
    ].join('\n')),
    logo,
  });

  // Both deploy after the pool's domain, which the library finds in the app.
  return app;
}

if (require.main === module) {
  createApp().synth();
}
