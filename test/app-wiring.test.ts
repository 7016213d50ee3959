// What the rest of the app declares on a login's pool: clients made the
// aws-cdk-lib way get the login's style, and standalone styles deploy after
// the pool's domain.
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingSettings, ClassicCss, ClassicLoginCustomization, CognitoLogin, LoginDomain, LoginPages, ManagedLoginBranding,
} from '../src';
import { HOSTED_PAGES } from './util/clients';
import { testStack } from './util/stack';

const BRANDING = 'Custom::CognitoManagedLoginBranding';
const CLASSIC = 'Custom::CognitoClassicLoginCustomization';
const ENV = { account: '123456789012', region: 'eu-west-1' };

function newLogin(stack: Stack, pages?: LoginPages): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), pages });
}

/** A login with every feature a client can get (style, terms, choice-based sign-in), and an API. */
function everyFeatureLogin(stack: Stack): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    userPoolProps: { selfSignUpEnabled: true },
    signIn: {},
    terms: { termsOfUse: 'https://example.com/terms', privacyPolicy: 'https://example.com/privacy' },
    resourceServers: [{ identifier: 'api', scopes: [{ name: 'read', description: 'Read' }] }],
  });
}

/** The ClientId Ref of every branding style of the template, sorted. */
function styledClients(template: Template, type = BRANDING): string[] {
  return Object.values<any>(template.findResources(type)).map((r) => r.Properties.ClientId.Ref).sort();
}

function clientLogicalIds(template: Template): string[] {
  return Object.keys(template.findResources('AWS::Cognito::UserPoolClient')).sort();
}

describe('clients a managed login CognitoLogin did not create', () => {
  test('every client on its pool gets a style: addClient, userPool.addClient and new UserPoolClient alike', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });

    // WHEN clients are added the aws-cdk-lib way
    login.userPool.addClient('Mobile');
    new cognito.UserPoolClient(stack, 'Partner', { userPool: login.userPool });

    // THEN each of the three has exactly one style
    const template = Template.fromStack(stack);
    expect(styledClients(template)).toEqual(clientLogicalIds(template));
    template.resourceCountIs(BRANDING, 3);
  });

  test('a found client takes its perClient entry by construct id, and its style lives under it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.managedLogin({
      perClient: { Mobile: { settings: BrandingSettings.fromOptions({ lightMode: { pageBackground: '#101010' } }) } },
    }));

    // WHEN
    const mobile = login.userPool.addClient('Mobile');

    // THEN the style is custom, named after the client, and waits for the domain
    const template = Template.fromStack(stack);
    const styles = template.findResources(BRANDING);
    const [id] = Object.keys(styles);
    expect(id).toMatch(/^LoginUserPoolMobileManagedLoginBranding/);
    expect(styles[id].Properties).toEqual(expect.objectContaining({
      ClientId: { Ref: stack.getLogicalId(mobile.node.defaultChild as cognito.CfnUserPoolClient) },
      UseCognitoProvidedValues: 'false',
    }));
    expect(styles[id].DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^LoginDomain/)]));
  });

  test('a client in another stack gets its style in that stack', () => {
    // GIVEN
    const app = new App();
    const auth = new Stack(app, 'Auth', { env: ENV });
    const apps = new Stack(app, 'Apps', { env: ENV });
    const login = newLogin(auth);

    // WHEN
    new cognito.UserPoolClient(apps, 'Portal', { userPool: login.userPool });

    // THEN
    Template.fromStack(apps).resourceCountIs(BRANDING, 1);
    Template.fromStack(auth).resourceCountIs(BRANDING, 0);
  });

  test('a client the app styles itself is left to it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const client = login.userPool.addClient('Mobile');

    // WHEN
    new ManagedLoginBranding(stack, 'OwnStyle', { userPool: login.userPool, client });

    // THEN one style, the app's own
    const template = Template.fromStack(stack);
    const ids = Object.keys(template.findResources(BRANDING));
    expect(ids).toEqual([expect.stringMatching(/^OwnStyle/)]);
  });

  test('an imported client declared through the login gets a style under the login', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const legacy = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Legacy', '1example23456789abcdefghij');

    // WHEN
    login.addExistingClient('Legacy', legacy);

    // THEN
    const template = Template.fromStack(stack);
    const styles = template.findResources(BRANDING);
    expect(Object.keys(styles)).toEqual([expect.stringMatching(/^LoginLegacyBranding/)]);
    expect(Object.values<any>(styles)[0].Properties.ClientId).toBe('1example23456789abcdefghij');
  });

  test('a client whose style id is taken is refused with a fix', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const client = login.userPool.addClient('Mobile');
    new cognito.CfnUserPoolClient(client, 'ManagedLoginBranding', { userPoolId: 'eu-west-1_other' });

    // THEN
    expect(() => Template.fromStack(stack)).toThrow(/already has a child ManagedLoginBranding\. Rename that child, or style the client yourself/);
  });

  test('every client gets every feature of the login: style, terms and choice-based sign-in, however it came', () => {
    // GIVEN a login with sign-in and terms
    const stack = testStack();
    const login = everyFeatureLogin(stack);

    // WHEN a client comes each way
    login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
    login.addExistingClient('Portal', new cognito.UserPoolClient(stack, 'Portal', { userPool: login.userPool }));
    login.userPool.addClient('Mobile');
    new cognito.CfnUserPoolClient(stack, 'Kiosk', { userPoolId: login.userPool.userPoolId, ...HOSTED_PAGES });

    // THEN each has a style, two terms documents and ALLOW_USER_AUTH
    const template = Template.fromStack(stack);
    const clients = clientLogicalIds(template);
    expect(clients).toHaveLength(4);
    expect(styledClients(template)).toEqual(clients);
    const withTerms = Object.values<any>(template.findResources('AWS::Cognito::Terms')).map((r) => r.Properties.ClientId.Ref);
    expect([...withTerms].sort()).toEqual(clients.flatMap((id) => [id, id]));
    const flows = Object.values<any>(template.findResources('AWS::Cognito::UserPoolClient')).map((r) => r.Properties.ExplicitAuthFlows);
    expect(flows).toEqual(clients.map(() => ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
  });

  test('a found client without hosted pages gets no style and no terms, and sign-in only when it has users', () => {
    // GIVEN a login with sign-in and terms, and an API
    const stack = testStack();
    const login = everyFeatureLogin(stack);

    // WHEN the app makes clients without pages: SDK sign-in (L2 and bare L1) and a machine client
    const sdk = login.userPool.addClient('Mobile', { disableOAuth: true });
    const kiosk = new cognito.CfnUserPoolClient(stack, 'Kiosk', { userPoolId: login.userPool.userPoolId });
    const machine = login.userPool.addClient('Worker', {
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [login.resourceServerScope('api', 'read')] },
    });

    // THEN none has a style or terms; the two with users have ALLOW_USER_AUTH, the machine client not
    const template = Template.fromStack(stack);
    template.resourceCountIs(BRANDING, 0);
    template.resourceCountIs('AWS::Cognito::Terms', 0);
    const flowsOf = (client: cognito.CfnUserPoolClient) =>
      template.findResources('AWS::Cognito::UserPoolClient')[stack.getLogicalId(client)].Properties.ExplicitAuthFlows;
    expect(flowsOf(sdk.node.defaultChild as cognito.CfnUserPoolClient)).toEqual(['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(flowsOf(kiosk)).toEqual(['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(flowsOf(machine.node.defaultChild as cognito.CfnUserPoolClient)).toBeUndefined();
  });

  test('classic pages: a found client gets its perClient override, the others fall back to ALL', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({
      css: ClassicCss.fromString('.banner-customizable { background-color: #000000; }'),
      perClient: { Mobile: { css: ClassicCss.fromString('.banner-customizable { background-color: #ffffff; }') } },
    }));

    // WHEN
    login.userPool.addClient('Mobile');
    login.userPool.addClient('Kiosk');

    // THEN the pool-wide customization and Mobile's own
    const template = Template.fromStack(stack);
    const targets = Object.values<any>(template.findResources(CLASSIC)).map((r) => r.Properties.ClientId);
    expect(targets).toEqual(expect.arrayContaining(['ALL', { Ref: expect.stringMatching(/^LoginUserPoolMobile/) }]));
    expect(targets).toHaveLength(2);
  });
});

describe('standalone styles and the pool\'s domain', () => {
  test('a ManagedLoginBranding deploys after the domain of its pool found in the app', () => {
    // GIVEN
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    const client = pool.addClient('Web');
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client });

    // WHEN the domain is added after the style
    pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'acme-test' }, managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResource(BRANDING, { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^PoolDomain')]) });
  });

  test('a ClassicLoginCustomization deploys after the domain too', () => {
    // GIVEN
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'acme-test' } });

    // WHEN
    new ClassicLoginCustomization(stack, 'Classic', { userPool: pool, css: ClassicCss.fromString('.banner-customizable { padding: 1px; }') });

    // THEN
    Template.fromStack(stack).hasResource(CLASSIC, { DependsOn: Match.arrayWith([Match.stringLikeRegexp('^PoolDomain')]) });
  });

  test('a pool made in the app without a domain is warned about', () => {
    // GIVEN
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client: pool.addClient('Web') });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Branding', Match.stringLikeRegexp('has no domain in this app, and Cognito refuses a managed login style'));
  });

  test('a standalone style of the generation the domain does not serve is warned about', () => {
    // GIVEN a classic (version 1, the default) domain
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'acme-test' } });

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client: pool.addClient('Web') });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Branding', Match.stringLikeRegexp('will not show: the domain Stack/Pool/Domain serves the classic hosted UI'));
  });

  test('an imported pool is not warned about', () => {
    // GIVEN
    const stack = testStack();
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_abc');

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client: cognito.UserPoolClient.fromUserPoolClientId(stack, 'C', 'abc') });

    // THEN
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('has no domain'));
  });
});
