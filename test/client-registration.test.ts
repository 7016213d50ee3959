// Dynamic client registration on a login: its custom resource, its refusals and warnings, the registrar client.
import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ClientRegistration, CognitoLogin, CognitoLoginProps, LoginDomain, LoginPages, RegistrationGrantType } from '../src';
import { testStack } from './util/stack';
import { CLIENT_REGISTRATION_TYPE } from '../src/registration/private/registration-contract';

const API = 'https://mcp.example.com';
const TOOLS = cognito.OAuthScope.custom(`${API}/tools`);

function newLogin(stack: Stack, props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-agents'),
    resourceServers: [{ identifier: API, scopes: [{ name: 'tools', description: 'Call tools' }, { name: 'admin', description: 'Administer' }] }],
    ...props,
  });
}

function registration(stack: Stack): { logicalId: string; properties: any } {
  const found = Object.entries<any>(Template.fromStack(stack).findResources(CLIENT_REGISTRATION_TYPE));
  expect(found).toHaveLength(1);
  return { logicalId: found[0][0], properties: found[0][1].Properties };
}

describe('clientRegistration', () => {
  test('authenticated: a registration resource on the pool with the grants and scopes declared, and the outputs an MCP server needs', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      clientRegistration: ClientRegistration.authenticated({ grantTypes: [RegistrationGrantType.AUTHORIZATION_CODE], scopes: [TOOLS] }),
    });

    // THEN
    const template = Template.fromStack(stack);
    const pool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    expect(registration(stack).properties).toEqual({
      ServiceToken: expect.anything(),
      UserPoolId: { Ref: pool },
      OpenRegistration: 'false',
      GrantTypes: ['code'],
      AllowedScopes: [`${API}/tools`],
      PoolConfiguration: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).map((id) => id.replace(/[0-9A-F]{8}$/, '')).sort())
      .toEqual(['LoginAuthorizationServerMetadataUrl', 'LoginIssuer', 'LoginRegistrationEndpoint']);
    expect(JSON.stringify(Object.values(outputs).map((o) => o.Value))).toContain('/oauth2/register');
    expect(JSON.stringify(Object.values(outputs).map((o) => o.Value))).toContain('/.well-known/openid-configuration');
  });

  test('Cognito\'s default grants are written out: code for open registration, code and client_credentials for authenticated', () => {
    // GIVEN
    const open = testStack();
    const authenticated = testStack();

    // WHEN
    newLogin(open, { clientRegistration: ClientRegistration.open() });
    newLogin(authenticated, { clientRegistration: ClientRegistration.authenticated() });

    // THEN
    expect(registration(open).properties).toMatchObject({ OpenRegistration: 'true', GrantTypes: ['code'], AllowedScopes: [] });
    expect(registration(authenticated).properties).toMatchObject({ OpenRegistration: 'false', GrantTypes: ['code', 'client_credentials'] });
  });

  test('the handler may describe and update this pool only', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { clientRegistration: ClientRegistration.authenticated() });

    // THEN
    const pool = Object.keys(Template.fromStack(stack).findResources('AWS::Cognito::UserPool'))[0];
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Action: Match.arrayWith(['cognito-idp:DescribeUserPool', 'cognito-idp:UpdateUserPool']),
          Resource: { 'Fn::GetAtt': [pool, 'Arn'] },
        }]),
      },
    });
    const everyStatement = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(everyStatement.match(/cognito-idp:UpdateUserPool/g)).toHaveLength(1);
  });

  test('the registration follows the pool: a change of any pool property, an override included, changes PoolConfiguration', () => {
    // GIVEN
    const hashOf = (change: (pool: cognito.CfnUserPool) => void, props: Partial<CognitoLoginProps> = {}) => {
      const stack = testStack();
      const login = newLogin(stack, { clientRegistration: ClientRegistration.authenticated(), ...props });
      change(login.userPool.node.defaultChild as cognito.CfnUserPool);
      return registration(stack).properties.PoolConfiguration;
    };

    // WHEN
    const base = hashOf(() => undefined);
    const same = hashOf(() => undefined);
    const longerPasswords = hashOf(() => undefined, { userPoolProps: { passwordPolicy: { minLength: 16 } } });
    const overridden = hashOf((pool) => pool.addPropertyOverride('UserPoolAddOns.AdvancedSecurityMode', 'AUDIT'));

    // THEN
    expect(same).toBe(base);
    expect(longerPasswords).not.toBe(base);
    expect(overridden).not.toBe(base);
  });

  test('every bad value is refused at once, naming it', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, {
      userPoolProps: { featurePlan: cognito.FeaturePlan.LITE },
      clientRegistration: ClientRegistration.authenticated({
        grantTypes: [RegistrationGrantType.AUTHORIZATION_CODE, RegistrationGrantType.AUTHORIZATION_CODE],
        scopes: [cognito.OAuthScope.custom('other/read'), cognito.OAuthScope.OPENID, ClientRegistration.REGISTER_SCOPE],
      }),
    })).toThrow(new RegExp([
      'clientRegistration.grantTypes.*each grant type once',
      'clientRegistration.scopes\\[0\\].*other/read.*a scope of the login\'s resource servers: https://mcp.example.com/tools, https://mcp.example.com/admin',
      'clientRegistration.scopes\\[1\\].*openid.*without them being listed',
      'clientRegistration.scopes\\[2\\].*aws.cognito/dcr/register.*can never request the register scope',
      'userPoolProps.featurePlan.*LITE.*Essentials or Plus',
    ].join('[\\s\\S]*')));
  });

  test('an empty grant list is refused: Cognito would refuse every registration', () => {
    expect(() => newLogin(testStack(), { clientRegistration: ClientRegistration.open({ grantTypes: [] }) }))
      .toThrow(/clientRegistration.grantTypes.*at least one of code, client_credentials/);
  });

  test('a plain object in place of a ClientRegistration is refused, naming the factories', () => {
    expect(() => newLogin(testStack(), { clientRegistration: { open: true } as unknown as ClientRegistration }))
      .toThrow(/clientRegistration.*ClientRegistration.authenticated/);
  });

  test('open registration with client_credentials is warned about; without it, not', () => {
    // GIVEN
    const risky = testStack();
    const safe = testStack();

    // WHEN
    newLogin(risky, { clientRegistration: ClientRegistration.open({ grantTypes: [RegistrationGrantType.CLIENT_CREDENTIALS] }) });
    newLogin(safe, { clientRegistration: ClientRegistration.open() });

    // THEN
    Annotations.fromStack(risky).hasWarning('/Stack/Login', Match.stringLikeRegexp('anyone who reaches the domain can register a machine client'));
    expect(Annotations.fromStack(safe).findWarning('*', Match.stringLikeRegexp('anyone who reaches the domain'))).toHaveLength(0);
  });

  test('an imported pool is warned about (its updates cannot be followed) and carries no pool hash', () => {
    // GIVEN
    const stack = testStack();
    const imported = cognito.UserPool.fromUserPoolId(stack, 'Imported', 'eu-west-1_AbC123');

    // WHEN
    new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-agents'), userPool: imported, clientRegistration: ClientRegistration.open() });

    // THEN
    expect(registration(stack).properties.PoolConfiguration).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp('the user pool is not made in this app'));
  });
});

describe('the pages registered clients get', () => {
  test('with managed login, a warning says that a registered client has no style; with classic pages, whose pool-wide style covers it, none', () => {
    // GIVEN
    const managed = testStack();
    const classic = testStack();

    // WHEN
    newLogin(managed, { clientRegistration: ClientRegistration.authenticated() });
    newLogin(classic, { pages: LoginPages.classic(), clientRegistration: ClientRegistration.authenticated() });

    // THEN
    Annotations.fromStack(managed).hasWarning('/Stack/Login', Match.stringLikeRegexp('Login pages unavailable'));
    expect(Annotations.fromStack(classic).findWarning('*', Match.stringLikeRegexp('registered at run time'))).toHaveLength(0);
  });
});

describe('the registrar: a machine client holding ClientRegistration.REGISTER_SCOPE', () => {
  test('is a client credentials client with the register scope, with or without resource-server scopes', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { clientRegistration: ClientRegistration.authenticated() });

    // WHEN
    login.addMachineClient('Registrar', { scopes: [ClientRegistration.REGISTER_SCOPE] });
    login.addMachineClient('Both', { scopes: [ClientRegistration.REGISTER_SCOPE, TOOLS] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'Registrar', AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['aws.cognito/dcr/register'], GenerateSecret: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'Both', AllowedOAuthScopes: ['aws.cognito/dcr/register', `${API}/tools`],
    });
  });

  test('is refused on a login without clientRegistration', () => {
    const login = newLogin(testStack());
    expect(() => login.addMachineClient('Registrar', { scopes: [ClientRegistration.REGISTER_SCOPE] }))
      .toThrow(/Registrar.scopes.*aws.cognito\/dcr\/register.*needs clientRegistration on the login/);
  });
});

describe('clientMetadataDocuments', () => {
  test('a CIMD policy for the client: its patterns, the cache in seconds, named after the client, on the handler with the CIMD actions only', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Agents', {
      callbackUrls: ['http://localhost:3000/callback'],
      clientMetadataDocuments: { urlPatterns: ['https://agents.example.com/*.json'], cacheDuration: Duration.days(7) },
    });

    // THEN
    const template = Template.fromStack(stack);
    const client = Object.entries<any>(template.findResources('AWS::Cognito::UserPoolClient')).find(([, r]) => r.Properties.ClientName === 'Agents')![0];
    template.hasResourceProperties('Custom::CognitoClientMetadataPolicy', {
      ClientId: { Ref: client }, PolicyName: 'Agents', URLPatterns: ['https://agents.example.com/*.json'], CacheDuration: '604800',
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: Match.arrayWith(['cognito-idp:CreateCIMDPolicy', 'cognito-idp:UpdateCIMDPolicy', 'cognito-idp:DeleteCIMDPolicy', 'cognito-idp:ListCIMDPolicies']),
        })]),
      },
    });
    // No ownership record for a policy: the SSM statement names the styles' records only.
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('AgentsClientMetadata');
  });

  test('a CIMD client signs in as the app client its policy names, so on managed login it gets that client\'s style (never "Login pages unavailable")', () => {
    // GIVEN: "A CIMD policy maps a set of metadata URL patterns to exactly one existing user pool app client"
    // (developer guide, "Client ID metadata documents (CIMD)"); what the pages show a CIMD client is not documented
    // beyond that, so the library gives the policy's app client a style like any other client of the login.
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Agents', {
      callbackUrls: ['http://localhost:3000/callback'],
      clientMetadataDocuments: { urlPatterns: ['https://agents.example.com/*.json'] },
    });

    // THEN the same client carries the policy and a managed login style
    const template = Template.fromStack(stack);
    const client = Object.entries<any>(template.findResources('AWS::Cognito::UserPoolClient')).find(([, r]) => r.Properties.ClientName === 'Agents')![0];
    template.hasResourceProperties('Custom::CognitoClientMetadataPolicy', { ClientId: { Ref: client } });
    template.hasResourceProperties('Custom::CognitoManagedLoginBranding', { ClientId: { Ref: client } });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('Login pages unavailable'))).toHaveLength(0);
  });

  test('every bad value is refused at once: a pattern not HTTPS, six patterns, a cache under a day, and a client without pages', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Agents', {
      callbackUrls: ['http://localhost:3000/callback'],
      clientMetadataDocuments: {
        urlPatterns: ['http://agents.example.com/a.json', ...Array.from({ length: 5 }, (_, i) => `https://agents.example.com/${i}.json`)],
        cacheDuration: Duration.hours(1),
      },
    })).toThrow(new RegExp([
      'Agents.clientMetadataDocuments.urlPatterns.*1 to 5 HTTPS URL patterns',
      'Agents.clientMetadataDocuments.urlPatterns\\[0\\].*http://agents.example.com/a.json.*an https:// URL pattern',
      'Agents.clientMetadataDocuments.cacheDuration.*1 hour.*one day \\(86400\\) to one year \\(31556952\\)',
    ].join('[\\s\\S]*')));
    expect(() => login.addClient('Sdk', { clientProps: { disableOAuth: true }, clientMetadataDocuments: { urlPatterns: ['https://agents.example.com/*'] } }))
      .toThrow(/Sdk.clientMetadataDocuments.*absent with Sdk.clientProps.disableOAuth/);
  });
});
