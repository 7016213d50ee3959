import * as cognito from 'aws-cdk-lib/aws-cognito';

/**
 * A grant type that clients registered at run time may request.
 */
export enum RegistrationGrantType {
  /** The authorization code grant: a person signs in on the login pages. */
  AUTHORIZATION_CODE = 'code',
  /**
   * The client credentials grant: a machine gets access tokens with its own
   * id and secret. You pay for the machine-to-machine tokens registered
   * clients request.
   */
  CLIENT_CREDENTIALS = 'client_credentials',
}

/** What clients registered at run time may ask for. */
export interface ClientRegistrationOptions {
  /**
   * The grant types a registered client may request, at least one.
   *
   * @default - `[AUTHORIZATION_CODE]` for open registration; `[AUTHORIZATION_CODE, CLIENT_CREDENTIALS]` for authenticated registration (Cognito's defaults)
   */
  readonly grantTypes?: RegistrationGrantType[];

  /**
   * The scopes of the login's resource servers that a registered client may
   * request, from `login.resourceServerScope(identifier, name)`, besides
   * `openid`, `email`, `phone` and `profile`, which every registered client
   * may request without being listed.
   *
   * @default - none: registered clients get the OpenID Connect scopes only
   */
  readonly scopes?: cognito.OAuthScope[];
}

/**
 * Dynamic client registration (RFC 7591) on the login's domain: applications
 * and AI agents (MCP clients) register their own app clients at run time at
 * `https://<domain>/oauth2/register`. Authenticated registration asks for an
 * initial access token of a machine client holding
 * `ClientRegistration.REGISTER_SCOPE`; open registration asks for nothing.
 * Needs the Essentials or Plus feature plan.
 *
 * @exampleMetadata fixture=stack
 * @example
 * const mcpLogin = new CognitoLogin(this, 'McpLogin', {
 *   domain: LoginDomain.cognitoPrefix('acme-agents'),
 *   resourceServers: [{ identifier: 'https://mcp.example.com', scopes: [{ name: 'tools', description: 'Call the tools' }] }],
 *   clientRegistration: ClientRegistration.authenticated({
 *     grantTypes: [RegistrationGrantType.AUTHORIZATION_CODE],
 *     scopes: [cognito.OAuthScope.custom('https://mcp.example.com/tools')],
 *   }),
 * });
 * mcpLogin.addMachineClient('Registrar', { scopes: [ClientRegistration.REGISTER_SCOPE] });
 */
export class ClientRegistration {
  /**
   * The system scope `aws.cognito/dcr/register`: an access token with it is
   * the initial access token of authenticated registration. Give it to a
   * machine client (`login.addMachineClient(id, { scopes: [ClientRegistration.REGISTER_SCOPE] })`);
   * it needs no resource server.
   */
  public static readonly REGISTER_SCOPE = cognito.OAuthScope.custom('aws.cognito/dcr/register');

  /**
   * Registration with an initial access token: only those holding a token
   * with `REGISTER_SCOPE` can register clients.
   */
  public static authenticated(options: ClientRegistrationOptions = {}): ClientRegistration {
    return new ClientRegistration(false, options);
  }

  /**
   * Open registration: anyone who reaches the domain can register a client.
   * With `CLIENT_CREDENTIALS` anyone could mint machine clients, which is
   * warned about at synth.
   */
  public static open(options: ClientRegistrationOptions = {}): ClientRegistration {
    return new ClientRegistration(true, options);
  }

  /** Whether applications register without an initial access token. */
  public readonly isOpen: boolean;

  /** What registered clients may ask for. */
  public readonly options: ClientRegistrationOptions;

  private constructor(open: boolean, options: ClientRegistrationOptions) {
    this.isOpen = open;
    this.options = options;
  }
}
