/**
 * The same Cognito sign-in built the ways a user can build it: with this
 * library, and with what aws-cdk-lib offers without it (L2s, the L1
 * CfnManagedLoginBranding with images inline as base64, and the
 * AwsCustomResource + setUICustomization workaround posted on aws-cdk
 * issue 6953 for the classic logo).
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as cr from 'aws-cdk-lib/custom-resources';
import { BrandingImages, newStack, synth, tempDir } from './fixtures';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, BrandingStyleOptions, ClassicCss,
  ClassicLoginCustomization, CognitoLogin, LoginDomain, LoginPages, LoginProvider, LogoImage, ManagedLoginBranding,
} from '../../src';

export const CSS = '.submitButton-customizable { background-color: #ff9900; color: #232f3e; }\n'
  + '.banner-customizable { background-color: #232f3e; }\n';

/** The branding, the library's way: typed settings and three files staged as S3 assets. */
export function ourBranding(images: BrandingImages): BrandingStyleOptions {
  return {
    settings: BrandingSettings.fromOptions({ lightMode: { primaryButtonBackground: '#ff9900', pageBackground: '#fafafa' } }),
    assets: [
      BrandingAsset.fromFile(images.logo, { category: BrandingCategory.PAGE_HEADER_LOGO, colorMode: BrandingColorMode.LIGHT }),
      BrandingAsset.fromFile(images.background, { category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.LIGHT }),
      BrandingAsset.fromFile(images.favicon, { category: BrandingCategory.FAVICON_ICO, colorMode: BrandingColorMode.DYNAMIC }),
    ],
  };
}

/**
 * A JSON file holding the Settings document the library sends for
 * ourBranding (read back from a synthesized stack), so the L1 carries exactly
 * the same style inline: with assets, Cognito wants a Settings document
 * rather than UseCognitoProvidedValues.
 */
export function settingsFile(images: BrandingImages): string {
  const { stack, pool, clients } = basePool(1, cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN);
  new ManagedLoginBranding(stack, 'Branding0', { userPool: pool, client: clients[0], ...ourBranding(images) });
  const assembly = synth(stack);
  const template = assembly.getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties: any }> };
  const props = Object.values(template.Resources).find((r) => r.Type === 'Custom::CognitoManagedLoginBranding')!.Properties;
  const file = path.join(tempDir('settings'), 'settings.json');
  writeFileSync(file, readFileSync(path.join(assembly.directory, `asset.${props.Settings.Key}`)));
  return file;
}

/** What a hand-written app does to inline its style: read the settings file and the images, encode the images. */
function inlineStyle(images: BrandingImages, settingsPath: string) {
  const b64 = (file: string) => readFileSync(file).toString('base64');
  return {
    settings: JSON.parse(readFileSync(settingsPath, 'utf8')) as object,
    assets: [
      { category: 'PAGE_HEADER_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: b64(images.logo) },
      { category: 'PAGE_BACKGROUND', colorMode: 'LIGHT', extension: 'PNG', bytes: b64(images.background) },
      { category: 'FAVICON_ICO', colorMode: 'DYNAMIC', extension: 'ICO', bytes: b64(images.favicon) },
    ],
  };
}

/** A pool, its prefix domain and `clients` plain app clients: what every branding alternative styles. */
export function basePool(clients: number, version: cognito.ManagedLoginVersion) {
  const stack = newStack();
  const pool = new cognito.UserPool(stack, 'Pool', { featurePlan: cognito.FeaturePlan.ESSENTIALS });
  const domain = pool.addDomain('Domain', { cognitoDomain: { domainPrefix: 'acme-bench' }, managedLoginVersion: version });
  const list = Array.from({ length: clients }, (_, c) => pool.addClient(`Client${c}`));
  return { stack, pool, domain, clients: list };
}

/** One branding alternative applied to every client of a base pool. */
export interface BrandingAlternative {
  readonly name: string;
  /** @param settingsPath the file settingsFile wrote */
  readonly build: (clients: number, images: BrandingImages, settingsPath: string) => Stack;
}

export const OURS_MANAGED: BrandingAlternative = {
  name: 'ours: ManagedLoginBranding (S3 assets)',
  build: (n, images) => {
    const { stack, pool, clients } = basePool(n, cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN);
    clients.forEach((client, c) => new ManagedLoginBranding(stack, `Branding${c}`, { userPool: pool, client, ...ourBranding(images) }));
    return stack;
  },
};

export const L1_MANAGED: BrandingAlternative = {
  name: 'L1 CfnManagedLoginBranding (base64 inline)',
  build: (n, images, settingsPath) => {
    const { stack, pool, domain, clients } = basePool(n, cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN);
    const { settings, assets } = inlineStyle(images, settingsPath);
    clients.forEach((client, c) => {
      const style = new cognito.CfnManagedLoginBranding(stack, `Branding${c}`, {
        userPoolId: pool.userPoolId,
        clientId: client.userPoolClientId,
        useCognitoProvidedValues: false,
        settings,
        assets,
      });
      style.node.addDependency(domain);
    });
    return stack;
  },
};

export const OURS_CLASSIC: BrandingAlternative = {
  name: 'ours: ClassicLoginCustomization (logo from S3)',
  build: (n, images) => {
    const { stack, pool, clients } = basePool(n, cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
    clients.forEach((client, c) => new ClassicLoginCustomization(stack, `Classic${c}`, {
      userPool: pool, client, css: ClassicCss.fromString(CSS), logo: LogoImage.fromFile(images.logo),
    }));
    return stack;
  },
};

/** The aws-cdk issue 6953 workaround: AwsCustomResource calling setUICustomization, the logo inline as base64. */
export const AWS_CUSTOM_RESOURCE_CLASSIC: BrandingAlternative = {
  name: 'AwsCustomResource + setUICustomization (logo base64 inline)',
  build: (n, images) => {
    const { stack, pool, domain, clients } = basePool(n, cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
    const logo = readFileSync(images.logo).toString('base64');
    clients.forEach((client, c) => {
      const call: cr.AwsSdkCall = {
        service: 'CognitoIdentityServiceProvider',
        action: 'setUICustomization',
        parameters: { UserPoolId: pool.userPoolId, ClientId: client.userPoolClientId, CSS, ImageFile: logo },
        physicalResourceId: cr.PhysicalResourceId.of(`ui-customization-${c}`),
      };
      const custom = new cr.AwsCustomResource(stack, `Classic${c}`, {
        onCreate: call,
        onUpdate: call,
        policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [pool.userPoolArn] }),
        installLatestAwsSdk: false,
      });
      custom.node.addDependency(domain);
    });
    return stack;
  },
};

// ---------------------------------------------------------------------------
// The full sign-in of the synth benchmarks: two providers, a resource server,
// `clients` app clients (every third a confidential server client using the
// resource server's scope) and the managed login branding on each.

const GOOGLE_CLIENT_ID = '1234567890-abc.apps.googleusercontent.com';
const SAML_METADATA = 'https://idp.example.com/saml/metadata.xml';
const clientId = (i: number) => (i % 3 === 2 ? `Server${i}` : `Web${i}`);
const callbackUrl = (i: number) => `https://app${i}.example.com/callback`;

/** The sign-in with CognitoLogin. */
export function loginWithLibrary(clients: number, images: BrandingImages): Stack {
  const stack = newStack();
  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-bench'),
    pages: LoginPages.managedLogin({ branding: ourBranding(images) }),
    identityProviders: [
      LoginProvider.google({ clientId: GOOGLE_CLIENT_ID, clientSecret: SecretValue.secretsManager('bench/google') }),
      LoginProvider.saml({ name: 'Corp', metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(SAML_METADATA) }),
    ],
    resourceServers: [{ identifier: 'api', scopes: [{ name: 'read', description: 'Read orders' }] }],
  });
  for (let i = 0; i < clients; i++) {
    const server = i % 3 === 2;
    login.addClient(clientId(i), {
      callbackUrls: [callbackUrl(i)],
      ...(server ? { generateSecret: true, scopes: [cognito.OAuthScope.OPENID, login.resourceServerScope('api', 'read')] } : {}),
    });
  }
  return stack;
}

/**
 * The same resources by hand with aws-cdk-lib (the best a user can do
 * without the library): the L2 pool with the same settings, domain,
 * providers, resource server and clients with their dependencies and sign-in
 * outputs, and the L1 branding with the same Settings document and the images
 * inline as base64.
 */
export function loginByHand(clients: number, images: BrandingImages, settingsPath: string): Stack {
  const stack = newStack();
  const pool = new cognito.UserPool(stack, 'UserPool', {
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    passwordPolicy: {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    autoVerify: { email: true },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    mfa: cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { sms: false, otp: true },
    featurePlan: cognito.FeaturePlan.ESSENTIALS,
  });
  const domain = pool.addDomain('Domain', {
    cognitoDomain: { domainPrefix: 'acme-bench' },
    managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
  });
  const google = new cognito.UserPoolIdentityProviderGoogle(stack, 'ProviderGoogle', {
    userPool: pool,
    clientId: GOOGLE_CLIENT_ID,
    clientSecretValue: SecretValue.secretsManager('bench/google'),
    scopes: ['openid', 'email', 'profile'],
    attributeMapping: { email: cognito.ProviderAttribute.GOOGLE_EMAIL, emailVerified: cognito.ProviderAttribute.GOOGLE_EMAIL_VERIFIED },
  });
  const saml = new cognito.UserPoolIdentityProviderSaml(stack, 'ProviderCorp', {
    userPool: pool, name: 'Corp', metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(SAML_METADATA),
  });
  const api = new cognito.UserPoolResourceServer(stack, 'ResourceServerapi', {
    userPool: pool,
    identifier: 'api',
    userPoolResourceServerName: 'api',
    scopes: [new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read orders' })],
  });
  const { settings, assets } = inlineStyle(images, settingsPath);
  for (let i = 0; i < clients; i++) {
    const id = clientId(i);
    const server = i % 3 === 2;
    const client = new cognito.UserPoolClient(stack, id, {
      userPool: pool,
      userPoolClientName: id,
      generateSecret: server,
      preventUserExistenceErrors: true,
      supportedIdentityProviders: ['Google', 'Corp', 'COGNITO'].map((name) => cognito.UserPoolClientIdentityProvider.custom(name)),
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        callbackUrls: [callbackUrl(i)],
        scopes: server
          ? [cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('api/read')]
          : [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      },
    });
    client.node.addDependency(google, saml);
    if (server) client.node.addDependency(api);
    const style = new cognito.CfnManagedLoginBranding(stack, `${id}Branding`, {
      userPoolId: pool.userPoolId, clientId: client.userPoolClientId, useCognitoProvidedValues: false, settings, assets,
    });
    style.node.addDependency(domain);
    new CfnOutput(stack, `${id}SignInUrl`, {
      value: domain.signInUrl(client, { redirectUri: encodeURIComponent(callbackUrl(i)), signInPath: '/oauth2/authorize' }),
      description: `Sign-in URL of the ${id} app client`,
    });
  }
  return stack;
}
