import { CfnOutput, CfnParameter, Duration, Fn, SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain, LoginProvider } from '../src';
import { testStack } from './util/stack';

const SECRET = SecretValue.secretsManager('idp/secret');
const CALLBACK = 'https://app.example.com/callback';

function newLogin(stack: Stack): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    identityProviders: [
      LoginProvider.google({ clientId: 'g', clientSecret: SECRET }),
      LoginProvider.saml({ name: 'Corp', metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.example.com/metadata') }),
    ],
    resourceServers: [{ identifier: 'api', scopes: [{ name: 'read', description: 'Read' }, { name: 'write', description: 'Write' }] }],
  });
}

function logicalId(stack: Stack, type: string, pattern: RegExp): string {
  const ids = Object.keys(Template.fromStack(stack).findResources(type)).filter((id) => pattern.test(id));
  expect(ids).toHaveLength(1);
  return ids[0];
}

describe('addClient', () => {
  test('defaults: code grant only, OpenID scopes, no secret, no user existence errors, every provider plus COGNITO', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    const client = login.addClient('Web', { callbackUrls: [CALLBACK] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'Web',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [CALLBACK],
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      SupportedIdentityProviders: ['Google', 'Corp', 'COGNITO'],
    });
    expect(login.clients).toEqual([client]);
  });

  test('depends on every identity provider it supports', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK] });

    // THEN
    const google = logicalId(stack, 'AWS::Cognito::UserPoolIdentityProvider', /^LoginProviderGoogle/);
    const corp = logicalId(stack, 'AWS::Cognito::UserPoolIdentityProvider', /^LoginProviderCorp/);
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPoolClient', {
      DependsOn: [google, corp].sort(),
    });
  });

  test('a subset of providers: only those, and only those as dependencies', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Staff', { callbackUrls: [CALLBACK], identityProviders: ['Corp'] });

    // THEN
    const corp = logicalId(stack, 'AWS::Cognito::UserPoolIdentityProvider', /^LoginProviderCorp/);
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPoolClient', {
      Properties: Match.objectLike({ SupportedIdentityProviders: ['Corp'] }),
      DependsOn: [corp],
    });
  });

  test('options: secret, implicit grant, logout URLs, token validity, client name', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Server', {
      callbackUrls: [CALLBACK],
      logoutUrls: ['https://app.example.com/'],
      generateSecret: true,
      implicitCodeGrant: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.days(7),
      clientName: 'acme-server',
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'acme-server',
      GenerateSecret: true,
      AllowedOAuthFlows: ['implicit', 'code'],
      LogoutURLs: ['https://app.example.com/'],
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      RefreshTokenValidity: 10080,
    });
  });

  test('resource server scopes: allowed on the client, which depends on the server', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Api', {
      callbackUrls: [CALLBACK],
      scopes: [cognito.OAuthScope.OPENID, login.resourceServerScope('api', 'read'), cognito.OAuthScope.custom('api/write')],
    });

    // THEN
    const server = logicalId(stack, 'AWS::Cognito::UserPoolResourceServer', /^LoginResourceServerapi/);
    Template.fromStack(stack).hasResource('AWS::Cognito::UserPoolClient', {
      Properties: Match.objectLike({ AllowedOAuthScopes: ['openid', 'api/read', 'api/write'] }),
      DependsOn: Match.arrayWith([server]),
    });
  });

  test('a resource server identifier with slashes (a URL) works in scopes', () => {
    // GIVEN
    const stack = testStack();
    const login = new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      resourceServers: [{ identifier: 'https://api.example.com/v1', scopes: [{ name: 'read', description: 'Read' }] }],
    });

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK], scopes: [login.resourceServerScope('https://api.example.com/v1', 'read')] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { AllowedOAuthScopes: ['https://api.example.com/v1/read'] });
    // Names cannot hold ':' or '/', so the default name is the identifier made fit.
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'https://api.example.com/v1', Name: 'https-api.example.com-v1',
    });
  });

  test('the sign-in URL starts at the authorize endpoint and is a stack output', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    const client = login.addClient('Web', { callbackUrls: [CALLBACK, 'http://localhost:3000/callback'] });
    const url = stack.resolve(login.signInUrl(client));

    // THEN
    const clientId = logicalId(stack, 'AWS::Cognito::UserPoolClient', /^LoginWeb/);
    const domainId = logicalId(stack, 'AWS::Cognito::UserPoolDomain', /^LoginDomain/);
    const expected = {
      'Fn::Join': ['', [
        'https://', { Ref: domainId }, '.auth.eu-west-1.amazoncognito.com/oauth2/authorize?client_id=', { Ref: clientId },
        '&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback',
      ]],
    };
    expect(url).toEqual(expected);
    const outputs = Template.fromStack(stack).findOutputs('*', { Value: expected });
    expect(Object.keys(outputs)).toEqual([expect.stringMatching(/^LoginWebSignInUrl/)]);
  });

  test('warns about the implicit grant, and only when it is on', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Legacy', { callbackUrls: [CALLBACK], implicitCodeGrant: true });
    login.addClient('Modern', { callbackUrls: [CALLBACK] });

    // THEN
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Login/Legacy', Match.stringLikeRegexp('implicit grant returns tokens in the URL.*cdk-cognito-login:implicitCodeGrant'));
    annotations.hasNoWarning('/Stack/Login/Modern', Match.anyValue());
  });

  test('a callback URL with a query: every character that would end or change redirect_uri is percent-encoded', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    const client = login.addClient('Web', { callbackUrls: ['https://app.example.com/cb?x=1&y=a+b%2F'] });

    // THEN the parameter decodes to the registered URL, and nothing in it ends it early
    const url = JSON.stringify(stack.resolve(login.signInUrl(client)));
    expect(url).toContain('&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fx%3D1%26y%3Da%2Bb%252F"');
    expect(Template.fromStack(stack).findOutputs('*', { Value: stack.resolve(login.signInUrl(client)) })).not.toEqual({});
  });

  test.each<[string, (stack: Stack) => string[]]>([
    ['a URL built from a parameter', (stack) => [`https://${new CfnParameter(stack, 'AppHost').valueAsString}/callback`]],
    ['a URL imported from another stack', () => [Fn.importValue('AppCallbackUrl')]],
    ['a list parameter', (stack) => new CfnParameter(stack, 'CallbackUrls', { type: 'CommaDelimitedList' }).valueAsList],
  ])('a first callback URL only known at deploy time (%s): no sign-in URL output and a warning, never an unencoded redirect_uri', (_how, urlsOf) => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    const client = login.addClient('Web', { callbackUrls: urlsOf(stack) });

    // THEN
    expect(Template.fromStack(stack).findOutputs('*')).toEqual({});
    Annotations.fromStack(stack).hasWarning('/Stack/Login/Web', Match.stringLikeRegexp(
      'No WebSignInUrl output: the first callback URL of Web is only known at deploy time.*cdk-cognito-login:signInUrlOutput'));
    expect(() => login.signInUrl(client)).toThrow('Stack/Login: client "Stack/Login/Web" is invalid: a client whose first callback URL is known at synth');
  });

  test('refuses an id already used in the login', () => {
    // GIVEN
    const login = newLogin(testStack());
    login.addClient('Web', { callbackUrls: [CALLBACK] });

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK] }))
      .toThrow('Stack/Login: id "Web" is invalid: an id not yet used in this login (taken: UserPool, Domain,');
    expect(() => login.addClient('Domain', { callbackUrls: [CALLBACK] }))
      .toThrow('Stack/Login: id "Domain" is invalid');
  });

  test('signInUrl refuses a client that is not of this login', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const other = new cognito.UserPoolClient(stack, 'Other', { userPool: new cognito.UserPool(stack, 'Pool') });

    // WHEN / THEN
    expect(() => login.signInUrl(other)).toThrow('Stack/Login: client "Stack/Other" is invalid: a client created with addClient of this login');
  });
});

describe('addClient validation', () => {
  test.each([
    ['http://app.example.com/callback'],
    ['https://app.example.com/callback#done'],
    [`https://app.example.com/${'a'.repeat(1010)}`],
    ['javascript:alert(1)'],
    ['/callback'],
    ['http://127.0.0.1:3000/callback'],
  ])('refuses the callback URL %s', (url) => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    const shown = url.length > 80 ? `${url.slice(0, 77)}...` : url;
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK, url] }))
      .toThrow(`Stack/Login: Web.callbackUrls[1] "${shown}" is invalid: an absolute https:// URL (http:// only for localhost`);
  });

  test('accepts http://localhost with a port and a native app scheme', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Dev', { callbackUrls: ['http://localhost:5173/callback', 'http://localhost/', 'com.acme.app://callback'] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['http://localhost:5173/callback', 'http://localhost/', 'com.acme.app://callback'],
    });
  });

  test('refuses an empty callback list', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [] })).toThrow('Stack/Login: Web.callbackUrls "[]" is invalid: at least one URL');
  });

  test('applies the same rules to logout URLs', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK], logoutUrls: ['http://app.example.com/'] }))
      .toThrow('Stack/Login: Web.logoutUrls[0] "http://app.example.com/" is invalid');
  });

  test('reports every bad URL of a list in one error, and adds no client', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const urls = [CALLBACK, 'http://app.example.com/callback', 'https://app.example.com/#done', 'com.acme.app://callback', 'javascript:alert(1)'];

    // WHEN
    const attempt = () => login.addClient('Web', { callbackUrls: urls });

    // THEN
    expect(attempt).toThrow([
      'Stack/Login: 3 invalid values',
      '  - Web.callbackUrls[1] "http://app.example.com/callback" is invalid: an absolute https:// URL (http:// only for localhost, '
        + 'or a native app scheme such as myapp://callback), without #fragment, at most 1024 characters',
      '  - Web.callbackUrls[2] "https://app.example.com/#done" is invalid: an absolute https:// URL',
    ].join('\n'));
    expect(attempt).toThrow(/\n {2}- Web\.callbackUrls\[4\] "javascript:alert\(1\)" is invalid: an absolute https:\/\/ URL[^\n]*$/);
    expect(login.node.tryFindChild('Web')).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::UserPoolClient', 0);
  });

  test('more than 100 URLs is refused together with the bad ones among them', () => {
    // GIVEN
    const login = newLogin(testStack());
    const urls = Array.from({ length: 101 }, (_, i) => `https://app${i}.example.com/callback`);
    urls[7] = 'ftp://files.example.com/';

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: urls })).toThrow(
      'Stack/Login: 2 invalid values\n  - Web.callbackUrls "101 URLs" is invalid: at most 100 URLs\n  - Web.callbackUrls[7] "ftp://files.example.com/" is invalid');
  });

  test('refuses a provider the login does not have', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK], identityProviders: ['COGNITO', 'Facebook'] }))
      .toThrow('Stack/Login: Web.identityProviders[1] "Facebook" is invalid: a provider of this login: COGNITO, Google, Corp');
  });

  test('refuses an empty provider list and duplicates', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('A', { callbackUrls: [CALLBACK], identityProviders: [] }))
      .toThrow('Stack/Login: A.identityProviders "[]" is invalid: at least one of COGNITO, Google, Corp');
    expect(() => login.addClient('B', { callbackUrls: [CALLBACK], identityProviders: ['Corp', 'Corp'] }))
      .toThrow('Stack/Login: B.identityProviders "Corp" is invalid: each entry must be unique');
  });

  test.each([
    ['billing/read', 'one of openid, email, phone, profile, aws.cognito.signin.user.admin, api/read, api/write'],
    ['api/delete', 'one of openid'],
    ['read', 'one of openid'],
  ])('refuses the scope %s that no resource server of the login declares', (scope, allowed) => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom(scope)] }))
      .toThrow(`Stack/Login: Web.scopes[1] "${scope}" is invalid: ${allowed}`);
  });

  test.each([
    ['Web App (beta)', undefined, 'id', 'Web App (beta)'],
    ['Web', 'acme/web', 'Web.clientName', 'acme/web'],
    ['Web', '', 'Web.clientName', ''],
    ['Web', 'a'.repeat(129), 'Web.clientName', `${'a'.repeat(77)}...`],
  ])('refuses the client %s named %s, which Cognito would reject at deploy', (id, clientName, prop, shown) => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.addClient(id, { callbackUrls: [CALLBACK], clientName }))
      .toThrow(`Stack/Login: ${prop} "${shown}" is invalid: a Cognito client name: 1 to 128 letters, digits, spaces and + = , . @ - _`);
  });

  test('accepts every character of Cognito\'s client name pattern, and a deploy-time name unjudged', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const name = new CfnParameter(stack, 'ClientName').valueAsString;

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK], clientName: 'Acme web_app +=,.@- 2' });
    login.addClient('Api', { callbackUrls: [CALLBACK], clientName: name });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: 'Acme web_app +=,.@- 2' });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { ClientName: { Ref: 'ClientName' } });
  });

  test('resourceServerScope refuses an unknown server or scope', () => {
    // GIVEN
    const login = newLogin(testStack());

    // WHEN / THEN
    expect(() => login.resourceServerScope('billing', 'read'))
      .toThrow('Stack/Login: identifier "billing" is invalid: one of this login\'s resource servers: api');
    expect(() => login.resourceServerScope('api', 'delete'))
      .toThrow('Stack/Login: scopeName "delete" is invalid: one of the scopes of resource server api: read, write');
  });
});

describe('addClient reports every violation of a client in one error', () => {
  test('a bad name, a bad callback URL, a bad logout URL and an unknown provider together, and no client is added', () => {
    // GIVEN
    const stack = testStack();
    const login = new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test') });

    // WHEN / THEN
    expect(() => login.addClient('Web', {
      clientName: 'web (beta)!',
      callbackUrls: ['http://app.example.com/callback'],
      logoutUrls: ['https://app.example.com/#out'],
      identityProviders: ['Okta'],
    })).toThrow(/^Stack\/Login: 4 invalid values\n {2}- Web.clientName "web \(beta\)!".*\n {2}- Web.callbackUrls\[0\] "http:\/\/app.example.com\/callback".*\n {2}- Web.logoutUrls\[0\] "https:\/\/app.example.com\/#out".*\n {2}- Web.identityProviders\[0\] "Okta" is invalid: a provider of this login: COGNITO/);
    expect(login.clients).toEqual([]);
    expect(login.node.tryFindChild('Web')).toBeUndefined();
  });
});

describe('sign-in URL outputs and CloudFormation\'s 200 outputs per template', () => {
  test('a login whose clients would take its stack past 200 outputs is refused at synth, naming the stack, the count and the way out', () => {
    // GIVEN a login with 190 hosted-pages clients and a stack that already has 11 outputs of its own
    const stack = testStack();
    const login = newLogin(stack);
    for (let i = 0; i < 11; i++) {
      new CfnOutput(stack, `Own${i}`, { value: `v${i}` });
    }

    // WHEN
    for (let i = 0; i < 190; i++) {
      login.addClient(`Tenant${i}`, { callbackUrls: [CALLBACK] });
    }

    // THEN
    expect(() => Template.fromStack(stack)).toThrow(
      /declares 201 outputs, 190 of them its clients' sign-in URLs .*more than 200 .*UserPoolClients on login\.userPool/s);
  });

  test('200 outputs, the most a template holds, synthesize', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    for (let i = 0; i < 200; i++) {
      login.addClient(`Tenant${i}`, { callbackUrls: [CALLBACK] });
    }

    // THEN
    expect(Object.keys(Template.fromStack(stack).toJSON().Outputs)).toHaveLength(200);
  });
});
