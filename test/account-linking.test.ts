import { SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { AccountLinking, CognitoLogin, CognitoLoginProps, LoginDomain, LoginProvider, VerifiedEmailLinkingOptions } from '../src';
import { testStack } from './util/stack';
import { LINKING_POLICY_VARIABLE, parseLinkingPolicy } from '../src/account-linking/private/linking-contract';
import { Template as RunnerTemplate } from '../standin/runner/cloud-assembly';
import { requiresReplacement } from '../standin/runner/native-resources';
import { templateGraph } from '../standin/runner/template-graph';

const SAML_METADATA = cognito.UserPoolIdentityProviderSamlMetadata.url('https://idp.corp.example/metadata.xml');
const SECRET = SecretValue.secretsManager('idp-secret');

const google = () => LoginProvider.google({ clientId: 'g.apps.googleusercontent.com', clientSecret: SECRET });
const corp = () => LoginProvider.saml({ name: 'Corp', metadata: SAML_METADATA, attributeMapping: { email: cognito.ProviderAttribute.other('mail') } });
const facebook = () => LoginProvider.facebook({ clientId: 'fb', clientSecret: SECRET });

function newLogin(stack: Stack, linking: VerifiedEmailLinkingOptions, props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    identityProviders: [google(), corp(), facebook()],
    accountLinking: AccountLinking.byVerifiedEmail(linking),
    ...props,
  });
}

/** The trigger's policy as its environment carries it. */
function policyOf(template: Template) {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', {
    Properties: { Environment: { Variables: { [LINKING_POLICY_VARIABLE]: Match.anyValue() } } },
  }));
  return parseLinkingPolicy(fn.Properties.Environment.Variables[LINKING_POLICY_VARIABLE]);
}

describe('AccountLinking.byVerifiedEmail on a CognitoLogin', () => {
  test('a pre sign-up trigger of its own: Node.js 24, the bundled file, its own role and log group, nothing managed', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { trustedEmailProviders: ['Corp'] });

    // THEN
    const template = Template.fromStack(stack);
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
    expect(Object.keys(functions)).toHaveLength(1);
    const [[fnId, fn]] = Object.entries(functions);
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Timeout: 5, LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/^LoginAccountLinkingLogGroup/) } } });
    template.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: { 'Fn::GetAtt': [fnId, 'Arn'] } } });
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
    template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', Properties: { RetentionInDays: 365 } });
    // Cognito may invoke it, from this pool only
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LoginUserPool'), 'Arn'] },
    });
    // Google by its claim, Corp because the app vouched for it, Facebook left out (and said so)
    expect(policyOf(template)).toEqual({ providers: { Google: 'verified-claim', Corp: 'trusted-provider' }, createNativeUser: false });
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp('Account linking leaves out Facebook'));
  });

  test('the Cognito actions on this pool only, in a policy the function does not depend on: no cycle with the pool', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { providers: ['Google'], createNativeUser: true });

    // THEN the pool policy names the pool's ARN and exactly the trigger's actions
    const template = Template.fromStack(stack);
    const [[policyId, policy]] = Object.entries(template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp('AccountLinkingPoolPolicy') },
    }));
    expect(policy.Properties.PolicyDocument.Statement).toEqual([{
      Effect: 'Allow',
      Action: ['cognito-idp:ListUsers', 'cognito-idp:AdminLinkProviderForUser', 'cognito-idp:AdminCreateUser'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^LoginUserPool/), 'Arn'] },
    }]);
    // and the graph CloudFormation derives has no cycle: every resource can be ordered
    const graph = templateGraph(template.toJSON() as RunnerTemplate, () => true);
    const ordered = new Set<string>();
    for (let progress = true; progress;) {
      progress = false;
      for (const id of graph.ids.filter((i) => !ordered.has(i))) {
        if ([...graph.dependsOn(id)].every((dep) => ordered.has(dep))) {
          ordered.add(id);
          progress = true;
        }
      }
    }
    expect(graph.ids.filter((id) => !ordered.has(id))).toEqual([]);
    const fnId = Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }))[0];
    expect(graph.dependsOn(fnId).has(policyId)).toBe(false);
  });

  test('without createNativeUser there is no AdminCreateUser', () => {
    const stack = testStack();
    newLogin(stack, {});
    const [policy] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp('AccountLinkingPoolPolicy') },
    }));
    expect(policy.Properties.PolicyDocument.Statement[0].Action).toEqual(['cognito-idp:ListUsers', 'cognito-idp:AdminLinkProviderForUser']);
  });
});

describe('refused at synth: anything that could link an email nobody verified', () => {
  test.each<[string, VerifiedEmailLinkingOptions, Partial<CognitoLoginProps>, string]>([
    ['a SAML provider not declared trusted', { providers: ['Corp'] }, {},
      'accountLinking.providers[0] "Corp" is invalid: a provider whose sign-ins assert a verified email'],
    ['Facebook, which asserts no verification', { providers: ['Facebook'] }, {},
      'accountLinking.providers[0] "Facebook" is invalid: a provider that asserts verified emails'],
    ['a social provider declared trusted', { trustedEmailProviders: ['Facebook'] }, {},
      'accountLinking.trustedEmailProviders[0] "Facebook" is invalid: a SAML or OIDC provider'],
    ['a provider the login does not have', { providers: ['Okta'] }, {}, 'accountLinking.providers[0] "Okta" is invalid: a provider of this login'],
    ['a pool that does not verify emails', {}, { userPoolProps: { autoVerify: { email: false } } }, 'userPoolProps.autoVerify'],
    ['a pool of the app\'s own', {}, { userPool: cognito.UserPool.fromUserPoolId(new Stack(), 'P', 'eu-west-1_AbCdEf123') },
      'accountLinking "with userPool" is invalid: a login that creates its pool'],
  ])('%s', (_why, linking, props, message) => {
    const stack = testStack();
    expect(() => newLogin(stack, linking, props)).toThrow(message);
  });

  test('a pre sign-up trigger of the app\'s own', () => {
    const stack = testStack();
    const own = new lambda.Function(stack, 'Own', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    expect(() => newLogin(stack, {}, { userPoolProps: { lambdaTriggers: { preSignUp: own } } })).toThrow('userPoolProps.lambdaTriggers.preSignUp');
  });

  test('an OIDC provider whose mapping drops email_verified is linked only when trusted', () => {
    const oidc = () => LoginProvider.oidc({
      name: 'Okta',
      clientId: 'o',
      clientSecret: SECRET,
      issuerUrl: 'https://acme.okta.com',
      attributeMapping: { email: cognito.ProviderAttribute.other('email') },
    });
    expect(() => new CognitoLogin(testStack(), 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [oidc()], accountLinking: AccountLinking.byVerifiedEmail({ providers: ['Okta'] }),
    })).toThrow('a provider whose sign-ins assert a verified email');

    const stack = testStack();
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      identityProviders: [oidc()],
      accountLinking: AccountLinking.byVerifiedEmail({ trustedEmailProviders: ['Okta'] }),
    });
    expect(policyOf(Template.fromStack(stack)).providers).toEqual({ Okta: 'trusted-provider' });
  });

  test('a login with no provider whose emails can be believed', () => {
    expect(() => new CognitoLogin(testStack(), 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [facebook()], accountLinking: AccountLinking.byVerifiedEmail(),
    })).toThrow('accountLinking.providers');
  });
});

describe('refused at synth: a provider whose email_verified is not its own verification claim', () => {
  const okta = (attributeMapping?: cognito.AttributeMapping) => LoginProvider.oidc({
    name: 'Okta', clientId: 'o', clientSecret: SECRET, issuerUrl: 'https://acme.okta.com', attributeMapping,
  });

  test('every such mapping in one error, naming the provider, the claim and what is allowed', () => {
    // GIVEN Google's email_verified filled from its email, an OIDC provider's from preferred_username,
    // and Facebook and a SAML provider, which issue no verification claim, filling it at all
    const providers = [
      LoginProvider.google({
        clientId: 'g',
        clientSecret: SECRET,
        attributeMapping: { email: cognito.ProviderAttribute.GOOGLE_EMAIL, emailVerified: cognito.ProviderAttribute.GOOGLE_EMAIL },
      }),
      okta({ email: cognito.ProviderAttribute.other('email'), emailVerified: cognito.ProviderAttribute.other('preferred_username') }),
      LoginProvider.facebook({
        clientId: 'fb',
        clientSecret: SECRET,
        attributeMapping: { email: cognito.ProviderAttribute.FACEBOOK_EMAIL, emailVerified: cognito.ProviderAttribute.other('verified') },
      }),
      LoginProvider.saml({
        name: 'Corp',
        metadata: SAML_METADATA,
        attributeMapping: { email: cognito.ProviderAttribute.other('mail'), emailVerified: cognito.ProviderAttribute.other('email_verified') },
      }),
    ];

    // WHEN
    const create = () => new CognitoLogin(testStack(), 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: providers, accountLinking: AccountLinking.byVerifiedEmail({ trustedEmailProviders: ['Corp'] }),
    });

    // THEN
    expect(create).toThrow(/4 invalid values/);
    expect(create).toThrow('identityProviders[0].attributeMapping.emailVerified "email" is invalid: Google\'s own verification claim "email_verified", or no mapping');
    expect(create).toThrow('identityProviders[1].attributeMapping.emailVerified "preferred_username" is invalid: Okta\'s own verification claim "email_verified"');
    expect(create).toThrow('identityProviders[2].attributeMapping.emailVerified "verified" is invalid: no mapping: Facebook asserts no email verification');
    expect(create).toThrow('identityProviders[3].attributeMapping.emailVerified "email_verified" is invalid: no mapping: Corp asserts no email verification');
  });

  test('the providers\' own claims (the defaults, and Apple\'s) are linked on', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      identityProviders: [
        google(),
        okta(),
        LoginProvider.apple({ servicesId: 's', teamId: 't', keyId: 'k', privateKey: SECRET }),
      ],
      accountLinking: AccountLinking.byVerifiedEmail(),
    });

    // THEN
    expect(policyOf(Template.fromStack(stack)).providers).toEqual({ Google: 'verified-claim', Okta: 'verified-claim', SignInWithApple: 'verified-claim' });
  });
});

describe('refused at synth: what the trigger could confuse or cannot create', () => {
  test('two providers whose names differ only in case', () => {
    // GIVEN
    const named = (name: string) => LoginProvider.oidc({ name, clientId: 'o', clientSecret: SECRET, issuerUrl: 'https://idp.example.com' });

    // WHEN
    const create = () => new CognitoLogin(testStack(), 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [named('Okta'), google(), named('okta')], accountLinking: AccountLinking.byVerifiedEmail(),
    });

    // THEN
    expect(create).toThrow('identityProviders[2].providerName "okta" is invalid: a name that differs from "Okta" (identityProviders[0]) in more than case');
  });

  test.each<[string, cognito.SignInAliases]>([
    ['user names', { username: true }],
    ['user names with email as an alias', { username: true, email: true }],
    ['phone numbers', { phone: true }],
  ])('createNativeUser on a pool whose users sign in by %s', (_why, signInAliases) => {
    expect(() => newLogin(testStack(), { createNativeUser: true }, { userPoolProps: { signInAliases } }))
      .toThrow('userPoolProps.signInAliases');
  });

  test('createNativeUser on a pool whose users sign in by email or phone number: the trigger\'s user name is an email', () => {
    const stack = testStack();
    newLogin(stack, { createNativeUser: true }, { userPoolProps: { signInAliases: { email: true, phone: true } } });
    expect(policyOf(Template.fromStack(stack)).createNativeUser).toBe(true);
  });
});

describe('a provider created outside the login (LoginProvider.existing) is never linked', () => {
  const existing = () => LoginProvider.existing('CorpSaml');

  test('left out of the policy with a warning saying why, when the linking names no providers', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {}, { identityProviders: [google(), existing()] });

    // THEN
    expect(policyOf(Template.fromStack(stack)).providers).toEqual({ Google: 'verified-claim' });
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp(
      'Account linking leaves out CorpSaml, created outside this login: its attribute mapping is written where it was created.*accountLinkingExistingProviders'));
  });

  test.each<[string, VerifiedEmailLinkingOptions, string]>([
    ['named in providers', { providers: ['Google', 'CorpSaml'] }, 'accountLinking.providers[1] "CorpSaml" is invalid: a provider this login creates'],
    ['named in trustedEmailProviders', { trustedEmailProviders: ['CorpSaml'] },
      'accountLinking.trustedEmailProviders[0] "CorpSaml" is invalid: a provider this login creates'],
  ])('refused when %s: the login cannot vouch for a mapping it did not write', (_why, linking, message) => {
    expect(() => newLogin(testStack(), linking, { identityProviders: [google(), existing()] })).toThrow(message);
  });

  test('refused when its name begins with a linked provider\'s name and an underscore: its sign-ins would pass for that provider\'s', () => {
    // GIVEN an older provider whose name Cognito no longer allows at creation, next to Okta
    const okta = LoginProvider.oidc({ name: 'Okta', clientId: 'o', clientSecret: SECRET, issuerUrl: 'https://idp.example.com' });

    // WHEN
    const create = () => newLogin(testStack(), {}, { identityProviders: [okta, LoginProvider.existing('okta_Legacy')] });

    // THEN
    expect(create).toThrow('identityProviders[1].providerName "okta_Legacy" is invalid: a name that does not begin with "Okta_"');
  });
});

describe('refused at synth: a client that lets a user change their own email or its verification', () => {
  test('the login\'s own clients get write attributes without email_verified, and the pool keeps a changed email until verified', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, {});

    // WHEN
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });

    // THEN
    const template = Template.fromStack(stack);
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(client.Properties.WriteAttributes).toEqual(expect.arrayContaining(['email', 'name', 'phone_number']));
    expect(client.Properties.WriteAttributes).not.toContain('email_verified');
    expect(client.Properties.WriteAttributes).not.toContain('phone_number_verified');
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } });
  });

  test('clients anywhere on the pool, with every violation in one error: default write attributes, email_verified, email not kept', () => {
    // GIVEN a login that does not keep a changed email, a client of its own that may write email_verified,
    // a client made the aws-cdk-lib way in another stack with the default write attributes
    const stack = testStack();
    const login = newLogin(stack, {}, { userPoolProps: { keepOriginal: {} } });
    login.addClient('Web', {
      callbackUrls: ['https://app.example.com/callback'],
      clientProps: { writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }) },
    });
    const other = new Stack(stack.node.scope as Construct, 'Other', { env: { account: '123456789012', region: 'eu-west-1' } });
    new cognito.UserPoolClient(other, 'Mobile', { userPool: login.userPool });

    // WHEN the app is synthesized
    const synth = () => Template.fromStack(stack);

    // THEN
    expect(synth).toThrow(/Stack\/Login: 4 invalid values/);
    expect(synth).toThrow('Stack/Login/Web writeAttributes "["email","email_verified"]" is invalid: a list without email_verified');
    expect(synth).toThrow('Stack/Login/Web writeAttributes "["email","email_verified"]" is invalid: a list with custom:idp_email_verified, which Google maps');
    expect(synth).toThrow('Other/Mobile writeAttributes "not set (every standard attribute, email_verified among them)" is invalid');
    expect(synth).toThrow('userPoolProps.keepOriginal "email not kept" is invalid: { email: true } (the default with account linking), since Stack/Login/Web, Other/Mobile let users change their email');
  });

  test('login.userPool.addClient with write attributes that leave out email_verified and hold what its providers map passes', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, {});

    // WHEN a client offering every provider of the pool (aws-cdk-lib's default) may write email, name and Google's verification claim
    (login.userPool as cognito.UserPool).addClient('Mobile', {
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes('idp_email_verified'),
    });

    // THEN
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('login.userPool.addClient with the default write attributes is refused', () => {
    const stack = testStack();
    const login = newLogin(stack, {});
    (login.userPool as cognito.UserPool).addClient('Mobile');
    expect(() => Template.fromStack(stack)).toThrow('Stack/Login/UserPool/Mobile writeAttributes "not set');
  });
});

describe('with account linking, every client offering a provider may write what it maps, and none may write email_verified', () => {
  /** The mapping each provider of the template deploys, by provider name. */
  function mappingsOf(template: Template): Map<string, { [poolAttribute: string]: string }> {
    return new Map(Object.values(template.findResources('AWS::Cognito::UserPoolIdentityProvider'))
      .map((p) => [p.Properties.ProviderName, p.Properties.AttributeMapping ?? {}]));
  }

  test('Google with the default mapping: its verification claim goes to custom:idp_email_verified, which the clients offering Google may write', () => {
    // GIVEN a linking login with Google and its default mapping
    const stack = testStack();
    const login = new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [google()], accountLinking: AccountLinking.byVerifiedEmail(),
    });

    // WHEN a client offers every provider, another only the pool's own sign-in
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
    login.addClient('Staff', { callbackUrls: ['https://staff.example.com/callback'], identityProviders: ['COGNITO'] });

    // THEN Google maps nothing into email_verified, and its own claim into the attribute the pool declares
    const template = Template.fromStack(stack);
    const googleMapping = mappingsOf(template).get('Google')!;
    expect(googleMapping).toEqual({ 'email': 'email', 'custom:idp_email_verified': 'email_verified' });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([{ Name: 'idp_email_verified', AttributeDataType: 'String', Mutable: true }]),
    });
    // every client offering Google may write every attribute Google maps; no client may write email_verified
    const clients = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    const offeringGoogle = clients.filter((c) => (c.Properties.SupportedIdentityProviders ?? []).includes('Google'));
    expect(offeringGoogle).toHaveLength(1);
    for (const client of offeringGoogle) {
      expect(client.Properties.WriteAttributes).toEqual(expect.arrayContaining(Object.keys(googleMapping)));
    }
    for (const client of clients) {
      expect(client.Properties.WriteAttributes).not.toContain('email_verified');
    }
    // a client without a provider that fills the attribute is not given it
    const staff = clients.find((c) => c.Properties.ClientName === 'Staff')!;
    expect(staff.Properties.WriteAttributes).not.toContain('custom:idp_email_verified');
  });

  test('Apple and OIDC as well, and a login without linking keeps the pool\'s email_verified mapping', () => {
    // GIVEN
    const apple = () => LoginProvider.apple({ servicesId: 's', teamId: 't', keyId: 'k', privateKey: SECRET });
    const okta = () => LoginProvider.oidc({ name: 'Okta', clientId: 'o', clientSecret: SECRET, issuerUrl: 'https://acme.okta.com' });
    const linked = testStack();
    const plain = testStack();

    // WHEN
    new CognitoLogin(linked, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [apple(), okta()], accountLinking: AccountLinking.byVerifiedEmail(),
    }).addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
    new CognitoLogin(plain, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [apple(), okta()] });

    // THEN
    const linkedMappings = mappingsOf(Template.fromStack(linked));
    expect(linkedMappings.get('SignInWithApple')).toEqual({ 'email': 'email', 'custom:idp_email_verified': 'email_verified' });
    expect(linkedMappings.get('Okta')).toEqual({ 'email': 'email', 'custom:idp_email_verified': 'email_verified' });
    const [web] = Object.values(Template.fromStack(linked).findResources('AWS::Cognito::UserPoolClient'));
    expect(web.Properties.WriteAttributes).toEqual(expect.arrayContaining(['email', 'custom:idp_email_verified']));
    expect(mappingsOf(Template.fromStack(plain)).get('Okta')).toEqual({ email: 'email', email_verified: 'email_verified' });
    expect(Template.fromStack(plain).findResources('AWS::Cognito::UserPool', { Properties: { Schema: Match.anyValue() } })).toEqual({});
  });

  test('a client that offers a provider but may not write an attribute it maps, and a provider made outside the login that maps email_verified', () => {
    // GIVEN a linking login whose Okta also maps the name, a client of its own that may write only the email and the claim,
    // and a Google provider made the aws-cdk-lib way on the pool, offered by a client of the pool
    const stack = testStack();
    const login = new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      identityProviders: [LoginProvider.oidc({
        name: 'Okta',
        clientId: 'o',
        clientSecret: SECRET,
        issuerUrl: 'https://acme.okta.com',
        attributeMapping: {
          email: cognito.ProviderAttribute.other('email'),
          emailVerified: cognito.ProviderAttribute.other('email_verified'),
          fullname: cognito.ProviderAttribute.other('name'),
        },
      })],
      accountLinking: AccountLinking.byVerifiedEmail(),
    });
    login.addClient('Web', {
      callbackUrls: ['https://app.example.com/callback'],
      clientProps: { writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes('idp_email_verified') },
    });
    new cognito.UserPoolIdentityProviderGoogle(stack, 'Google', {
      userPool: login.userPool,
      clientId: 'g',
      clientSecretValue: SECRET,
      attributeMapping: { email: cognito.ProviderAttribute.GOOGLE_EMAIL, emailVerified: cognito.ProviderAttribute.GOOGLE_EMAIL_VERIFIED },
    });
    (login.userPool as cognito.UserPool).addClient('Mobile', {
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.GOOGLE],
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    // WHEN the app is synthesized
    const synth = () => Template.fromStack(stack);

    // THEN both are refused, each naming the client, the provider and the attribute
    expect(synth).toThrow(/Stack\/Login: 2 invalid values/);
    expect(synth).toThrow('Stack/Login/Web writeAttributes "["custom:idp_email_verified","email"]" is invalid: a list with name, which Okta maps');
    expect(synth).toThrow('Google attributeMapping "email_verified mapped" is invalid: no mapping to email_verified on a pool with account linking '
      + '(Stack/Login/UserPool/Mobile offers Google, and no client of the pool may write it)');
  });

  test('the trigger\'s evidence filled from anything but the provider\'s claim, or declared otherwise by the app, is refused', () => {
    // GIVEN a provider whose own mapping fills the attribute from its email, and the attribute declared as a number
    const create = () => new CognitoLogin(testStack(), 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      identityProviders: [LoginProvider.saml({
        name: 'Corp',
        metadata: SAML_METADATA,
        attributeMapping: { email: cognito.ProviderAttribute.other('mail'), custom: { 'custom:idp_email_verified': cognito.ProviderAttribute.other('mail') } },
      })],
      userPoolProps: { customAttributes: { idp_email_verified: new cognito.NumberAttribute({ mutable: true }) } },
      accountLinking: AccountLinking.byVerifiedEmail({ trustedEmailProviders: ['Corp'] }),
    });

    // THEN
    expect(create).toThrow(/2 invalid values/);
    expect(create).toThrow('identityProviders[0].attributeMapping.custom.custom:idp_email_verified "mail" is invalid: no mapping');
    expect(create).toThrow('userPoolProps.customAttributes.idp_email_verified');
  });

  test('the attribute declared by the app as the login would is kept: one schema entry', () => {
    // GIVEN a pool that declared the attribute itself (say, linking was on before, then off, now on again)
    const stack = testStack();

    // WHEN
    newLogin(stack, {}, { userPoolProps: { customAttributes: { idp_email_verified: new cognito.StringAttribute({ mutable: true }) } } });

    // THEN
    const [pool] = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::UserPool'));
    expect(pool.Properties.Schema.filter((a: { Name: string }) => a.Name === 'idp_email_verified')).toHaveLength(1);
  });

  test('a pool of the app\'s own is refused with how to declare the attribute without replacing the pool', () => {
    const create = () => newLogin(testStack(), {}, { userPool: cognito.UserPool.fromUserPoolId(new Stack(), 'P', 'eu-west-1_AbCdEf123') });
    expect(create).toThrow('customAttributes: { idp_email_verified: new StringAttribute({ mutable: true }) }, which CloudFormation adds '
      + 'to an existing pool without replacing it');
  });
});

test('turning linking on for a deployed login keeps its pool: the same logical id, and only properties CloudFormation updates in place change', () => {
  // GIVEN a login deployed without linking, and the same login with linking
  const without = testStack();
  const withLinking = testStack();
  new CognitoLogin(without, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [google()] });
  new CognitoLogin(withLinking, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'), identityProviders: [google()], accountLinking: AccountLinking.byVerifiedEmail(),
  });

  // WHEN the two pools are compared
  const [[beforeId, before]] = Object.entries(Template.fromStack(without).findResources('AWS::Cognito::UserPool'));
  const [[afterId, after]] = Object.entries(Template.fromStack(withLinking).findResources('AWS::Cognito::UserPool'));
  const keys = new Set([...Object.keys(before.Properties), ...Object.keys(after.Properties)]);
  const changed = [...keys].filter((key) => JSON.stringify(before.Properties[key]) !== JSON.stringify(after.Properties[key]));

  // THEN the trigger, the email kept until verified and the added custom attribute: each "Update requires: No interruption"
  // in CloudFormation's AWS::Cognito::UserPool reference (Schema: "you can add new schema attributes")
  expect(afterId).toBe(beforeId);
  expect(changed.sort()).toEqual(['LambdaConfig', 'Schema', 'UserAttributeUpdateSettings']);
  expect(before.Properties.Schema).toBeUndefined();
  expect(requiresReplacement('AWS::Cognito::UserPool', before.Properties, after.Properties)).toBe(false);
});
