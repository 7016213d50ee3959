import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CognitoLogin, CognitoLoginProps, LoginDomain, LoginPages } from '../src';
import { HOSTED_PAGES } from './util/clients';
import { testStack } from './util/stack';

const CALLBACK = 'https://app.example.com/callback';
const TERMS = { termsOfUse: 'https://example.com/terms', privacyPolicy: 'https://example.com/privacy' };

function newLogin(stack: Stack, props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    userPoolProps: { selfSignUpEnabled: true },
    ...props,
  });
}

function termsOf(stack: Stack): { [logicalId: string]: any } {
  return Template.fromStack(stack).findResources('AWS::Cognito::Terms');
}

describe('terms of a login', () => {
  test('apply to every client: two documents each, named after the client, deployed after the domain', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: TERMS });

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK] });
    login.addClient('Mobile', { callbackUrls: ['myapp://callback'] });

    // THEN
    const template = Template.fromStack(stack);
    const webClient = { Ref: Match.stringLikeRegexp('^LoginWeb') };
    template.hasResource('AWS::Cognito::Terms', {
      Properties: {
        UserPoolId: { Ref: Match.stringLikeRegexp('^LoginUserPool') },
        ClientId: webClient,
        TermsName: 'terms-of-use',
        TermsSource: 'LINK',
        Enforcement: 'NONE',
        Links: { 'cognito:default': 'https://example.com/terms' },
      },
      DependsOn: [Match.stringLikeRegexp('^LoginDomain')],
    });
    template.hasResourceProperties('AWS::Cognito::Terms', {
      ClientId: webClient,
      TermsName: 'privacy-policy',
      Links: { 'cognito:default': 'https://example.com/privacy' },
    });
    expect(Object.keys(termsOf(stack)).sort()).toEqual([
      expect.stringMatching(/^LoginMobileTermsPrivacyPolicy/),
      expect.stringMatching(/^LoginMobileTermsTermsOfUse/),
      expect.stringMatching(/^LoginWebTermsPrivacyPolicy/),
      expect.stringMatching(/^LoginWebTermsTermsOfUse/),
    ]);
  });

  test('give a client added with addExistingClient its documents too', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: TERMS });
    const existing = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Existing', 'abc123');

    // WHEN
    login.addExistingClient('Legacy', existing);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::Terms', { ClientId: 'abc123', TermsName: 'terms-of-use' });
    expect(Object.keys(termsOf(stack))).toEqual(expect.arrayContaining([expect.stringMatching(/^LoginLegacyTermsTermsOfUse/)]));
  });

  test('give a client found on the pool its documents under the client, as its style', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: TERMS });

    // WHEN a client is added the aws-cdk-lib way
    const mobile = login.userPool.addClient('Mobile');

    // THEN
    const template = Template.fromStack(stack);
    const mobileRef = { Ref: stack.getLogicalId(mobile.node.defaultChild as cognito.CfnUserPoolClient) };
    template.hasResource('AWS::Cognito::Terms', {
      Properties: Match.objectLike({ ClientId: mobileRef, TermsName: 'terms-of-use', Links: { 'cognito:default': 'https://example.com/terms' } }),
      DependsOn: [Match.stringLikeRegexp('^LoginDomain')],
    });
    expect(Object.keys(termsOf(stack)).sort()).toEqual([
      expect.stringMatching(/^LoginUserPoolMobileTermsPrivacyPolicy/),
      expect.stringMatching(/^LoginUserPoolMobileTermsTermsOfUse/),
    ]);
  });

  test('give a found client in another stack its documents in that stack', () => {
    // GIVEN
    const app = new App();
    const env = { account: '123456789012', region: 'eu-west-1' };
    const auth = new Stack(app, 'Auth', { env });
    const apps = new Stack(app, 'Apps', { env });
    const login = newLogin(auth, { terms: TERMS });

    // WHEN
    new cognito.UserPoolClient(apps, 'Portal', { userPool: login.userPool });

    // THEN
    expect(Object.keys(termsOf(apps)).sort()).toEqual([
      expect.stringMatching(/^PortalTermsPrivacyPolicy/),
      expect.stringMatching(/^PortalTermsTermsOfUse/),
    ]);
    expect(termsOf(auth)).toEqual({});
  });

  test('give a found client without an L2 its documents beside it, named after it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: TERMS });

    // WHEN
    new cognito.CfnUserPoolClient(stack, 'Kiosk', { userPoolId: login.userPool.userPoolId, ...HOSTED_PAGES });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::Terms', { ClientId: { Ref: 'Kiosk' }, TermsName: 'privacy-policy' });
    expect(Object.keys(termsOf(stack)).sort()).toEqual([
      expect.stringMatching(/^KioskTermsPrivacyPolicy/),
      expect.stringMatching(/^KioskTermsTermsOfUse/),
    ]);
  });

  test('leave a found client\'s own child named Terms alone on a login without terms', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const mobile = login.userPool.addClient('Mobile');

    // WHEN
    new Construct(mobile, 'Terms');

    // THEN
    expect(termsOf(stack)).toEqual({});
  });

  test('have a URL per language of managed login, over the default one', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, {
      terms: { ...TERMS, termsOfUseByLanguage: { 'french': 'https://example.com/fr/terms', 'portuguese-brazil': 'https://example.com/pt-br/terms' } },
    });

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::Terms', {
      TermsName: 'terms-of-use',
      Links: {
        'cognito:default': 'https://example.com/terms',
        'cognito:french': 'https://example.com/fr/terms',
        'cognito:portuguese-brazil': 'https://example.com/pt-br/terms',
      },
    });
  });

  test('warn when the pool has self sign-up off: the sign-up page is where they show', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { terms: TERMS, userPoolProps: {} });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp('terms documents from the sign-up page only'));
  });
});

describe('terms of a client', () => {
  test('replace the login\'s document by document', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: { ...TERMS, termsOfUseByLanguage: { german: 'https://example.com/de/terms' } } });

    // WHEN
    login.addClient('Partner', { callbackUrls: [CALLBACK], terms: { termsOfUse: 'https://partner.example.net/terms' } });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::Terms', {
      TermsName: 'terms-of-use',
      Links: { 'cognito:default': 'https://partner.example.net/terms' },
    });
    template.hasResourceProperties('AWS::Cognito::Terms', {
      TermsName: 'privacy-policy',
      Links: { 'cognito:default': 'https://example.com/privacy' },
    });
  });

  test('need no terms on the login', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    login.addClient('Web', { callbackUrls: [CALLBACK] });
    login.addClient('Partner', { callbackUrls: [CALLBACK], terms: TERMS });

    // THEN
    expect(Object.keys(termsOf(stack))).toEqual([
      expect.stringMatching(/^LoginPartnerTermsTermsOfUse/),
      expect.stringMatching(/^LoginPartnerTermsPrivacyPolicy/),
    ]);
  });
});

describe('terms refused', () => {
  test('with classic pages', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { pages: LoginPages.classic(), terms: TERMS }))
      .toThrow('Stack/Login: terms "termsOfUse, privacyPolicy" is invalid: only with LoginPages.managedLogin(): '
        + 'the classic hosted UI shows no terms documents');
  });

  test('bad URLs and languages, all in one error', () => {
    // GIVEN
    const stack = testStack();
    const long = `https://example.com/${'a'.repeat(1010)}`;

    // WHEN / THEN
    expect(() => newLogin(stack, {
      terms: {
        termsOfUse: 'http://example.com/terms',
        privacyPolicy: long,
        privacyPolicyByLanguage: { klingon: 'https://example.com/tlh', english: 'https://example.com/en privacy' },
      },
    })).toThrow([
      'Stack/Login: 4 invalid values',
      '  - terms.termsOfUse "http://example.com/terms" is invalid: an absolute https:// URL',
      `  - terms.privacyPolicy "${long.slice(0, 77)}..." is invalid: at most 1024 characters, without spaces or control characters`,
      '  - terms.privacyPolicyByLanguage "klingon" is invalid: a language of managed login: english, french, spanish, german, dutch, '
        + 'italian, japanese, korean, bahasa-indonesia, portuguese-brazil, chinese-simplified, chinese-traditional',
      '  - terms.privacyPolicyByLanguage.english "https://example.com/en privacy" is invalid: at most 1024 characters, '
        + 'without spaces or control characters',
    ].join('\n'));
  });

  test('URLs per language without a default one', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, { terms: { privacyPolicy: 'https://example.com/p', termsOfUseByLanguage: { french: 'https://example.com/fr' } } }))
      .toThrow('Stack/Login: terms.termsOfUseByLanguage "french" is invalid: absent unless termsOfUse is given: it is the document for every other language');
  });

  test('a client that would end up with one document only, with its other violations', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: { termsOfUse: 'https://example.com/terms' } });

    // WHEN / THEN
    expect(() => login.addClient('Web', { callbackUrls: [CALLBACK], terms: { termsOfUse: 'ftp://example.com/terms' } })).toThrow([
      'Stack/Login: 2 invalid values',
      '  - Web.terms.termsOfUse "ftp://example.com/terms" is invalid: an absolute https:// URL',
      '  - Web.terms.privacyPolicy "(not given by the client or the login)" is invalid: a URL: '
        + 'Cognito shows terms documents only when both a terms of use and a privacy policy exist',
    ].join('\n'));
    expect(login.node.tryFindChild('Web')).toBeUndefined();
  });

  test('a found client when the login\'s terms are one document only', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: { termsOfUse: 'https://example.com/terms' } });

    // WHEN
    login.userPool.addClient('Mobile');

    // THEN
    expect(() => Template.fromStack(stack)).toThrow('Stack/Login: terms.privacyPolicy "(not given by the client or the login)" is invalid: '
      + 'a URL: Cognito shows terms documents only when both a terms of use and a privacy policy exist');
  });

  test('a found client whose terms id is taken, with a fix', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: TERMS });
    const mobile = login.userPool.addClient('Mobile');

    // WHEN
    new Construct(mobile, 'Terms');

    // THEN
    expect(() => Template.fromStack(stack)).toThrow('Stack/Login: client "Stack/Login/UserPool/Mobile/Resource" is invalid: '
      + 'a client that can be given what the login gives its clients: Stack/Login/UserPool/Mobile already has a child Terms. Rename that child');
  });

  test('a client id whose terms id is taken', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { terms: TERMS });
    login.addClient('Web', { callbackUrls: [CALLBACK] });

    // WHEN / THEN
    expect(() => login.addExistingClient('Web', cognito.UserPoolClient.fromUserPoolClientId(stack, 'Existing', 'abc123')))
      .toThrow('Stack/Login: id "Web" is invalid: an id whose style and terms ids are free in this login (taken: WebTerms, WebBranding)');
  });
});
