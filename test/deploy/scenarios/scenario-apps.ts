import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateManagedLoginBrandingCommand } from '@aws-sdk/client-cognito-identity-provider';
import { App, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { EXAMPLE_ASSETS } from '../../../examples/house-style';
import { RESOURCE_TYPES } from '../../../lambda/registry';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, ClassicCss, ClassicLoginCustomization, ClientMetadataDocumentsOptions,
  CognitoLogin, LoginDomain, LogoImage, ManagedLoginBranding,
} from '../../../src';
import { StandIn, StyleSnapshot } from '../../../standin';
import { sdkClients } from '../../../standin/services/sdk-clients';
import { resourcesOfType } from '../lifecycle-fixture';

/**
 * Small apps for the deployment scenarios, described as data so that a
 * scenario says what changes between two versions (a construct renamed, an
 * image swapped, a style moved to another stack) and nothing else.
 *
 * Every stack also holds `AfterStyles`, a custom resource of another type
 * (no behaviour in the runner) that depends on every style of its stack and
 * whose `Version` changes with every app version: it always gets an event
 * after the styles, so `failResource: AFTER_STYLES` rolls any deployment back
 * after the styles were applied.
 */

export const AFTER_STYLES = 'AfterStyles';

/** The environment of the client-metadata scenarios' stack. */
export const AGENTS_ENV = { account: '123456789012', region: 'eu-west-1' };

/**
 * The client-metadata scenarios' app: stack `Agents` with a login (pool
 * destroyed with the stack), its `Web` client, and, unless `agents` is
 * false, an `Agents` client with those metadata documents (none when
 * undefined). Returns the stack, for what a scenario adds before synth.
 */
export function agentsApp(
  outdir: string, domainPrefix: string, agents: ClientMetadataDocumentsOptions | undefined | false,
): { app: App; stack: Stack; login: CognitoLogin } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Agents', { env: AGENTS_ENV });
  const login = new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix(domainPrefix),
    userPoolProps: { removalPolicy: RemovalPolicy.DESTROY },
  });
  login.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
  if (agents !== false) {
    login.addClient('Agents', { callbackUrls: ['http://localhost:3000/callback'], clientMetadataDocuments: agents });
  }
  return { app, stack, login };
}
const ENV = { account: '123456789012', region: 'eu-west-1' };

export interface AssetSpec {
  readonly category: BrandingCategory;
  readonly colorMode: BrandingColorMode;
  readonly resourceId?: string;
  /** Makes the bytes differ: a new tag is a changed image. */
  readonly tag: string;
  /** Exact size in bytes (the PNG padded); @default the example logo plus the tag */
  readonly bytes?: number;
}

export interface LookSpec {
  /** Cognito's defaults (no settings, no assets). */
  readonly defaults?: boolean;
  /** The primary button color of the typed settings. @default '#ff9900' */
  readonly color?: string;
  readonly assets?: readonly AssetSpec[];
}

export interface PoolSpec {
  readonly id: string;
  readonly prefix: string;
  /** Managed login (version 2) or the classic hosted UI (version 1). */
  readonly managedLogin: boolean;
  readonly clients: readonly string[];
  /** @default 'Styles' */
  readonly stack?: string;
}

export interface StyleSpec {
  readonly id: string;
  readonly pool: string;
  readonly client: string;
  readonly look: LookSpec;
  /** @default the pool's stack */
  readonly stack?: string;
}

export interface ClassicSpec {
  readonly id: string;
  readonly pool: string;
  /** @default ALL */
  readonly client?: string;
  readonly css: string;
  /** A logo (the example logo plus this tag). */
  readonly logoTag?: string;
  readonly stack?: string;
}

export interface AppSpec {
  /** Changes with every version, so AfterStyles always gets an event. */
  readonly version: string;
  readonly pools: readonly PoolSpec[];
  readonly styles?: readonly StyleSpec[];
  readonly classic?: readonly ClassicSpec[];
  /** Stacks to make even when empty, in this order. */
  readonly stacks?: readonly string[];
  /** Changes to the synthesized stacks (a Lambda timeout, say). */
  readonly mutate?: (stack: Stack) => void;
}

const LOGO = fs.readFileSync(path.join(EXAMPLE_ASSETS, 'logo.png'));
const fileCache = new Map<string, string>();
let fileDir: string | undefined;

/** A PNG (the example logo, with the tag after it, padded to `bytes`): a distinct image per tag and size. */
export function pngFile(tag: string, bytes?: number): string {
  const key = `${tag}|${bytes ?? ''}`;
  let file = fileCache.get(key);
  if (!file) {
    fileDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-images-'));
    const tagged = Buffer.concat([LOGO, Buffer.from(`tag:${tag}`)]);
    const content = bytes === undefined ? tagged : Buffer.concat([tagged, Buffer.alloc(bytes - tagged.length, 0x20)]);
    file = path.join(fileDir, `${fileCache.size}.png`);
    fs.writeFileSync(file, content);
    fileCache.set(key, file);
  }
  return file;
}

/** The house style of the scenarios: header logo, light and dark backgrounds. */
export function houseAssets(tags: { logo?: string; light?: string; dark?: string | null } = {}): AssetSpec[] {
  return [
    { category: BrandingCategory.PAGE_HEADER_LOGO, colorMode: BrandingColorMode.DYNAMIC, tag: tags.logo ?? 'logo-1' },
    { category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.LIGHT, tag: tags.light ?? 'light-1' },
    ...(tags.dark === null ? [] : [{ category: BrandingCategory.PAGE_BACKGROUND, colorMode: BrandingColorMode.DARK, tag: tags.dark ?? 'dark-1' }]),
  ];
}

/**
 * A style made in the console, through the real SDK: its own color scheme and
 * a form logo (a slot the scenarios' styles do not declare, so a take-over
 * must delete and recreate it). Returns it as the stand-in holds it.
 */
export async function putConsoleStyle(standIn: StandIn, userPoolId: string, clientId: string, colorSchemeMode: 'LIGHT' | 'DARK'): Promise<StyleSnapshot> {
  await sdkClients(standIn, ENV.region).cognito.send(new CreateManagedLoginBrandingCommand({
    UserPoolId: userPoolId,
    ClientId: clientId,
    Settings: { categories: { global: { colorSchemeMode } } } as never,
    Assets: [{ Category: 'FORM_LOGO', ColorMode: 'LIGHT', Extension: 'PNG', Bytes: fs.readFileSync(pngFile('console')) }],
  }));
  return standIn.snapshot().pools[userPoolId].styles[clientId];
}

/** Synthesizes the app into a fresh temp dir; returns the assembly dir. */
export function synthScenario(spec: AppSpec): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-scenario-'));
  const app = new App({ outdir });
  const stacks = new Map<string, Stack>();
  const stackOf = (name: string) => {
    let stack = stacks.get(name);
    if (!stack) {
      stack = new Stack(app, name, { env: ENV });
      stacks.set(name, stack);
    }
    return stack;
  };
  (spec.stacks ?? []).forEach(stackOf);
  const pools = new Map<string, { pool: cognito.UserPool; clients: Map<string, cognito.UserPoolClient>; stack: string }>();
  for (const p of spec.pools) {
    const stackName = p.stack ?? 'Styles';
    const pool = new cognito.UserPool(stackOf(stackName), p.id, {
      selfSignUpEnabled: false,
      ...(p.managedLogin ? { featurePlan: cognito.FeaturePlan.ESSENTIALS } : {}),
    });
    pool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: p.prefix },
      managedLoginVersion: p.managedLogin ? cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN : cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI,
    });
    const clients = new Map(p.clients.map((name) => [name, pool.addClient(name, {
      oAuth: { flows: { authorizationCodeGrant: true }, callbackUrls: [`https://${name.toLowerCase()}.example.com/callback`] },
    })]));
    pools.set(p.id, { pool, clients, stack: stackName });
  }
  for (const s of spec.styles ?? []) {
    const p = pools.get(s.pool)!;
    const client = p.clients.get(s.client);
    if (!client) {
      throw new Error(`style ${s.id}: pool ${s.pool} has no client ${s.client}`);
    }
    new ManagedLoginBranding(stackOf(s.stack ?? p.stack), s.id, { userPool: p.pool, client, ...styleOptions(s.look) });
  }
  for (const c of spec.classic ?? []) {
    const p = pools.get(c.pool)!;
    new ClassicLoginCustomization(stackOf(c.stack ?? p.stack), c.id, {
      userPool: p.pool,
      ...(c.client === undefined ? {} : { client: p.clients.get(c.client)! }),
      css: ClassicCss.fromString(c.css),
      ...(c.logoTag === undefined ? {} : { logo: LogoImage.fromFile(pngFile(c.logoTag)) }),
    });
  }
  for (const stack of stacks.values()) {
    const after = new CfnResource(stack, AFTER_STYLES, {
      type: 'Custom::AfterStyles',
      properties: { ServiceToken: `arn:aws:lambda:${ENV.region}:${ENV.account}:function:after-styles`, Version: spec.version },
    });
    after.overrideLogicalId(AFTER_STYLES);
    for (const type of RESOURCE_TYPES.map((entry) => entry.type.resourceType)) {
      resourcesOfType(stack, type).forEach((style) => after.node.addDependency(style));
    }
    spec.mutate?.(stack);
  }
  app.synth();
  return outdir;
}

function styleOptions(look: LookSpec) {
  if (look.defaults) {
    return { useCognitoProvidedValues: true };
  }
  return {
    settings: BrandingSettings.fromOptions({
      colorScheme: BrandingColorMode.DYNAMIC,
      lightMode: { primaryButtonBackground: look.color ?? '#ff9900', primaryButtonText: '#232f3e' },
    }),
    assets: (look.assets ?? []).map((a) => BrandingAsset.fromFile(pngFile(a.tag, a.bytes), {
      category: a.category,
      colorMode: a.colorMode,
      ...(a.resourceId === undefined ? {} : { resourceId: a.resourceId }),
    })),
  };
}
