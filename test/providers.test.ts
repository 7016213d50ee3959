import { CfnParameter, SecretValue, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { CognitoLogin, LoginDomain, LoginProvider } from '../src';
import { testStack } from './util/stack';

const SECRET = SecretValue.secretsManager('idp/secret', { jsonField: 'value' });
const SECRET_REFERENCE = '{{resolve:secretsmanager:idp/secret:SecretString:value::}}';
const PLAIN = 'hunter2-plain-secret';

const SAML_XML = '<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"/>';

function loginWith(stack: Stack, ...identityProviders: LoginProvider[]): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders });
}

function templateJson(stack: Stack): string {
  return JSON.stringify(Template.fromStack(stack).toJSON());
}

const oidc = (overrides: Partial<Parameters<typeof LoginProvider.oidc>[0]> = {}) => LoginProvider.oidc({
  name: 'Okta', clientId: 'okta-client', clientSecret: SECRET, issuerUrl: 'https://acme.okta.com', ...overrides,
});
const saml = (overrides: Partial<Parameters<typeof LoginProvider.saml>[0]> = {}) => LoginProvider.saml({
  name: 'Corp', metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.example.com/metadata'), ...overrides,
});

describe('social providers', () => {
  test('Google: client secret as a dynamic reference, email mapped, OpenID scopes', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    const login = loginWith(stack, LoginProvider.google({ clientId: 'google-client', clientSecret: SECRET }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: { client_id: 'google-client', client_secret: SECRET_REFERENCE, authorize_scopes: 'openid email profile' },
      AttributeMapping: { email: 'email', email_verified: 'email_verified' },
    });
    expect(login.identityProviders).toHaveLength(1);
  });

  test('Facebook: secret as a dynamic reference although the L2 takes a string', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginProvider.facebook({ clientId: 'fb-app', clientSecret: SECRET, apiVersion: 'v17.0' }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Facebook',
      ProviderType: 'Facebook',
      ProviderDetails: { client_id: 'fb-app', client_secret: SECRET_REFERENCE, authorize_scopes: 'public_profile,email', api_version: 'v17.0' },
      AttributeMapping: { email: 'email' },
    });
  });

  test('Amazon: LoginWithAmazon with the profile scope', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginProvider.amazon({ clientId: 'amzn-client', clientSecret: SECRET }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'LoginWithAmazon',
      ProviderType: 'LoginWithAmazon',
      ProviderDetails: { client_id: 'amzn-client', client_secret: SECRET_REFERENCE, authorize_scopes: 'profile' },
      AttributeMapping: { email: 'email' },
    });
  });

  test('Apple: services id as client id, private key as a dynamic reference', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginProvider.apple({ servicesId: 'com.acme.web', teamId: 'TEAM123456', keyId: 'KEY1234567', privateKey: SECRET }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'SignInWithApple',
      ProviderType: 'SignInWithApple',
      ProviderDetails: {
        client_id: 'com.acme.web', team_id: 'TEAM123456', key_id: 'KEY1234567', private_key: SECRET_REFERENCE, authorize_scopes: 'name email',
      },
      AttributeMapping: { email: 'email', email_verified: 'email_verified' },
    });
  });

  test('an attribute mapping given replaces the default one', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, LoginProvider.google({
      clientId: 'google-client',
      clientSecret: SECRET,
      scopes: ['openid', 'profile'],
      attributeMapping: { givenName: cognito.ProviderAttribute.GOOGLE_GIVEN_NAME },
    }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderDetails: Match.objectLike({ authorize_scopes: 'openid profile' }),
      AttributeMapping: Match.objectEquals({ given_name: 'given_name' }),
    });
  });
});

describe('OIDC provider', () => {
  test('name, issuer, identifiers, scopes, request method and email mapping', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, oidc({ identifiers: ['acme.com'], attributeRequestMethod: cognito.OidcAttributeRequestMethod.POST }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Okta',
      ProviderType: 'OIDC',
      IdpIdentifiers: ['acme.com'],
      ProviderDetails: {
        client_id: 'okta-client',
        client_secret: SECRET_REFERENCE,
        oidc_issuer: 'https://acme.okta.com',
        authorize_scopes: 'openid email profile',
        attributes_request_method: 'POST',
      },
      AttributeMapping: { email: 'email', email_verified: 'email_verified' },
    });
  });

  test('explicit endpoints', () => {
    // GIVEN
    const stack = testStack();
    const endpoints = {
      authorization: 'https://idp.example.com/authorize',
      token: 'https://idp.example.com/token',
      userInfo: 'https://idp.example.com/userinfo',
      jwksUri: 'https://idp.example.com/jwks',
    };

    // WHEN
    loginWith(stack, oidc({ endpoints }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderDetails: Match.objectLike({
        authorize_url: endpoints.authorization, token_url: endpoints.token, attributes_url: endpoints.userInfo, jwks_uri: endpoints.jwksUri,
      }),
    });
  });

  test('refuses an issuer that is not https', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, oidc({ issuerUrl: 'http://acme.okta.com' })))
      .toThrow('Stack/Login: identityProviders[0].issuerUrl "http://acme.okta.com" is invalid: an absolute https:// URL');
  });

  test('refuses an endpoint that is not https', () => {
    // GIVEN
    const stack = testStack();
    const endpoints = {
      authorization: 'https://idp.example.com/authorize',
      token: 'http://idp.example.com/token',
      userInfo: 'https://idp.example.com/userinfo',
      jwksUri: 'https://idp.example.com/jwks',
    };

    // WHEN / THEN
    expect(() => loginWith(stack, oidc({ endpoints })))
      .toThrow('Stack/Login: identityProviders[0].endpoints.token "http://idp.example.com/token" is invalid: an absolute https:// URL');
  });

  test('leaves an issuer that is a token to deploy time', () => {
    // GIVEN
    const stack = testStack();
    const issuer = new CfnParameter(stack, 'Issuer').valueAsString;

    // WHEN
    loginWith(stack, oidc({ issuerUrl: issuer }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderDetails: Match.objectLike({ oidc_issuer: { Ref: 'Issuer' } }),
    });
  });

  test.each([
    ['ab', '3 to 32 characters'],
    ['a'.repeat(33), '3 to 32 characters'],
    ['_okta', 'Cognito pattern'],
    ['ok ta', 'Cognito pattern'],
    ['okt_', 'Cognito pattern'],
    ['COGNITO', 'which Cognito reserves'],
    ['Google', 'which Cognito reserves'],
  ])('refuses the name "%s"', (name, allowed) => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, oidc({ name }))).toThrow(new RegExp(
      `^Stack/Login: identityProviders\\[0\\]\\.name "${name}" is invalid: .*${allowed}`));
  });

  test('accepts a name with punctuation and non-ASCII letters', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, oidc({ name: 'Société-Idp.eu' }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', { ProviderName: 'Société-Idp.eu' });
  });

  test('refuses an identifier Cognito would reject', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, oidc({ identifiers: ['acme.com', 'bad/identifier'] })))
      .toThrow('Stack/Login: identityProviders[0].identifiers[1] "bad/identifier" is invalid: 1 to 40 characters');
  });
});

describe('SAML provider', () => {
  test('metadata URL, identifiers, sign-out and mapping', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, saml({
      identifiers: ['corp.example.com'],
      idpSignout: true,
      attributeMapping: { email: cognito.ProviderAttribute.other('mail') },
    }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Corp',
      ProviderType: 'SAML',
      IdpIdentifiers: ['corp.example.com'],
      ProviderDetails: { MetadataURL: 'https://idp.example.com/metadata', IDPSignout: true },
      AttributeMapping: { email: 'mail' },
    });
  });

  test('metadata file content', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    loginWith(stack, saml({ metadata: cognito.UserPoolIdentityProviderSamlMetadata.file(`\n  ${SAML_XML}`) }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderDetails: Match.objectLike({ MetadataFile: `\n  ${SAML_XML}` }),
    });
  });

  test('refuses a metadata URL that is not https', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, saml({ metadata: cognito.UserPoolIdentityProviderSamlMetadata.url('http://idp.example.com/metadata') })))
      .toThrow('Stack/Login: identityProviders[0].metadata "http://idp.example.com/metadata" is invalid: an absolute https:// URL');
  });

  test('refuses a metadata file that is a path rather than XML', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, saml({ metadata: cognito.UserPoolIdentityProviderSamlMetadata.file('./metadata.xml') })))
      .toThrow('Stack/Login: identityProviders[0].metadata "./metadata.xml" is invalid: an https metadata URL');
  });

  test('refuses XML without an EntityDescriptor', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, saml({ metadata: cognito.UserPoolIdentityProviderSamlMetadata.file('<html></html>') })))
      .toThrow('Stack/Login: identityProviders[0].metadata "<html></html>" is invalid');
  });
});

describe('secrets', () => {
  const plain = SecretValue.unsafePlainText(PLAIN);
  test.each([
    ['google', 'clientSecret', () => LoginProvider.google({ clientId: 'c', clientSecret: plain })],
    ['facebook', 'clientSecret', () => LoginProvider.facebook({ clientId: 'c', clientSecret: plain })],
    ['amazon', 'clientSecret', () => LoginProvider.amazon({ clientId: 'c', clientSecret: plain })],
    ['apple', 'privateKey', () => LoginProvider.apple({ servicesId: 's', teamId: 't', keyId: 'k', privateKey: plain })],
    ['oidc', 'clientSecret', () => oidc({ clientSecret: plain })],
  ])('%s refuses a plain-text secret without printing it', (_kind, prop, provider) => {
    // GIVEN
    const stack = testStack();

    // WHEN
    let message = '';
    try {
      loginWith(stack, provider());
    } catch (error) {
      message = (error as Error).message;
    }

    // THEN
    expect(message).toContain(`Stack/Login: identityProviders[0].${prop} "(plain text, hidden)" is invalid`);
    expect(message).toContain('SecretValue.secretsManager');
    expect(message).not.toContain(PLAIN);
  });

  test('no provider puts a secret in the template in plain text', () => {
    // GIVEN
    const stack = testStack();
    const value = (name: string) => SecretValue.secretsManager(`idp/${name}`);

    // WHEN
    loginWith(stack,
      LoginProvider.google({ clientId: 'g', clientSecret: value('google') }),
      LoginProvider.facebook({ clientId: 'f', clientSecret: value('facebook') }),
      LoginProvider.amazon({ clientId: 'a', clientSecret: value('amazon') }),
      LoginProvider.apple({ servicesId: 's', teamId: 't', keyId: 'k', privateKey: value('apple') }),
      oidc({ clientSecret: value('oidc') }),
    );

    // THEN
    const json = templateJson(stack);
    for (const name of ['google', 'facebook', 'amazon', 'apple', 'oidc']) {
      expect(json).toContain(`{{resolve:secretsmanager:idp/${name}:SecretString:::}}`);
    }
  });

  test('accepts a NoEcho parameter as the secret', () => {
    // GIVEN
    const stack = testStack();
    const parameter = new CfnParameter(stack, 'OidcSecret', { noEcho: true });

    // WHEN
    loginWith(stack, oidc({ clientSecret: SecretValue.cfnParameter(parameter) }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Okta', ProviderDetails: Match.objectLike({ client_secret: { Ref: 'OidcSecret' } }),
    });
  });

  test('refuses an SSM SecureString reference, which CloudFormation does not resolve in provider details', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, LoginProvider.google({ clientId: 'g', clientSecret: SecretValue.ssmSecure('/idp/google') })))
      .toThrow('Stack/Login: identityProviders[0].clientSecret "{{resolve:ssm-secure:/idp/google}}" is invalid: '
        + 'CloudFormation resolves SSM SecureString references only in a few resource properties, not here; use SecretValue.secretsManager(...)');
  });
});

describe('providers of one login', () => {
  test('refuses two providers with the same name', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => loginWith(stack, saml(), oidc({ name: 'Corp' })))
      .toThrow('Stack/Login: identityProviders[].providerName "Corp" is invalid: each entry must be unique');
  });

  test('logical ids follow provider names, not their order', () => {
    // GIVEN
    const first = testStack();
    const second = testStack();
    const google = LoginProvider.google({ clientId: 'g', clientSecret: SECRET });

    // WHEN
    loginWith(first, google, saml(), oidc());
    loginWith(second, oidc(), google, saml());

    // THEN
    const ids = (stack: Stack) => Object.keys(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolIdentityProvider')).sort();
    expect(ids(first)).toEqual(ids(second));
    expect(ids(first)).toEqual([
      expect.stringMatching(/^LoginProviderCorp/),
      expect.stringMatching(/^LoginProviderGoogle/),
      expect.stringMatching(/^LoginProviderOkta/),
    ]);
  });
});

describe('LoginProvider.existing: a provider created outside the login', () => {
  const google = () => LoginProvider.google({ clientId: 'g', clientSecret: SECRET });

  test('clients may list it; nothing is created for it and no client waits for it', () => {
    // GIVEN a provider made in the console, next to one the login creates
    const stack = testStack();
    const login = loginWith(stack, google(), LoginProvider.existing('CorpSaml'));

    // WHEN
    login.addClient('Staff', { callbackUrls: ['https://staff.example.com/callback'], identityProviders: ['CorpSaml'] });
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });

    // THEN only Google is a resource; Staff offers CorpSaml and depends on nothing for it, Web offers every provider
    const template = Template.fromStack(stack);
    expect(Object.values(template.findResources('AWS::Cognito::UserPoolIdentityProvider')).map((r) => r.Properties.ProviderName)).toEqual(['Google']);
    const clients = template.findResources('AWS::Cognito::UserPoolClient');
    const byName = (name: string) => Object.values(clients).find((c) => c.Properties.ClientName === name)!;
    expect(byName('Staff').Properties.SupportedIdentityProviders).toEqual(['CorpSaml']);
    expect(byName('Staff').DependsOn).toBeUndefined();
    expect(byName('Web').Properties.SupportedIdentityProviders).toEqual(['Google', 'CorpSaml', 'COGNITO']);
    expect(byName('Web').DependsOn).toEqual([expect.stringMatching(/^LoginProviderGoogle/)]);
    expect(login.identityProviders.map((p) => stack.resolve(p.providerName))).toEqual([{ Ref: expect.stringMatching(/^LoginProviderGoogle/) }, 'CorpSaml']);
  });

  test.each(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple', 'A', 'Corp SAML', 'Ünïcödé-IdP', 'x'.repeat(32)])(
    'takes %s, a name Cognito may have given a provider (ProviderNameType), reserved social names included', (name) => {
      // GIVEN
      const stack = testStack();

      // WHEN
      const login = loginWith(stack, LoginProvider.existing(name));
      login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'], identityProviders: [name] });

      // THEN
      Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: [name] });
      Template.fromStack(stack).resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
    });

  test.each([
    ['', '1 to 32 characters (got 0)'],
    ['x'.repeat(33), '1 to 32 characters (got 33)'],
    ['Corp\tSaml', 'letters, marks, symbols, digits, punctuation and spaces'],
    [' CorpSaml', 'no white space before or after it'],
    ['COGNITO', 'COGNITO is the pool\'s own users'],
    ['Cognito', 'COGNITO is the pool\'s own users'],
  ])('refuses the name %j: %s', (name, reason) => {
    const create = () => loginWith(testStack(), LoginProvider.existing(name));
    expect(create).toThrow('Stack/Login: identityProviders[0].providerName');
    expect(create).toThrow(reason);
  });

  test('a parameter as the name is taken as is', () => {
    // GIVEN
    const stack = testStack();
    const name = new CfnParameter(stack, 'IdpName').valueAsString;

    // WHEN
    const login = loginWith(stack, LoginProvider.existing(name));
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: [{ Ref: 'IdpName' }, 'COGNITO'] });
  });

  test('refuses a name the login also creates a provider with', () => {
    expect(() => loginWith(testStack(), google(), LoginProvider.existing('Google')))
      .toThrow('Stack/Login: identityProviders[].providerName "Google" is invalid: each entry must be unique');
  });

  test('a client listing a provider the login does not know is told how to declare one created elsewhere', () => {
    // GIVEN
    const login = loginWith(testStack(), google());

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'], identityProviders: ['CorpSaml'] }))
      .toThrow('LoginProvider.existing(name)');
  });
});
