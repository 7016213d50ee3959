import { App, AppProps } from 'aws-cdk-lib';
import { createApp as customDomain } from './custom-domain';
import { createApp as prefixGoogleSaml } from './prefix-google-saml';

/** An example app: the demo, the tests and cfn-lint synthesize each one. */
export interface Example {
  /** Folder name under cdk.out/. */
  readonly name: string;
  readonly description: string;
  readonly createApp: (props?: AppProps) => App;
}

/** Every example, in the order the demo prints them. */
export const EXAMPLES: Example[] = [
  {
    name: 'prefix-google-saml',
    description: 'Cognito prefix domain, Google and SAML sign-in, an API with read/write scopes, a browser client and a confidential server client',
    createApp: prefixGoogleSaml,
  },
  {
    name: 'custom-domain',
    description: 'Sign-in pages on a custom domain with a us-east-1 certificate and Route 53 alias records',
    createApp: customDomain,
  },
];
