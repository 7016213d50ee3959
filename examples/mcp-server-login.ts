import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClassicCss, ClientRegistration, CognitoLogin, LoginDomain, LoginPages, LogoImage, RegistrationGrantType } from '../src';
import { ESSENTIALS_PLAN_REASON, acknowledgeOnUserPool, exampleApp } from './app';
import { EXAMPLE_ASSETS } from './house-style';

/** The MCP server's identifier: the resource of its protected-resource metadata, and the prefix of its scopes. */
const MCP_SERVER = 'https://mcp.acme.example.com';

/**
 * A login an MCP server points at: MCP clients register their own app
 * clients at the domain's registration endpoint with an initial access token
 * of the Registrar machine client, and sign people in with the authorization
 * code grant, asking for the server's tools scope. Classic pages, whose
 * pool-wide CSS and logo style every client, those registered at run time
 * included (managed login has no pool-wide style).
 */
export function createApp(props?: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'McpServerLogin', { env: { account: '123456789012', region: 'eu-west-1' } });

  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-mcp'),
    pages: LoginPages.classic({
      css: ClassicCss.fromFile(path.join(EXAMPLE_ASSETS, 'classic-login.css')),
      logo: LogoImage.fromFile(path.join(EXAMPLE_ASSETS, 'logo.png')),
    }),
    resourceServers: [{ identifier: MCP_SERVER, scopes: [{ name: 'tools', description: 'Call the MCP server\'s tools' }] }],
    clientRegistration: ClientRegistration.authenticated({
      grantTypes: [RegistrationGrantType.AUTHORIZATION_CODE],
      scopes: [cognito.OAuthScope.custom(`${MCP_SERVER}/tools`)],
    }),
  });
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG2',
    'UX decision of the app owner: people sign in to their agents\' MCP clients and may enroll an authenticator app (MFA optional).');
  acknowledgeOnUserPool(login.userPool, 'AwsSolutions-COG8', ESSENTIALS_PLAN_REASON);

  // Its access token is the initial access token MCP clients register with.
  login.addMachineClient('Registrar', { scopes: [ClientRegistration.REGISTER_SCOPE] });
  return app;
}

if (require.main === module) {
  createApp().synth();
}
