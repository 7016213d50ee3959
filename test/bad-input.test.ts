import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { App, SecretValue, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  BrandingSettings, ClassicCss, ClassicCustomizationOptions, ClassicLoginCustomization, CognitoLogin,
  LoginDomain, LoginPages, LoginProvider, ManagedLoginBranding,
} from '../src';
import { ValidationError } from '../src/private/validate';

/**
 * Bad input as users write it, and what synth answers. Each row builds a
 * stack from plain JavaScript (a value TypeScript would stop is cast through
 * `any`, as a Python, Java or Go user can still send it) and names the
 * fragments the message must hold: the property, the value, and what is
 * allowed or the factory to call. Every answer is a ValidationError, never a
 * JavaScript TypeError such as `props.domain._bind is not a function`.
 */

/** A stack named `Stack`, so every message starts with `Stack/...`. */
function stack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
}

const PREFIX = LoginDomain.cognitoPrefix('acme-bad-input');
const CALLBACK = 'https://app.example.com/callback';

/** A login with one client, its pages and providers as given. */
function login(props: { pages?: LoginPages; identityProviders?: LoginProvider[] } = {}): CognitoLogin {
  const created = new CognitoLogin(stack(), 'Login', { domain: PREFIX, ...props });
  created.addClient('Web', { callbackUrls: [CALLBACK] });
  return created;
}

/** A pool with one client, and a second pool: the client belongs to the first. */
function twoPools(): { stack: Stack; pool: cognito.UserPool; other: cognito.UserPool; client: cognito.UserPoolClient } {
  const scope = stack();
  const pool = new cognito.UserPool(scope, 'Pool');
  const other = new cognito.UserPool(scope, 'OtherPool');
  return { stack: scope, pool, other, client: other.addClient('Client') };
}

/** A classic customization of a new pool's pages, with the given CSS and logo. */
function classic(options: ClassicCustomizationOptions): ClassicLoginCustomization {
  const scope = stack();
  return new ClassicLoginCustomization(scope, 'Classic', { userPool: new cognito.UserPool(scope, 'Pool'), ...options });
}

/** A file of the given content in a fresh temporary directory. */
function file(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bad-input-'));
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
}

/** A certificate a custom domain accepts (us-east-1). */
function usEast1Certificate(scope: Stack): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(scope, 'Certificate', 'arn:aws:acm:us-east-1:123456789012:certificate/abc');
}

const GOOGLE_SECRET = SecretValue.secretsManager('acme/google');

type Row = [description: string, build: () => unknown, fragments: string[]];

const BAD_INPUT: Row[] = [
  // Pasted values: Cognito compares redirect URLs exactly and refuses white space in them; an IdP compares its client id exactly.
  ['a callback URL pasted with a trailing space',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX }).addClient('Web', { callbackUrls: [`${CALLBACK} `] }),
    ['Stack/Login: Web.callbackUrls[0]', `"${CALLBACK} "`, 'no white space before or after it']],
  ['a logout URL pasted with a line break before it',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX }).addClient('Web', { callbackUrls: [CALLBACK], logoutUrls: ['\nhttps://app.example.com/'] }),
    ['Stack/Login: Web.logoutUrls[0]', '"\\nhttps://app.example.com/"', 'no white space before or after it']],
  // Clients: a hosted-pages client without callback URLs, a machine client without scopes or with a scope given as a string.
  ['a client with neither callback URLs nor disableOAuth',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX }).addClient('Web', {} as any),
    ['Stack/Login: Web.callbackUrls', 'at least one URL', 'clientProps.disableOAuth: true']],
  ['a client with callback URLs and disableOAuth',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX }).addClient('Web', { callbackUrls: [CALLBACK], clientProps: { disableOAuth: true } }),
    ['Stack/Login: Web.callbackUrls', `"[\"${CALLBACK}\"]"`, 'absent with Web.clientProps.disableOAuth']],
  ['a machine client without scopes',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX }).addMachineClient('Worker', {} as any),
    ['Stack/Login: Worker.scopes', 'at least one scope', 'none: declare one in resourceServers']],
  ['a machine client with a scope given as a string',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX, resourceServers: [{ identifier: 'api', scopes: [{ name: 'read', description: 'Read' }] }] })
      .addMachineClient('Worker', { scopes: ['api/read'] as any }),
    ['Stack/Login: Worker.scopes[0] "api/read"', 'an OAuthScope: login.resourceServerScope(identifier, name)']],
  ['a Google client id pasted with a trailing space',
    () => login({ identityProviders: [LoginProvider.google({ clientId: 'xyz.apps.googleusercontent.com ', clientSecret: GOOGLE_SECRET })] }),
    ['Stack/Login: identityProviders[0].clientId', '"xyz.apps.googleusercontent.com "', 'no white space before or after it']],
  ['an OIDC client id pasted with a tab before it',
    () => login({
      identityProviders: [LoginProvider.oidc({
        name: 'Okta', clientId: '\t0oa1b2c3', clientSecret: SecretValue.secretsManager('acme/okta'), issuerUrl: 'https://acme.okta.com',
      })],
    }),
    ['Stack/Login: identityProviders[0].clientId', '0oa1b2c3', 'no white space before or after it']],
  ['an OIDC issuer URL pasted with a trailing space',
    () => login({
      identityProviders: [LoginProvider.oidc({
        name: 'Okta', clientId: '0oa1b2c3', clientSecret: SecretValue.secretsManager('acme/okta'), issuerUrl: 'https://acme.okta.com ',
      })],
    }),
    ['Stack/Login: identityProviders[0].issuerUrl', '"https://acme.okta.com "', 'no white space before or after it']],
  ['an Apple services id pasted with a line break after it',
    () => login({
      identityProviders: [LoginProvider.apple({
        servicesId: 'com.acme.signin\n', teamId: 'TEAM123456', keyId: 'KEY1234567', privateKey: SecretValue.secretsManager('acme/apple'),
      })],
    }),
    ['Stack/Login: identityProviders[0].servicesId', '"com.acme.signin\\n"', 'no white space before or after it']],

  // A color given as an image: url() is never a color.
  ['classic CSS with url() as a background color',
    () => classic({ css: ClassicCss.fromString('.background-customizable { background-color: url(https://cdn.example.com/bg.png); }') }),
    ['Stack/Classic: css', 'line 1, column 46', '"background-color"', 'url(', 'a color such as #ff9900']],
  ['classic pages whose CSS gives a label url() as its color',
    () => login({ pages: LoginPages.classic({ css: ClassicCss.fromString('.label-customizable {\n  color: url("x.png");\n}\n') }) }),
    ['Stack/Login/ClassicCustomization: css', 'line 2, column 10', '"color"', 'a color such as #ff9900']],
  ['branding options with url() as a color (refused before this table)',
    () => login({ pages: LoginPages.managedLogin({ branding: { settings: BrandingSettings.fromOptions({ lightMode: { pageBackground: 'url(bg.png)' } }) } }) }),
    ['settings.lightMode.pageBackground', '"url(bg.png)"', 'a hex color']],
  ['a branding Settings document with url() as a color (refused before this table)',
    () => login({
      pages: LoginPages.managedLogin({
        branding: { settings: BrandingSettings.fromJson({ components: { pageBackground: { lightMode: { color: 'url(bg.png)' } } } }) },
      }),
    }),
    ['settings.components.pageBackground.lightMode.color', '"url(bg.png)"', 'a color as 8 hex digits']],

  // A stylesheet with nothing in it.
  ['an empty stylesheet',
    () => classic({ css: ClassicCss.fromString('') }),
    ['Stack/Classic: css ""', 'at least one rule', 'leave css out']],
  ['a stylesheet file with only white space and a comment',
    () => login({ pages: LoginPages.classic({ css: ClassicCss.fromFile(file('login.css', '\n/* TODO: brand colors */\n\n')) }) }),
    ['Stack/Login/ClassicCustomization: css', 'login.css"', 'at least one rule', 'leave css out']],

  // A style for a client of another pool: Cognito would look for the client in the style's pool, and not find it.
  ['a managed login style whose client belongs to another pool',
    () => {
      const { stack: scope, pool, client } = twoPools();
      new ManagedLoginBranding(scope, 'Branding', { userPool: pool, client });
    },
    ['Stack/Branding: client "Stack/OtherPool/Client"', 'a client of the user pool Stack/Pool', 'belongs to Stack/OtherPool']],
  ['a classic customization whose client belongs to another pool',
    () => {
      const { stack: scope, pool, client } = twoPools();
      new ClassicLoginCustomization(scope, 'Classic', { userPool: pool, client, css: ClassicCss.fromString('.label-customizable { color: #000000; }') });
    },
    ['Stack/Classic: client "Stack/OtherPool/Client"', 'a client of the user pool Stack/Pool', 'belongs to Stack/OtherPool']],
  ['a client of another pool given to addExistingClient',
    () => {
      const created = new CognitoLogin(stack(), 'Login', { domain: PREFIX });
      const other = new cognito.UserPool(created, 'OtherPool');
      created.addExistingClient('Mobile', other.addClient('Client'));
    },
    ['Stack/Login: client "Stack/Login/OtherPool/Client"', 'a client of the user pool Stack/Login/UserPool', 'belongs to Stack/Login/OtherPool']],
  ['a style whose pool and client are pools imported by different ids',
    () => {
      const scope = stack();
      const pool = cognito.UserPool.fromUserPoolId(scope, 'Pool', 'eu-west-1_AAAAAAAAA');
      const client = new cognito.UserPoolClient(scope, 'Client', { userPool: cognito.UserPool.fromUserPoolId(scope, 'Other', 'eu-west-1_BBBBBBBBB') });
      new ManagedLoginBranding(scope, 'Branding', { userPool: pool, client });
    },
    ['Stack/Branding: client "Stack/Client"', 'a client of the user pool eu-west-1_AAAAAAAAA', 'belongs to eu-west-1_BBBBBBBBB']],

  // An enum value in another service's spelling: CloudFront names the same TLS policy TLSv1.2_2021.
  ['a custom domain TLS policy in CloudFront\'s spelling',
    () => {
      const scope = stack();
      const certificate = usEast1Certificate(scope);
      new CognitoLogin(scope, 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate, securityPolicy: 'TLSv1.2_2021' as any }) });
    },
    ['Stack/Login: domain.customDomain.securityPolicy "TLSv1.2_2021"', 'one of "TLS_V1_3_2025", "TLS_V1_2_2021", "TLS_V1"']],

  // Required members a Go user (or plain JavaScript) can leave out.
  ['a custom domain without a certificate',
    () => new CognitoLogin(stack(), 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com' } as any) }),
    ['Stack/Login: domain.customDomain.certificate "undefined"', 'an ACM certificate in us-east-1', 'acm.Certificate.fromCertificateArn']],
  ['a custom domain without a domain name',
    () => {
      const scope = stack();
      const certificate = usEast1Certificate(scope);
      new CognitoLogin(scope, 'Login', { domain: LoginDomain.custom({ certificate } as any) });
    },
    ['Stack/Login: domain.customDomain.domainName "undefined"', 'a fully qualified lowercase domain name']],
  ['a login without a domain',
    () => new CognitoLogin(stack(), 'Login', {} as any),
    ['Stack/Login: domain "undefined"', 'a LoginDomain', 'LoginDomain.cognitoPrefix(']],

  // A plain object (or a string) where one of the library's classes is expected: each names its factories.
  ['a plain object as the domain',
    () => new CognitoLogin(stack(), 'Login', { domain: { cognitoPrefix: 'acme' } as any }),
    ['Stack/Login: domain "{"cognitoPrefix":"acme"}"', 'a LoginDomain', 'LoginDomain.cognitoPrefix(', 'LoginDomain.custom(', 'got a plain object']],
  ['a plain object as the pages',
    () => login({ pages: { branding: {} } as any }),
    ['Stack/Login: pages "{"branding":{}}"', 'a LoginPages', 'LoginPages.managedLogin(', 'LoginPages.classic(']],
  ['a plain object as an identity provider',
    () => login({ identityProviders: [{ providerName: 'Google', clientId: 'xyz' } as any] }),
    ['Stack/Login: identityProviders[0]', 'a LoginProvider', 'LoginProvider.google(', 'LoginProvider.oidc(']],
  ['a plain object as the account linking',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX, accountLinking: { createNativeUser: true } as any }),
    ['Stack/Login: accountLinking "{"createNativeUser":true}"', 'an AccountLinking', 'AccountLinking.byVerifiedEmail(']],
  ['a replica without its Region, with an ARN string as the key and a string as the switch (from JavaScript)',
    () => new CognitoLogin(stack(), 'Login', { domain: PREFIX, replica: { key: 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1', active: 'yes' } as any }),
    ['Stack/Login: 3 invalid values', 'replica.region "undefined"', 'a Region name known at synth', 'replica.key "arn:aws:kms', 'a kms.IKey',
      'replica.active "yes"', 'true or false']],
  ['the options of BrandingSettings.fromOptions given as the settings',
    () => login({ pages: LoginPages.managedLogin({ branding: { settings: { lightMode: { pageBackground: '#ffffff' } } as any } }) }),
    ['Stack/Login: pages.branding.settings', 'a BrandingSettings', 'BrandingSettings.fromOptions(', 'BrandingSettings.fromFile(']],
  ['a plain object as a branding asset of one client',
    () => login({ pages: LoginPages.managedLogin({ perClient: { Web: { assets: [{ category: 'FORM_LOGO', colorMode: 'LIGHT' } as any] } } }) }),
    ['Stack/Login: pages.perClient.Web.assets[0]', 'a BrandingAsset', 'BrandingAsset.fromFile(', 'BrandingAsset.fromBase64(']],
  ['a plain object as the asset of a standalone style',
    () => {
      const { stack: scope, other, client } = twoPools();
      new ManagedLoginBranding(scope, 'Branding', { userPool: other, client, assets: [{ file: 'logo.png' } as any] });
    },
    ['Stack/Branding: assets[0] "{"file":"logo.png"}"', 'a BrandingAsset', 'BrandingAsset.fromFile(']],
  ['CSS text where a ClassicCss is expected',
    () => classic({ css: '.label-customizable { color: #000000; }' as any }),
    ['Stack/Classic: css ".label-customizable { color: #000000; }"', 'a ClassicCss', 'ClassicCss.fromString(', 'ClassicCss.fromFile(', 'got a string']],
  ['a file name where a LogoImage is expected, for one client',
    () => login({ pages: LoginPages.classic({ perClient: { Web: { logo: 'logo.png' as any } } }) }),
    ['Stack/Login: pages.perClient.Web.logo "logo.png"', 'a LogoImage', 'LogoImage.fromFile(', 'LogoImage.fromBase64(']],
];

describe('bad input is refused at synth with a message naming the property, the value and what to give instead', () => {
  test.each(BAD_INPUT)('%s', (_description, build, fragments) => {
    // GIVEN / WHEN
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }

    // THEN
    expect(error).toBeInstanceOf(ValidationError);
    for (const fragment of fragments) {
      expect((error as Error).message).toContain(fragment);
    }
  });

  test('every misplaced class of one login is reported in one error', () => {
    // GIVEN
    const props = {
      domain: { cognitoPrefix: 'acme' },
      pages: LoginPages.classic({ css: '.label-customizable { color: #000000; }' as any }),
      identityProviders: [{ providerName: 'Google' }],
    } as any;

    // WHEN / THEN
    expect(() => new CognitoLogin(stack(), 'Login', props)).toThrow(/^Stack\/Login: 3 invalid values\n {2}- domain .*\n {2}- pages\.css .*\n {2}- identityProviders\[0\] /);
  });
});

describe('what looks alike but is fine is still accepted', () => {
  test('a style for a client of its own pool, of a pool imported by the same id, or of a client known only by its id', () => {
    // GIVEN
    const scope = stack();
    const pool = new cognito.UserPool(scope, 'Pool');
    const imported = cognito.UserPool.fromUserPoolId(scope, 'Imported', 'eu-west-1_AAAAAAAAA');
    const sameId = new cognito.UserPoolClient(scope, 'SameId', { userPool: cognito.UserPool.fromUserPoolId(scope, 'Again', 'eu-west-1_AAAAAAAAA') });

    // WHEN
    new ManagedLoginBranding(scope, 'Own', { userPool: pool, client: pool.addClient('Web') });
    new ManagedLoginBranding(scope, 'SameIdBranding', { userPool: imported, client: sameId });
    new ManagedLoginBranding(scope, 'ByIdBranding', { userPool: pool, client: cognito.UserPoolClient.fromUserPoolClientId(scope, 'ById', 'abc123') });
    // A pool made here and a client of a pool imported by id: the imported one may be this pool, deployed before.
    new ManagedLoginBranding(scope, 'Unknowable', {
      userPool: pool, client: new cognito.UserPoolClient(scope, 'Elsewhere', { userPool: cognito.UserPool.fromUserPoolId(scope, 'Deployed', 'eu-west-1_CCCCCCCCC') }),
    });

    // THEN
    Template.fromStack(scope).resourceCountIs('Custom::CognitoManagedLoginBranding', 4);
  });

  test('CSS with comments around its rules, colors as functions, and URLs and client ids without white space', () => {
    // GIVEN
    const scope = stack();
    const created = new CognitoLogin(scope, 'Login', {
      domain: PREFIX,
      pages: LoginPages.classic({ css: ClassicCss.fromString('/* brand */\n.label-customizable { color: rgb(9 114 211); }\n/* end */') }),
      identityProviders: [LoginProvider.google({ clientId: 'xyz.apps.googleusercontent.com', clientSecret: GOOGLE_SECRET })],
    });

    // WHEN
    created.addClient('Web', { callbackUrls: [CALLBACK, 'myapp://callback'], logoutUrls: ['https://app.example.com/'] });

    // THEN
    Template.fromStack(scope).hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: [CALLBACK, 'myapp://callback'] });
  });
});
