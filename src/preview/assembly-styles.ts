// Finds, in a stack of the assembly, the style of every client's login
// pages and reads what it is made of: the library's own custom resources
// (files staged as assets) and the CloudFormation resources
// AWS::Cognito::ManagedLoginBranding (assets base64 inside the template) and
// AWS::Cognito::UserPoolUICustomizationAttachment (classic CSS only).
import { AssemblyStack, TemplateResource } from './assembly';
import { PageClient, clientsOfPool, pageClient, poolOffersSignUp, refOf, sameValue } from './template-refs';
import { BrandingAssetProperties, MANAGED_LOGIN_BRANDING_TYPE, ManagedLoginBrandingProperties } from '../branding/private/branding-contract';
import { settingsOverDefaults } from '../branding/private/settings-document';
import { CLASSIC_CUSTOMIZATION_TYPE, ClassicCustomizationProperties } from '../classic/private/classic-contract';
import { appliedClassicCss } from '../classic/private/css-rules';
import { ALL_CLIENTS, S3FileRef } from '../private/custom-resource-contract';
import { Json } from '../private/json-path';

const L1_BRANDING_TYPE = 'AWS::Cognito::ManagedLoginBranding';
const L1_CLASSIC_TYPE = 'AWS::Cognito::UserPoolUICustomizationAttachment';

/** A managed login asset with its bytes. */
export interface PageAsset {
  readonly category: string;
  readonly colorMode: string;
  readonly resourceId?: string;
  readonly bytes: Buffer;
}

interface StyleBase {
  /** The stack's display name. */
  readonly stack: string;
  readonly client: PageClient;
  /** Whether the pages offer sign-up (the pool does not restrict it to administrators). */
  readonly signUp: boolean;
  /** The resource the style comes from: `<type> <logical id>`. */
  readonly source: string;
  /** What could not be read (a staged file missing from the assembly), for the page and the command's output. */
  readonly problems: string[];
}

/** The style of a client's managed login pages. */
export interface ManagedPageStyle extends StyleBase {
  readonly kind: 'managed';
  /** The Settings document merged over Cognito's defaults. */
  readonly settings: Json;
  readonly assets: PageAsset[];
}

/** The customization of a client's classic hosted-UI pages. */
export interface ClassicPageStyle extends StyleBase {
  readonly kind: 'classic';
  /** The client the customization was set for: the client itself, or ALL. */
  readonly customizedFor: string;
  readonly css?: string;
  readonly logo?: Buffer;
}

export type PageStyle = ManagedPageStyle | ClassicPageStyle;

/** Every client style of one stack, managed login styles first, each in template order. */
export function findPageStyles(stack: AssemblyStack): PageStyle[] {
  const resources = Object.entries(stack.template.Resources ?? {});
  const managed: PageStyle[] = [];
  const classic: Array<[string, TemplateResource]> = [];
  for (const [id, resource] of resources) {
    if (resource.Type === MANAGED_LOGIN_BRANDING_TYPE) {
      managed.push(ourBranding(stack, id, resource.Properties as ManagedLoginBrandingProperties));
    } else if (resource.Type === L1_BRANDING_TYPE) {
      managed.push(l1Branding(stack, id, resource.Properties ?? {}));
    } else if (resource.Type === CLASSIC_CUSTOMIZATION_TYPE || resource.Type === L1_CLASSIC_TYPE) {
      classic.push([id, resource]);
    }
  }
  return [...managed, ...classicStyles(stack, classic)];
}

function base(stack: AssemblyStack, id: string, type: string, props: { readonly [key: string]: any }, clientId: unknown): StyleBase {
  return {
    stack: stack.name,
    client: pageClient(stack.template, clientId),
    signUp: poolOffersSignUp(stack.template, props.UserPoolId),
    source: `${type} ${id}`,
    problems: [],
  };
}

function ourBranding(stack: AssemblyStack, id: string, props: ManagedLoginBrandingProperties): ManagedPageStyle {
  const style = base(stack, id, MANAGED_LOGIN_BRANDING_TYPE, props, props.ClientId);
  const read = (ref: S3FileRef, what: string) => {
    const file = stack.readFile(ref.Key);
    if ('problem' in file) {
      style.problems.push(`${what} (${ref.Key}) ${file.problem}`);
      return undefined;
    }
    return file.bytes;
  };
  const settingsFile = props.UseCognitoProvidedValues !== 'true' && props.Settings ? read(props.Settings, 'the Settings document') : undefined;
  const assets: PageAsset[] = [];
  for (const asset of props.UseCognitoProvidedValues === 'true' ? [] : props.Assets ?? []) {
    const bytes = read(asset, `the ${asset.Category} ${asset.ColorMode} asset`);
    if (bytes !== undefined) {
      assets.push(pageAsset(asset, bytes));
    }
  }
  return {
    ...style,
    kind: 'managed',
    settings: settingsOverDefaults(settingsFile ? JSON.parse(settingsFile.toString('utf8')) : {}),
    assets,
  };
}

function l1Branding(stack: AssemblyStack, id: string, props: { readonly [key: string]: any }): ManagedPageStyle {
  const style = base(stack, id, L1_BRANDING_TYPE, props, props.ClientId);
  const useDefaults = props.UseCognitoProvidedValues === true || props.UseCognitoProvidedValues === 'true';
  // The L1 takes Settings as an object; a string holding the JSON is read too.
  const settings = typeof props.Settings === 'string' ? JSON.parse(props.Settings) : props.Settings;
  const assets: PageAsset[] = [];
  for (const asset of useDefaults ? [] : (props.Assets ?? []) as Array<Omit<BrandingAssetProperties, keyof S3FileRef> & { Bytes?: unknown }>) {
    if (typeof asset.Bytes === 'string') {
      assets.push(pageAsset(asset, Buffer.from(asset.Bytes, 'base64')));
    } else {
      style.problems.push(`the ${asset.Category} ${asset.ColorMode} asset's Bytes are not a base64 string in the template`);
    }
  }
  return { ...style, kind: 'managed', settings: settingsOverDefaults(!useDefaults && isObject(settings) ? settings : {}), assets };
}

function pageAsset(asset: { Category: string; ColorMode: string; ResourceId?: string }, bytes: Buffer): PageAsset {
  return { category: asset.Category, colorMode: asset.ColorMode, resourceId: asset.ResourceId, bytes };
}

/** What a classic customization resource sets, whichever of the two types it is. */
interface ClassicDeclaration {
  readonly id: string;
  readonly type: string;
  readonly props: { readonly [key: string]: any };
  readonly css?: string;
  readonly logo?: Buffer;
  readonly problems: string[];
}

function classicDeclaration(stack: AssemblyStack, id: string, resource: TemplateResource): ClassicDeclaration {
  const props = resource.Properties ?? {};
  const problems: string[] = [];
  if (resource.Type === L1_CLASSIC_TYPE) {
    return { id, type: resource.Type, props, css: typeof props.CSS === 'string' ? props.CSS : undefined, problems };
  }
  const ours = props as ClassicCustomizationProperties;
  const read = (ref: S3FileRef | undefined, what: string) => {
    const file = ref ? stack.readFile(ref.Key) : undefined;
    if (ref && file !== undefined && 'problem' in file) {
      problems.push(`the ${what} (${ref.Key}) ${file.problem}`);
      return undefined;
    }
    return file !== undefined && 'bytes' in file ? file.bytes : undefined;
  };
  return { id, type: resource.Type, props, css: read(ours.Css, 'CSS')?.toString('utf8'), logo: read(ours.Logo, 'logo'), problems };
}

/**
 * One classic style per client of each customized pool: the client's own
 * customization, else the pool's ALL one ("A client with its own
 * customization no longer falls back to ALL"). A pool with only ALL and no
 * client with hosted pages in the stack (an imported pool, or clients that
 * register at run time) gets one page for ALL.
 */
function classicStyles(stack: AssemblyStack, resources: Array<[string, TemplateResource]>): ClassicPageStyle[] {
  const declarations = resources.map(([id, resource]) => classicDeclaration(stack, id, resource));
  const styles: ClassicPageStyle[] = [];
  const style = (declaration: ClassicDeclaration, clientId: unknown): ClassicPageStyle => ({
    ...base(stack, declaration.id, declaration.type, declaration.props, clientId),
    kind: 'classic',
    customizedFor: declaration.props.ClientId === ALL_CLIENTS ? ALL_CLIENTS : 'this client',
    // What Cognito applies: a property outside its class's list is not shown on its page.
    css: declaration.css === undefined ? undefined : appliedClassicCss(declaration.css),
    logo: declaration.logo,
    problems: [...declaration.problems],
  });
  for (const declaration of declarations) {
    if (declaration.props.ClientId !== ALL_CLIENTS) {
      styles.push(style(declaration, declaration.props.ClientId));
      continue;
    }
    const pool = declaration.props.UserPoolId;
    const ownStyle = (clientId: string) => declarations.some((d) => sameValue(d.props.UserPoolId, pool) && refOf(d.props.ClientId) === clientId);
    const clients = clientsOfPool(stack.template, pool);
    if (clients.length === 0) {
      styles.push(style(declaration, ALL_CLIENTS));
    }
    for (const client of clients.filter((c) => !ownStyle(c))) {
      styles.push(style(declaration, { Ref: client }));
    }
  }
  return styles;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
