import COGNITO_DEFAULT_SETTINGS from './cognito-default-settings.json';
import { CognitoState, ManagedLoginStyle, slotKey, StoredAsset, UserPool } from './cognito-state';
import { isOfFormat } from './image-formats';
import { requireDomain } from './pool-checks';
import { Prng } from './prng';
import { invalidParameter, resourceNotFound, ServiceError } from './service-error';
/**
 * Cognito's own default Settings document, as the API reference prints it: the
 * Settings of DescribeManagedLoginBrandingByClient's Sample Response (merged
 * resources), https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBrandingByClient.html
 */

/**
 * The five managed login branding operations, with the semantics the model
 * does not carry (each rule and its source: standin/README.md): one style per
 * client, Create needs Settings or UseCognitoProvidedValues, Update is a
 * patch, Describe omits unset Settings and always returns Assets, the 2 MB
 * request limit.
 */

/**
 * Create and Update: "This operation has a 2-megabyte request-size limit".
 * Measured on the HTTP body as sent (the assets' base64 included) and read as
 * 2,000,000 bytes, the stricter reading. The docs name no error code for it;
 * InvalidParameterException is what both operations list for a refused
 * request, so the stand-in answers that.
 */
export const MAX_BRANDING_REQUEST_BYTES = 2_000_000;

/** AssetListType's maximum: an Update's patch may not grow a style beyond it either. */
const MAX_ASSETS = 40;

interface WireAsset {
  readonly Category: string;
  readonly ColorMode: string;
  readonly Extension: string;
  readonly Bytes?: string;
  readonly ResourceId?: string;
}

export interface BrandingInput {
  readonly UserPoolId: string;
  readonly ClientId?: string;
  readonly ManagedLoginBrandingId?: string;
  readonly UseCognitoProvidedValues?: boolean;
  readonly Settings?: unknown;
  readonly Assets?: WireAsset[];
  readonly ReturnMergedResources?: boolean;
}

export class BrandingStore {
  constructor(private readonly cognito: CognitoState, private readonly prng: Prng) {}

  create(input: BrandingInput, requestBytes: number): object {
    checkRequestSize(requestBytes);
    const pool = this.cognito.pool(input.UserPoolId);
    this.cognito.client(pool, input.ClientId!);
    requireDomain(pool);
    if (findByClient(pool, input.ClientId!)) {
      throw new ServiceError('ManagedLoginBrandingExistsException', `Managed login branding already exists for client ${input.ClientId}.`);
    }
    const useDefaults = checkContentOptions(input);
    if (!useDefaults && input.Settings === undefined) {
      throw invalidParameter('Settings are required when UseCognitoProvidedValues is not true.');
    }
    const settings = checkSettings(input.Settings);
    const now = new Date();
    const style: ManagedLoginStyle = {
      id: this.prng.uuid(),
      clientId: input.ClientId!,
      useCognitoProvidedValues: useDefaults,
      settings,
      assets: new Map(decodeAssets(input.Assets ?? []).map((asset) => [slotKey(asset), asset])),
      creationDate: now,
      lastModifiedDate: now,
    };
    pool.styles.set(style.id, style);
    return { ManagedLoginBranding: render(pool, style, false) };
  }

  /** A patch: given Settings replace the Settings, a new asset slot is added, an existing one replaced, the rest kept. */
  update(input: BrandingInput, requestBytes: number): object {
    checkRequestSize(requestBytes);
    const pool = this.cognito.pool(input.UserPoolId);
    requireDomain(pool);
    const style = findById(pool, input.ManagedLoginBrandingId!);
    const useDefaults = checkContentOptions(input);
    const settings = checkSettings(input.Settings);
    const assets = decodeAssets(input.Assets ?? []);
    const slots = new Set([...style.assets.keys(), ...assets.map(slotKey)]);
    if (slots.size > MAX_ASSETS) {
      throw invalidParameter(`A style can hold at most ${MAX_ASSETS} assets; this update would leave ${slots.size}.`);
    }
    if (useDefaults) {
      // "Reverts to default style options that are managed by Amazon Cognito."
      style.useCognitoProvidedValues = true;
      style.settings = undefined;
      style.assets.clear();
    } else {
      if (input.UseCognitoProvidedValues === false || settings !== undefined || assets.length > 0) {
        style.useCognitoProvidedValues = false;
      }
      if (settings !== undefined) {
        style.settings = settings;
      }
      for (const asset of assets) {
        style.assets.set(slotKey(asset), asset);
      }
    }
    style.lastModifiedDate = new Date();
    return { ManagedLoginBranding: render(pool, style, false) };
  }

  delete(input: BrandingInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const style = findById(pool, input.ManagedLoginBrandingId!);
    pool.styles.delete(style.id);
    return {};
  }

  describeByClient(input: BrandingInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    this.cognito.client(pool, input.ClientId!);
    const style = findByClient(pool, input.ClientId!);
    if (!style) {
      throw resourceNotFound(`Managed login branding for client ${input.ClientId} does not exist.`);
    }
    return { ManagedLoginBranding: render(pool, style, input.ReturnMergedResources === true) };
  }

  describe(input: BrandingInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    return { ManagedLoginBranding: render(pool, findById(pool, input.ManagedLoginBrandingId!), input.ReturnMergedResources === true) };
  }
}

function checkRequestSize(requestBytes: number): void {
  if (requestBytes > MAX_BRANDING_REQUEST_BYTES) {
    throw invalidParameter(`The request is ${requestBytes} bytes; the limit is 2 MB. Separate it into multiple requests.`);
  }
}

/** UseCognitoProvidedValues=true excludes Settings and Assets; returns whether it is set. */
function checkContentOptions(input: BrandingInput): boolean {
  const useDefaults = input.UseCognitoProvidedValues === true;
  if (useDefaults && (input.Settings !== undefined || input.Assets !== undefined)) {
    throw invalidParameter('When UseCognitoProvidedValues is true, Settings and Assets must be omitted.');
  }
  return useDefaults;
}

/**
 * Cognito checks Settings against a deep schema AWS does not publish; the
 * stand-in knows only its top level (the keys of Cognito's own default
 * document) and that a Settings that is not an object ends in a 5xx.
 */
function checkSettings(settings: unknown): Record<string, unknown> | undefined {
  if (settings === undefined) {
    return undefined;
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    throw new ServiceError('InternalErrorException', 'Internal server error.', 500);
  }
  const unknown = Object.keys(settings).filter((key) => !(key in COGNITO_DEFAULT_SETTINGS));
  if (unknown.length > 0) {
    throw invalidParameter(settingsRefusal(unknown.map((key) => `$.${key}`)));
  }
  return structuredClone(settings) as Record<string, unknown>;
}

/** Cognito's wording for a Settings document its schema refuses. */
export function settingsRefusal(properties: readonly string[]): string {
  return `Invalid settings provided. Validation errors: [${properties.map((p) => `{property: ${p}, errorType: UnknownProperty}`).join(', ')}]`;
}

/**
 * Decodes the assets of a request and checks what the model cannot: one
 * asset per slot, and bytes that are what the extension says (Cognito refuses
 * a FAVICON_ICO with non-ICO data, and bytes base64-encoded twice arrive as
 * text). The wording is the stand-in's.
 */
function decodeAssets(assets: readonly WireAsset[]): StoredAsset[] {
  const seen = new Set<string>();
  return assets.map((asset) => {
    const key = slotKey(asset);
    if (seen.has(key)) {
      throw invalidParameter(`Duplicate asset for ${key}.`);
    }
    seen.add(key);
    const bytes = Buffer.from(asset.Bytes ?? '', 'base64');
    const expected = asset.Category === 'FAVICON_ICO' ? 'ICO' : asset.Category === 'FAVICON_SVG' ? 'SVG' : undefined;
    if (!isOfFormat(asset.Extension, bytes) || (expected && asset.Extension !== expected)) {
      throw invalidParameter(`Asset ${key} is not a valid ${expected ?? asset.Extension} file.`);
    }
    return {
      Category: asset.Category,
      ColorMode: asset.ColorMode,
      Extension: asset.Extension,
      ...(asset.ResourceId === undefined ? {} : { ResourceId: asset.ResourceId }),
      bytes,
    };
  });
}

function findByClient(pool: UserPool, clientId: string): ManagedLoginStyle | undefined {
  return [...pool.styles.values()].find((style) => style.clientId === clientId);
}

function findById(pool: UserPool, id: string): ManagedLoginStyle {
  const style = pool.styles.get(id);
  if (!style) {
    throw resourceNotFound(`Managed login branding ${id} does not exist.`);
  }
  return style;
}

/**
 * ManagedLoginBrandingType as Cognito answers: Settings omitted when the
 * style has none, Assets always. Merged: the Settings over Cognito's default
 * document. Cognito also merges its default assets (38 for a style with 8),
 * whose bytes the stand-in does not have; it returns the style's own.
 */
function render(pool: UserPool, style: ManagedLoginStyle, merged: boolean): object {
  const settings = merged ? deepMerge(COGNITO_DEFAULT_SETTINGS, style.settings ?? {}) : style.settings;
  return {
    ManagedLoginBrandingId: style.id,
    UserPoolId: pool.id,
    UseCognitoProvidedValues: style.useCognitoProvidedValues,
    ...(settings === undefined ? {} : { Settings: settings }),
    Assets: [...style.assets.values()].map((asset) => ({
      Category: asset.Category,
      ColorMode: asset.ColorMode,
      Extension: asset.Extension,
      Bytes: asset.bytes.toString('base64'),
      ...(asset.ResourceId === undefined ? {} : { ResourceId: asset.ResourceId }),
    })),
    CreationDate: epochSeconds(style.creationDate),
    LastModifiedDate: epochSeconds(style.lastModifiedDate),
  };
}

/** Objects merged member by member, anything else (arrays included) replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (isObject(base) && isObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) {
      out[key] = deepMerge(base[key], value);
    }
    return out;
  }
  return over === undefined ? base : over;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON 1.1 timestamps: epoch seconds. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}
