import { IConstruct } from 'constructs';
import { BrandingAsset } from './asset';
import { BrandingCategory, BrandingColorMode } from './category';
import { ResolvedSettings } from './private/resolved-branding';
import { checkSettingsDocument, defaultSettingsDocument, expandSettingsOptions, settingsOverDefaults } from './private/settings-document';
import { BrandingSettingsOptions } from './settings-options';
import { strictBase64Problem } from '../private/base64';
import { IMAGE_TYPES } from '../private/file-type';
import { readInputFile } from '../private/input-files';
import { ValidationError } from '../private/validate';

/** Reads the source of a Settings document for the construct that uses it. */
type SettingsSource = (scope: IConstruct, prop: string) => ResolvedSettings;

/**
 * The Settings document of a managed login branding style: colors, layout,
 * components. It is staged as a JSON file in S3, never inlined into the template.
 *
 * @exampleMetadata fixture=stack
 * @example
 * // The common knobs, typed
 * const typed = BrandingSettings.fromOptions({
 *   colorScheme: BrandingColorMode.DYNAMIC,
 *   lightMode: { primaryButtonBackground: '#ff9900', pageBackground: '#fafafa' },
 *   darkMode: { primaryButtonBackground: '#ffb84d' },
 *   formHorizontalLocation: BrandingHorizontalLocation.CENTER,
 * });
 *
 * // A style made in the Cognito console and exported with describe-managed-login-branding-by-client
 * const exported = BrandingSettings.fromFile('login-style.json');
 */
export class BrandingSettings {
  /**
   * A Settings document as a JSON object, e.g. one exported from the Cognito
   * console's branding editor. Only its top-level keys (`categories`,
   * `componentClasses`, `components`) and its colors are checked here;
   * Cognito checks the rest when it deploys.
   *
   * The document may be partial. It is staged as given (plus the switches
   * that show a declared asset, where they are off), not merged over
   * Cognito's defaults: Cognito applies its own default to every option the
   * document leaves out, as for a style made in its console, which keeps only
   * what was customized (DescribeManagedLoginBrandingByClient returns the
   * rest only with `ReturnMergedResources`). So
   * `{ components: { pageBackground: { lightMode: { color: '101010ff' } } } }`
   * sets the page background of light mode and leaves every other option
   * at Cognito's default; the login page preview draws it the same way.
   *
   * @param settings the Settings document, whole or partial
   */
  public static fromJson(settings: any): BrandingSettings {
    return new BrandingSettings((scope, prop) => {
      const document = checkSettingsDocument(scope, prop, settings);
      return { document, chosen: document, assets: [] };
    });
  }

  /**
   * A JSON file holding either a Settings document, or the output of
   * `aws cognito-idp describe-managed-login-branding-by-client` (whole, or
   * saved with `--query ManagedLoginBranding`): then its Settings are used
   * (Cognito's defaults when it has none) and its base64 Assets become
   * branding assets of the style.
   *
   * @param filePath path of the JSON file
   */
  public static fromFile(filePath: string): BrandingSettings {
    return new BrandingSettings((scope, prop) => readSettingsFile(scope, prop, filePath));
  }

  /**
   * The common knobs, typed: colors per display mode, color scheme, form and
   * logo placement. They are written over Cognito's default Settings document,
   * so whatever is left out keeps its default.
   *
   * @param options the knobs to set
   */
  public static fromOptions(options: BrandingSettingsOptions): BrandingSettings {
    // One style is often given to every client: the document is built once
    // per prop and options (they are read when used, so a changed option
    // builds it again). Only a success is kept; a failure names its construct.
    const built = new Map<string, ResolvedSettings>();
    return new BrandingSettings((scope, prop) => {
      const key = `${prop}\n${JSON.stringify(options)}`;
      const known = built.get(key);
      if (known) {
        return known;
      }
      const chosen = expandSettingsOptions(scope, prop, options);
      const resolved = { document: checkSettingsDocument(scope, prop, settingsOverDefaults(chosen)), chosen, assets: [] };
      built.set(key, resolved);
      return resolved;
    });
  }

  private constructor(private readonly source: SettingsSource) {}

  /**
   * The checked document (and any assets its source carried) for the construct
   * `scope`, which got these settings as `prop`.
   * @internal
   */
  public _resolve(scope: IConstruct, prop: string): ResolvedSettings {
    return this.source(scope, prop);
  }
}

function readSettingsFile(scope: IConstruct, prop: string, filePath: string): ResolvedSettings {
  const text = readInputFile(scope, prop, filePath).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(scope, prop, filePath, `a JSON file (${(e as Error).message})`);
  }
  if (typeof json === 'object' && json !== null && 'ManagedLoginBranding' in json) {
    return readDescribeOutput(scope, `${prop}.ManagedLoginBranding`, filePath, (json as any).ManagedLoginBranding);
  }
  if (isManagedLoginBrandingObject(json)) {
    // Saved with `--query ManagedLoginBranding`: the inner object alone.
    return readDescribeOutput(scope, prop, filePath, json);
  }
  const document = checkSettingsDocument(scope, prop, json, filePath);
  return { document, chosen: document, assets: [] };
}

/** Members of Cognito's ManagedLoginBrandingType (API_ManagedLoginBrandingType), none of which a Settings document has. */
const MANAGED_LOGIN_BRANDING_MEMBERS = ['ManagedLoginBrandingId', 'UserPoolId', 'UseCognitoProvidedValues', 'Settings', 'Assets', 'CreationDate', 'LastModifiedDate'];

/** An object of Cognito's ManagedLoginBrandingType: only its members, and at least one of them. */
function isManagedLoginBrandingObject(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return false;
  }
  const keys = Object.keys(json);
  return keys.length > 0 && keys.every((key) => MANAGED_LOGIN_BRANDING_MEMBERS.includes(key));
}

/** The `ManagedLoginBranding` of a describe-managed-login-branding-by-client output. */
function readDescribeOutput(scope: IConstruct, prop: string, filePath: string, branding: any): ResolvedSettings {
  if (typeof branding !== 'object' || branding === null || Array.isArray(branding)) {
    throw new ValidationError(scope, prop, branding, `an object with Settings and Assets (in ${filePath})`);
  }
  // Describe omits Settings when the style was made without any; Cognito's defaults then apply.
  const chosen = branding.Settings === undefined
    ? {}
    : checkSettingsDocument(scope, `${prop}.Settings`, branding.Settings, filePath);
  const document = branding.Settings === undefined ? defaultSettingsDocument() : chosen;

  const items: unknown = branding.Assets ?? [];
  if (!Array.isArray(items)) {
    throw new ValidationError(scope, `${prop}.Assets`, items, `a list of assets (in ${filePath})`);
  }
  const assets = items.map((item: any, i) => {
    const at = `${prop}.Assets[${i}]`;
    const extension = item?.Extension;
    if (!IMAGE_TYPES.includes(extension)) {
      throw new ValidationError(scope, `${at}.Extension`, extension, `one of ${IMAGE_TYPES.join(', ')} (in ${filePath})`);
    }
    const encoded = typeof item.Bytes === 'string' ? item.Bytes.replace(/\s+/g, '') : undefined;
    // Strict base64 is what the AWS CLI prints for an asset's Bytes; line breaks are allowed.
    if (!encoded || strictBase64Problem(encoded) !== undefined) {
      throw new ValidationError(scope, `${at}.Bytes`, item.Bytes, `the image as base64 (in ${filePath})`);
    }
    const asset = BrandingAsset._fromBytes(Buffer.from(encoded, 'base64'), extension, {
      category: item.Category as BrandingCategory,
      colorMode: item.ColorMode as BrandingColorMode,
      resourceId: item.ResourceId,
    }, at, filePath);
    return asset._resolve(scope, at);
  });
  return { document, chosen, assets };
}
