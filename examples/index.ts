import { App, AppProps } from 'aws-cdk-lib';
import { createApp as accountLinking } from './account-linking';
import { createApp as apiClients } from './api-clients';
import { createApp as brandedLogin } from './branded-login';
import { createApp as classicPages } from './classic-pages';
import { createApp as customDomain } from './custom-domain';
import { createApp as exportedStyle } from './exported-style';
import { createApp as managedLoginBranding } from './managed-login-branding';
import { createApp as mcpServerLogin } from './mcp-server-login';
import { createApp as passkeysAndTerms } from './passkeys-and-terms';
import { createApp as prefixGoogleSaml } from './prefix-google-saml';
import { createApp as replica } from './replica';

/** An example app: the demo, the tests and cfn-lint synthesize each one. */
export interface Example {
  /** Folder name under cdk.out/. */
  readonly name: string;
  readonly description: string;
  readonly createApp: (props?: AppProps) => App;
  /**
   * The oldest aws-cdk-lib the example's own code needs, when it uses an
   * aws-cdk-lib API newer than the library's peer floor.
   * @default - the library's peer floor
   */
  readonly requiresCdk?: string;
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
    // StandardThreatProtectionMode on the pool (threat protection of the Plus plan).
    requiresCdk: '2.181.0',
  },
  {
    name: 'managed-login-branding',
    description: 'Managed login on a plain user pool: a typed style with logo, light/dark backgrounds and favicons for one client, Cognito\'s defaults for the other',
    createApp: managedLoginBranding,
  },
  {
    name: 'branded-login',
    description: 'CognitoLogin with managed login branded in code: a typed style with logo, backgrounds and favicons for every client, a style of its own for a partner client',
    createApp: brandedLogin,
  },
  {
    name: 'classic-pages',
    description: 'Classic hosted UI with CSS and a logo for all clients, and a per-client override',
    createApp: classicPages,
  },
  {
    name: 'exported-style',
    description: 'A style exported with describe-managed-login-branding-by-client, applied as is with its assets staged to S3',
    createApp: exportedStyle,
  },
  {
    name: 'passkeys-and-terms',
    description: 'Choice-based sign-in with passkeys on managed login, terms documents for every client and per client, and client options through clientProps',
    createApp: passkeysAndTerms,
  },
  {
    name: 'account-linking',
    description: 'One account per person: Google, Apple and a trusted corporate SAML IdP linked to the native user with the same verified email, '
      + 'which is created when missing',
    createApp: accountLinking,
  },
  {
    name: 'api-clients',
    description: 'A web client with managed login pages, a mobile client that signs in through the SDK (no pages), '
      + 'a machine client with the client credentials grant, and a partner client made the aws-cdk-lib way, all asking for an API\'s scopes',
    createApp: apiClients,
  },
  {
    name: 'mcp-server-login',
    description: 'A login an MCP server points at: authenticated dynamic client registration for MCP clients, a registrar machine client, '
      + 'classic pages styled for every client (registered ones included), and the issuer, metadata and registration endpoint outputs',
    createApp: mcpServerLogin,
  },
  {
    name: 'replica',
    description: 'Sign-in that survives a Region: a custom domain from eu-west-1, a replica of the pool in eu-central-1 with domain failover, '
      + 'and account linking whose trigger runs in both Regions',
    createApp: replica,
    // StandardThreatProtectionMode on the pool (threat protection of the Plus plan).
    requiresCdk: '2.181.0',
  },
];
