// Clients that get tokens without hosted pages: machine clients (the client
// credentials grant) and clients that sign users in through the SDK only.
import { Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain } from '../src';
import { testStack } from './util/stack';

const BRANDING = 'Custom::CognitoManagedLoginBranding';
const TERMS = { termsOfUse: 'https://example.com/terms', privacyPolicy: 'https://example.com/privacy' };

/** A login with an API, sign-in and terms: everything a client of it could get. */
function newLogin(stack: Stack): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    userPoolProps: { selfSignUpEnabled: true },
    signIn: {},
    terms: TERMS,
    resourceServers: [
      { identifier: 'api', scopes: [{ name: 'read', description: 'Read' }, { name: 'write', description: 'Write' }] },
      { identifier: 'billing', scopes: [{ name: 'charge', description: 'Charge' }] },
    ],
  });
}

function serverId(stack: Stack, identifier: string): string {
  const ids = Object.entries<any>(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolResourceServer'))
    .filter(([, r]) => r.Properties.Identifier === identifier).map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('addMachineClient', () => {
  test('a client credentials client with a secret, the scopes asked for and nothing of sign-in', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    const client = login.addMachineClient('Reports', {
      scopes: [login.resourceServerScope('api', 'read')],
      accessTokenValidity: Duration.minutes(15),
    });

    // THEN
    const template = Template.fromStack(stack);
    const resource = template.findResources('AWS::Cognito::UserPoolClient')[stack.getLogicalId(client.node.defaultChild as cognito.CfnUserPoolClient)];
    expect(resource.Properties).toEqual(expect.objectContaining({
      ClientName: 'Reports',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['api/read'],
      AccessTokenValidity: 15,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
    }));
    expect(resource.Properties.CallbackURLs).toBeUndefined();
    expect(resource.DependsOn).toEqual([serverId(stack, 'api')]);
    template.resourceCountIs(BRANDING, 0);
    template.resourceCountIs('AWS::Cognito::Terms', 0);
    expect(template.findOutputs('*')).toEqual({});
    expect(client.node.id).toBe('Reports');
    expect(login.clients).toEqual([client]);
  });

  test('depends on every resource server whose scopes it asks for', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addMachineClient('Worker', { scopes: [login.resourceServerScope('api', 'write'), login.resourceServerScope('billing', 'charge')] });

    // THEN
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPoolClient', {
      DependsOn: [serverId(stack, 'api'), serverId(stack, 'billing')].sort(),
    });
  });

  test('keeps the auth flows its clientProps give', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addMachineClient('Worker', { scopes: [login.resourceServerScope('api', 'read')], clientProps: { authFlows: { userSrp: true } } });

    // THEN ALLOW_USER_AUTH is not added: a machine client signs in no user
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  test('refuses a standard scope: Cognito grants only custom scopes with the client credentials grant', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addMachineClient('Worker', { scopes: [cognito.OAuthScope.OPENID] })).toThrow(
      'Stack/Login: Worker.scopes[0] "openid" is invalid: a scope of one of the login\'s resource servers '
      + '(api/read, api/write, billing/charge): Cognito grants only custom scopes with the client credentials grant');
  });

  test('refuses a scope of no resource server of the login, and no scope at all', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addMachineClient('Worker', { scopes: [cognito.OAuthScope.custom('api/delete')] }))
      .toThrow('Worker.scopes[0] "api/delete" is invalid: a scope of one of the login\'s resource servers (api/read, api/write, billing/charge)');
    expect(() => login.addMachineClient('Worker', { scopes: [] }))
      .toThrow('Worker.scopes "[]" is invalid: at least one scope');
  });

  test('reports a bad name, members the login owns and a bad scope in one error, and adds no client', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addMachineClient('Worker', {
      clientName: 'worker (beta)!',
      scopes: [cognito.OAuthScope.EMAIL],
      clientProps: { generateSecret: false, disableOAuth: true, oAuth: { flows: { clientCredentials: true } } },
    })).toThrow(new RegExp('^Stack/Login: 5 invalid values\\n {2}- Worker.clientName "worker \\(beta\\)!".*'
      + '\\n {2}- Worker.clientProps.oAuth .* is invalid: absent: .*; use scopes of the client'
      + '\\n {2}- Worker.clientProps.generateSecret "false" is invalid: absent: a machine client always has a secret.*'
      + '\\n {2}- Worker.clientProps.disableOAuth "true" is invalid: absent: the client credentials grant is OAuth'
      + '\\n {2}- Worker.scopes\\[0\\] "email"'));
    expect(login.clients).toEqual([]);
    expect(login.node.tryFindChild('Worker')).toBeUndefined();
  });

  test('has no sign-in URL', () => {
    // GIVEN
    const login = newLogin(testStack());
    const client = login.addMachineClient('Worker', { scopes: [login.resourceServerScope('api', 'read')] });

    // WHEN / THEN
    expect(() => login.signInUrl(client))
      .toThrow('Stack/Login: client "Stack/Login/Worker" is invalid: a client with hosted pages: this one has no sign-in URL (a machine client has no users, and no pages)');
  });
});

describe('a client without hosted pages (clientProps.disableOAuth)', () => {
  test('has no OAuth settings, style, terms or output, offers the pool\'s own users, and gets ALLOW_USER_AUTH', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    const client = login.addClient('Mobile', { clientProps: { disableOAuth: true } });

    // THEN
    const template = Template.fromStack(stack);
    const resource = template.findResources('AWS::Cognito::UserPoolClient')[stack.getLogicalId(client.node.defaultChild as cognito.CfnUserPoolClient)];
    expect(resource.Properties).toEqual(expect.objectContaining({
      ClientName: 'Mobile',
      AllowedOAuthFlowsUserPoolClient: false,
      ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
    }));
    for (const member of ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs']) {
      expect(resource.Properties[member]).toBeUndefined();
    }
    template.resourceCountIs(BRANDING, 0);
    template.resourceCountIs('AWS::Cognito::Terms', 0);
    expect(template.findOutputs('*')).toEqual({});
    expect(() => login.signInUrl(client)).toThrow('a client with hosted pages: this one has no sign-in URL');
  });

  test('refuses callback URLs and the other OAuth settings, naming both', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Mobile', {
      callbackUrls: ['https://app.example.com/callback'],
      scopes: [cognito.OAuthScope.OPENID],
      clientProps: { disableOAuth: true },
    })).toThrow(new RegExp('^Stack/Login: 2 invalid values'
      + '\\n {2}- Mobile.callbackUrls .* is invalid: absent with Mobile.clientProps.disableOAuth: a client without OAuth has no hosted pages'
      + '.*\\n {2}- Mobile.scopes .* is invalid: absent with Mobile.clientProps.disableOAuth'));
  });

  test('refuses terms of its own: Cognito shows terms on its pages only', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Mobile', { clientProps: { disableOAuth: true }, terms: TERMS }))
      .toThrow(/Mobile\.terms .* is invalid: absent on a client without hosted pages/);
  });

  test('a client with hosted pages still needs callback URLs, and is told of disableOAuth', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Web', {})).toThrow(
      'Stack/Login: Web.callbackUrls "undefined" is invalid: at least one URL, or clientProps.disableOAuth: true for a client that signs users in through the SDK only');
  });
});

describe('resourceServerScope on a client made the aws-cdk-lib way', () => {
  test('the client depends on the resource server, so it is made after it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.userPool.addClient('Partner', {
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [login.resourceServerScope('billing', 'charge')] },
    });

    // THEN
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPoolClient', {
      Properties: { AllowedOAuthScopes: ['billing/charge'] },
      DependsOn: [serverId(stack, 'billing')],
    });
  });
});
