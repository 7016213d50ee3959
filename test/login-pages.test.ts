import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, ClassicCss, ClassicLoginCustomization,
  CognitoLogin, LoginDomain, LoginPages, LogoImage, ManagedLoginBranding,
} from '../src';
import { png, writeTemp } from '../standin/sample-images';
import { testStack } from './util/stack';

const BRANDING = 'Custom::CognitoManagedLoginBranding';
const CLASSIC = 'Custom::CognitoClassicLoginCustomization';
const CSS = '.submitButton-customizable { background-color: #ff9900; }\n';
const PARTNER_CSS = '.banner-customizable { background-color: #0f1b2a; }\n';
/** Every style also waits for its pool's grant to the handler, so a clean-up Delete runs before the grant goes. */
const POOL_GRANT = Match.stringLikeRegexp('^CdkCognitoLoginHandlerCustomResourceProviderPolicy');
const STAGED = { Bucket: expect.any(String), Key: expect.any(String), Hash: expect.stringMatching(/^[0-9a-f]{64}$/) };

function newLogin(stack: Stack, pages?: LoginPages, userPool?: cognito.IUserPool): CognitoLogin {
  return new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), pages, userPool });
}

function addClients(login: CognitoLogin, ...ids: string[]): cognito.UserPoolClient[] {
  return ids.map((id) => login.addClient(id, { callbackUrls: [`https://${id.toLowerCase()}.example.com/callback`] }));
}

function logoAsset(seed: number): BrandingAsset {
  return BrandingAsset.fromFile(writeTemp('logo.png', png(1_000, seed)), {
    category: BrandingCategory.PAGE_HEADER_LOGO, colorMode: BrandingColorMode.LIGHT,
  });
}

function logoImage(seed: number): LogoImage {
  return LogoImage.fromFile(writeTemp('logo.png', png(1_000, seed)));
}

/** The logical id of the one resource of `type` whose logical id starts with `prefix`. */
function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** Resources of `type` by logical id. */
function resourcesOf(template: Template, type: string): Record<string, any> {
  return template.findResources(type);
}

/** Properties of the resource of `type` whose ClientId refers to the client with this logical id (or is the literal). */
function propertiesForClient(template: Template, type: string, clientId: string | { Ref: string }): any {
  const matching = Object.values(resourcesOf(template, type)).filter((r) => JSON.stringify(r.Properties.ClientId) === JSON.stringify(clientId));
  expect(matching).toHaveLength(1);
  return matching[0].Properties;
}

describe('managed login pages', () => {
  test('give every client Cognito\'s defaults when no style is given', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    addClients(login, 'Web', 'Admin');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(BRANDING, 2);
    for (const client of ['Web', 'Admin']) {
      const props = propertiesForClient(template, BRANDING, { Ref: logicalId(template, 'AWS::Cognito::UserPoolClient', `Login${client}`) });
      expect(props).toEqual(expect.objectContaining({ UseCognitoProvidedValues: 'true', UserPoolId: { Ref: expect.stringMatching(/^LoginUserPool/) } }));
      expect(props.Settings).toBeUndefined();
      expect(props.Assets).toBeUndefined();
    }
  });

  test('use the login\'s branding for clients without an entry, and the entry for the others', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.managedLogin({
      branding: { settings: BrandingSettings.fromOptions({ lightMode: { pageBackground: '#102030' } }) },
      perClient: { Partner: { assets: [logoAsset(2)] } },
    }));

    // WHEN
    addClients(login, 'Web', 'Admin', 'Partner');

    // THEN
    const template = Template.fromStack(stack);
    const client = (id: string) => ({ Ref: logicalId(template, 'AWS::Cognito::UserPoolClient', `Login${id}`) });
    for (const id of ['Web', 'Admin']) {
      const props = propertiesForClient(template, BRANDING, client(id));
      expect(props).toEqual(expect.objectContaining({ UseCognitoProvidedValues: 'false', Settings: expect.anything() }));
      expect(props.Assets).toBeUndefined();
    }
    const partner = propertiesForClient(template, BRANDING, client('Partner'));
    expect(partner.UseCognitoProvidedValues).toBe('false');
    expect(partner.Assets).toEqual([expect.objectContaining({ Category: 'PAGE_HEADER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' })]);
    // The entry replaces the login's style: Partner gets Cognito's default document, not the login's page background.
    expect(partner.Settings.Hash).not.toEqual(propertiesForClient(template, BRANDING, client('Web')).Settings.Hash);
  });

  test('a perClient entry can ask for Cognito\'s defaults while the others are branded', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.managedLogin({
      branding: { assets: [logoAsset(1)] },
      perClient: { Admin: { useCognitoProvidedValues: true } },
    }));

    // WHEN
    addClients(login, 'Web', 'Admin');

    // THEN
    const template = Template.fromStack(stack);
    const client = (id: string) => ({ Ref: logicalId(template, 'AWS::Cognito::UserPoolClient', `Login${id}`) });
    expect(propertiesForClient(template, BRANDING, client('Web')).UseCognitoProvidedValues).toBe('false');
    expect(propertiesForClient(template, BRANDING, client('Admin')).UseCognitoProvidedValues).toBe('true');
  });

  test('each style deploys after the domain, and after its client through the Ref to it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN
    addClients(login, 'Web');

    // THEN
    const template = Template.fromStack(stack);
    const domain = logicalId(template, 'AWS::Cognito::UserPoolDomain', 'LoginDomain');
    const client = logicalId(template, 'AWS::Cognito::UserPoolClient', 'LoginWeb');
    // A DependsOn on the client besides the Ref would be redundant (cfn-lint W3005).
    template.hasResource(BRANDING, { Properties: { ClientId: { Ref: client } }, DependsOn: [POOL_GRANT, domain] });
  });

  test('styles are named after their client, never after the order clients are added in', () => {
    // GIVEN
    const forward = testStack();
    const backward = testStack();

    // WHEN
    addClients(newLogin(forward), 'Web', 'Admin', 'Partner');
    addClients(newLogin(backward), 'Partner', 'Admin', 'Web');

    // THEN
    const ids = (stack: Stack) => Object.keys(resourcesOf(Template.fromStack(stack), BRANDING)).sort();
    expect(ids(forward)).toEqual([
      expect.stringMatching(/^LoginAdminBranding/),
      expect.stringMatching(/^LoginPartnerBranding/),
      expect.stringMatching(/^LoginWebBranding/),
    ]);
    expect(ids(backward)).toEqual(ids(forward));
  });

  test('one Lambda serves a login with five branded clients', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.managedLogin({
      branding: { assets: [logoAsset(1)] },
      perClient: { C: { assets: [logoAsset(3)] }, E: { useCognitoProvidedValues: true } },
    }));

    // WHEN
    addClients(login, 'A', 'B', 'C', 'D', 'E');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(BRANDING, 5);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    const serviceTokens = new Set(Object.values(resourcesOf(template, BRANDING)).map((r) => JSON.stringify(r.Properties.ServiceToken)));
    expect(serviceTokens.size).toBe(1);
  });
});

describe('classic pages', () => {
  test('apply css and logo to ALL clients, with per-client overrides that keep what they leave out', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({
      css: ClassicCss.fromString(CSS),
      logo: logoImage(1),
      perClient: { Partner: { css: ClassicCss.fromString(PARTNER_CSS) } },
    }));

    // WHEN
    addClients(login, 'Web', 'Partner');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(CLASSIC, 2);
    template.resourceCountIs(BRANDING, 0);
    const all = propertiesForClient(template, CLASSIC, 'ALL');
    expect(all).toEqual(expect.objectContaining({ Css: STAGED, Logo: STAGED }));
    const partnerClient = logicalId(template, 'AWS::Cognito::UserPoolClient', 'LoginPartner');
    const partner = propertiesForClient(template, CLASSIC, { Ref: partnerClient });
    expect(partner.Css.Hash).not.toEqual(all.Css.Hash);
    // Cognito shows a client with its own customization nothing of ALL: the pool-wide logo is repeated.
    expect(partner.Logo.Hash).toEqual(all.Logo.Hash);
    expect(Object.keys(resourcesOf(template, CLASSIC)).sort()).toEqual([
      expect.stringMatching(/^LoginClassicCustomization/),
      expect.stringMatching(/^LoginPartnerClassicCustomization/),
    ]);
  });

  test('each customization deploys after the domain, a per-client one also after its client through the Ref to it', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({ logo: logoImage(1), perClient: { Web: { css: ClassicCss.fromString(CSS) } } }));

    // WHEN
    addClients(login, 'Web');

    // THEN
    const template = Template.fromStack(stack);
    const domain = logicalId(template, 'AWS::Cognito::UserPoolDomain', 'LoginDomain');
    const client = logicalId(template, 'AWS::Cognito::UserPoolClient', 'LoginWeb');
    template.hasResource(CLASSIC, { Properties: { ClientId: 'ALL' }, DependsOn: [POOL_GRANT, domain] });
    template.hasResource(CLASSIC, { Properties: { ClientId: { Ref: client } }, DependsOn: [POOL_GRANT, domain] });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 1 });
  });

  test('without css or logo there is no customization and no Lambda', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic());

    // WHEN
    addClients(login, 'Web', 'Admin');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(CLASSIC, 0);
    template.resourceCountIs(BRANDING, 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('a per-client override alone (no pool-wide css or logo) styles just that client', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({ perClient: { Web: { logo: logoImage(1) } } }));

    // WHEN
    addClients(login, 'Web', 'Admin');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(CLASSIC, 1);
    const props = propertiesForClient(template, CLASSIC, { Ref: logicalId(template, 'AWS::Cognito::UserPoolClient', 'LoginWeb') });
    expect(props.Logo).toEqual(STAGED);
    expect(props.Css).toBeUndefined();
  });

  test('refuses a per-client entry with neither css nor logo', () => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, LoginPages.classic({ css: ClassicCss.fromString(CSS), perClient: { Web: {} } })))
      .toThrow('Stack/Login: pages.perClient.Web "{}" is invalid: a css or a logo (or both); a client without an entry gets the pool-wide css and logo');
  });
});

describe('perClient keys', () => {
  test.each([
    ['managed login', LoginPages.managedLogin({ perClient: { Mobile: { useCognitoProvidedValues: true } } })],
    ['classic', LoginPages.classic({ perClient: { Mobile: { css: ClassicCss.fromString(CSS) } } })],
  ])('that name no client are refused at synth (%s)', (_name, pages) => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, pages);

    // WHEN
    addClients(login, 'Web', 'Admin');

    // THEN
    expect(() => Template.fromStack(stack))
      .toThrow('Stack/Login: pages.perClient "Mobile" is invalid: the id of a client of the login (added with addClient or addExistingClient, or a UserPoolClient on its pool in this app): Web, Admin');
  });

  test('are refused when the login has no client at all', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, LoginPages.managedLogin({ perClient: { Web: {} } }));

    // THEN
    expect(() => Template.fromStack(stack)).toThrow('pages.perClient "Web" is invalid: the id of a client of the login (added with addClient or addExistingClient, or a UserPoolClient on its pool in this app): (none)');
  });
});

describe('members of the other generation of pages', () => {
  test.each([
    ['a css in a managed login perClient entry', LoginPages.managedLogin({ perClient: { Web: { css: ClassicCss.fromString(CSS) } as any } }),
      'pages.perClient.Web.css', 'css and logo style the classic hosted UI: serve it with LoginPages.classic'],
    ['a logo in the managed login branding', LoginPages.managedLogin({ branding: { logo: logoImage(1) } as any }),
      'pages.branding.logo', 'LoginPages.classic'],
    ['css at the top of managed login options', LoginPages.managedLogin({ css: ClassicCss.fromString(CSS) } as any),
      'pages.css', 'LoginPages.classic'],
    ['a branding in classic options', LoginPages.classic({ branding: {} } as any),
      'pages.branding', 'style managed login: serve it with LoginPages.managedLogin'],
    ['assets in a classic perClient entry', LoginPages.classic({ perClient: { Web: { assets: [logoAsset(1)] } as any } }),
      'pages.perClient.Web.assets', 'LoginPages.managedLogin'],
  ])('are refused: %s', (_name, pages, prop, hint) => {
    // GIVEN
    const stack = testStack();

    // WHEN / THEN
    expect(() => newLogin(stack, pages)).toThrow(`Stack/Login: ${prop} "`);
    expect(() => newLogin(testStack(), pages)).toThrow(hint);
  });
});

describe('client ids', () => {
  test.each([
    [['Web', 'WebBranding'], 'id "WebBranding" is invalid: an id not yet used in this login'],
    [['WebBranding', 'Web'], 'id "Web" is invalid: an id not yet used in this login'],
  ])('that would collide with a page style are refused (%j)', (ids, message) => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);

    // WHEN / THEN
    expect(() => addClients(login, ...ids)).toThrow(message);
  });

  test('may not take the id of the pool-wide classic customization', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({ css: ClassicCss.fromString(CSS) }));

    // WHEN / THEN
    expect(() => addClients(login, 'ClassicCustomization')).toThrow('id "ClassicCustomization" is invalid');
  });
});

describe('standalone styles on the pool of a CognitoLogin', () => {
  test('a classic customization on a managed login pool is shown to be without effect', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    addClients(login, 'Web');

    // WHEN
    new ClassicLoginCustomization(stack, 'Classic', { userPool: login.userPool, css: ClassicCss.fromString(CSS) });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Classic', Match.stringLikeRegexp(
      'classic hosted-UI customization will not show: CognitoLogin Stack/Login serves managed login pages.*'
      + 'LoginPages.managedLogin.*cdk-cognito-login:classicCustomizationOnManagedLogin'));
  });

  test('a managed login style on a classic pool is shown to be without effect', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic());
    const [web] = addClients(login, 'Web');

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: login.userPool, client: web });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Branding', Match.stringLikeRegexp(
      'managed login style will not show: CognitoLogin Stack/Login serves the classic hosted UI.*'
      + 'LoginPages.classic.*cdk-cognito-login:managedLoginBrandingOnClassic'));
  });

  test('the warning comes whichever of the two is made first', () => {
    // GIVEN
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    new ClassicLoginCustomization(stack, 'Classic', { userPool: pool, logo: logoImage(1) });

    // WHEN
    newLogin(stack, LoginPages.managedLogin(), pool);

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Classic', Match.stringLikeRegexp('will not show: CognitoLogin Stack/Login'));
  });

  test('a style of the generation the login serves, on a client the login leaves alone, is fine', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({ perClient: { Web: { css: ClassicCss.fromString(CSS) } } }));
    const [, admin] = addClients(login, 'Web', 'Admin');

    // WHEN
    new ClassicLoginCustomization(stack, 'AdminPages', { userPool: login.userPool, client: admin, logo: logoImage(1) });

    // THEN
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('will not show'))).toEqual([]);
    Template.fromStack(stack).resourceCountIs(CLASSIC, 2);
  });

  test('a second style for a client the login already styles is refused', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack);
    const [web] = addClients(login, 'Web');

    // WHEN / THEN
    expect(() => new ManagedLoginBranding(stack, 'Branding', { userPool: login.userPool, client: web }))
      .toThrow(/^Stack\/Branding: client "Stack\/Login\/Web" is invalid: a client \(or ALL\) without a managed login style yet; Stack\/Login\/WebBranding already styles it.*perClient/);
  });

  test('a second pool-wide classic customization is refused', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, LoginPages.classic({ css: ClassicCss.fromString(CSS) }));

    // WHEN / THEN
    expect(() => new ClassicLoginCustomization(stack, 'All', { userPool: login.userPool, logo: logoImage(1) }))
      .toThrow('Stack/All: client "ALL" is invalid: a client (or ALL) without a classic hosted-UI customization yet; Stack/Login/ClassicCustomization already styles it');
  });
});

describe('imported pools', () => {
  test('a login on an imported pool styles its clients too', () => {
    // GIVEN
    const stack = testStack();
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI');
    const login = newLogin(stack, LoginPages.managedLogin(), pool);

    // WHEN
    addClients(login, 'Web');

    // THEN
    Template.fromStack(stack).hasResourceProperties(BRANDING, { UserPoolId: 'eu-west-1_AbCdEfGhI', UseCognitoProvidedValues: 'true' });
  });

  test('styles in two apps never count against each other, even for the same pool and client ids', () => {
    // GIVEN
    const styleImported = (stack: Stack) => new ManagedLoginBranding(stack, 'Branding', {
      userPool: cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI'),
      client: cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', '1example23456789'),
    });
    styleImported(testStack());

    // WHEN / THEN
    expect(() => styleImported(testStack())).not.toThrow();
  });

  test('two styles for one imported client in one app are refused', () => {
    // GIVEN
    const stack = testStack();
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'eu-west-1_AbCdEfGhI');
    new ManagedLoginBranding(stack, 'First', { userPool: pool, client: cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', '1example23456789') });

    // WHEN / THEN
    expect(() => new ManagedLoginBranding(stack, 'Second', {
      userPool: pool, client: cognito.UserPoolClient.fromUserPoolClientId(stack, 'SameClient', '1example23456789'),
    })).toThrow('Stack/Second: client "Stack/SameClient" is invalid: a client (or ALL) without a managed login style yet; Stack/First already styles it');
  });
});

describe('feature plan', () => {
  test('a styled managed login on a Lite pool is warned about', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.cognitoPrefix('acme-test'),
      userPoolProps: { featurePlan: cognito.FeaturePlan.LITE },
      pages: LoginPages.managedLogin({ perClient: { Web: { assets: [logoAsset(1)] } } }),
    }).addClient('Web', { callbackUrls: ['https://web.example.com/callback'] });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Login', Match.stringLikeRegexp(
      'settings or assets is a feature of the Essentials and Plus plans.*cdk-cognito-login:brandingOnLitePlan'));
  });

  test.each([
    ['Cognito\'s defaults on Lite', cognito.FeaturePlan.LITE, LoginPages.managedLogin()],
    ['a style on Essentials', cognito.FeaturePlan.ESSENTIALS, LoginPages.managedLogin({ branding: { assets: [logoAsset(1)] } })],
    ['classic pages on Lite', cognito.FeaturePlan.LITE, LoginPages.classic({ logo: logoImage(1) })],
  ])('%s is not warned about', (_name, featurePlan, pages) => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test'), userPoolProps: { featurePlan }, pages })
      .addClient('Web', { callbackUrls: ['https://web.example.com/callback'] });

    // THEN
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('brandingOnLitePlan'))).toEqual([]);
  });
});
