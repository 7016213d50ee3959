import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { BrandingStyleOptions } from './branding-style';
import { showDeclaredAssets } from './private/asset-slots';
import {
  assetSlot, BRANDING_ID_ATTRIBUTE, BrandingAssetProperties, MANAGED_LOGIN_BRANDING, MAX_BRANDING_REQUEST_BYTES, ManagedLoginBrandingProperties,
} from './private/branding-contract';
import { collectBrandingStyleInputViolations } from './private/branding-inputs';
import { MAX_ASSETS, ResolvedBrandingAsset, ResolvedSettings } from './private/resolved-branding';
import { defaultSettingsDocument } from './private/settings-document';
import { collectClientPoolViolations } from '../private/client-pool';
import { addHandlerResource } from '../private/handler-provider';
import { formatBytes } from '../private/input-files';
import { registerPageStyle } from '../private/pool-style-registry';
import { stageBytes, stageFile, StagedFiles } from '../private/staging';
import { ValidationError, ViolationCollector } from '../private/validate';

/** Properties of a ManagedLoginBranding. */
export interface ManagedLoginBrandingProps extends BrandingStyleOptions {
  /** The user pool of the client. Any pool, including an imported one. */
  readonly userPool: cognito.IUserPool;
  /** The app client the style is for (one style per client). */
  readonly client: cognito.IUserPoolClient;
}

/**
 * The managed login branding style of one app client, through this library's
 * custom resource: settings and images travel as S3 assets, so the template
 * stays small whatever the images weigh, and a changed file updates the style.
 *
 * The pool needs a domain with managed login (version 2) for the style to
 * show; when the domain is in the same app, make it deploy first with
 * `branding.node.addDependency(domain)`.
 *
 * @exampleMetadata fixture=stack
 * @example
 * // A style for any pool's client, e.g. one made without CognitoLogin
 * new ManagedLoginBranding(this, 'Branding', {
 *   userPool,
 *   client,
 *   settings: BrandingSettings.fromOptions({ lightMode: { primaryButtonBackground: '#ff9900' } }),
 *   assets: [logo],
 * });
 */
export class ManagedLoginBranding extends Construct {
  /** The ManagedLoginBrandingId Cognito gave the style. */
  public readonly brandingId: string;

  constructor(scope: Construct, id: string, props: ManagedLoginBrandingProps) {
    super(scope, id);
    // Every problem of the client, the settings and each asset in one error, before anything is made.
    const violations = new ViolationCollector(this);
    collectClientPoolViolations(violations, 'client', props.userPool, props.client);
    if (!collectBrandingStyleInputViolations(violations, undefined, props)) {
      violations.throwIfAny();
    }
    const style = this.resolveStyle(props, violations);
    registerPageStyle(this, props.userPool, props.client, cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN);

    const staged = new StagedFiles();
    const settings = style.document === undefined
      ? undefined
      : staged.add(stageBytes(this, 'Settings', Buffer.from(JSON.stringify(style.document), 'utf8'), '.json'));
    const assets = style.assets.map((asset, i): BrandingAssetProperties => {
      const file = asset.filePath !== undefined
        ? stageFile(this, `Asset${i}`, asset.filePath)
        : stageBytes(this, `Asset${i}`, asset.bytes, `.${asset.type.toLowerCase()}`);
      return {
        ...staged.add(file),
        Category: asset.category,
        ColorMode: asset.colorMode,
        Extension: asset.type,
        ...(asset.resourceId !== undefined ? { ResourceId: asset.resourceId } : {}),
      };
    });

    const properties: ManagedLoginBrandingProperties = {
      UserPoolId: props.userPool.userPoolId,
      ClientId: props.client.userPoolClientId,
      UseCognitoProvidedValues: style.document === undefined ? 'true' : 'false',
      ...(settings ? { Settings: settings } : {}),
      ...(assets.length > 0 ? { Assets: assets } : {}),
    };
    const resource = addHandlerResource(this, MANAGED_LOGIN_BRANDING, { userPool: props.userPool, files: staged.files, properties });
    // No explicit dependency on the client: the Ref in ClientId already orders
    // them, and a DependsOn besides it is what cfn-lint W3005 flags.
    this.brandingId = resource.getAttString(BRANDING_ID_ATTRIBUTE);
  }

  /**
   * The document to send (undefined for Cognito's defaults) and the assets,
   * checked one by one and together against Cognito's limits.
   */
  private resolveStyle(
    props: BrandingStyleOptions, violations: ViolationCollector,
  ): { document?: ResolvedSettings['document']; assets: ResolvedBrandingAsset[] } {
    const given = props.settings !== undefined || (props.assets ?? []).length > 0;
    if (props.useCognitoProvidedValues === true && given) {
      violations.add('useCognitoProvidedValues', true, 'true only without settings and assets; Cognito uses either its defaults or yours');
    }
    if (props.useCognitoProvidedValues === false && !given) {
      violations.add('useCognitoProvidedValues', false, 'false only with settings or assets; without them Cognito has no style to use');
    }
    if (!given || props.useCognitoProvidedValues === true) {
      violations.throwIfAny();
      return { assets: [] };
    }

    const fromSettings = violations.check(() => props.settings?._resolve(this, 'settings'));
    const own = (props.assets ?? [])
      .map((asset, i) => violations.check(() => asset._resolve(this, `assets[${i}]`)))
      .filter((asset): asset is ResolvedBrandingAsset => asset !== undefined);
    requireOnePerSlot(violations, own);
    requireOnePerSlot(violations, fromSettings?.assets ?? []);
    const ownSlots = new Set(own.map(slotOf));
    const assets = [...(fromSettings?.assets ?? []).filter((asset) => !ownSlots.has(slotOf(asset))), ...own];

    if (assets.length > MAX_ASSETS) {
      violations.add('assets', `${assets.length} assets`, `at most ${MAX_ASSETS} assets per style, counting those the settings file carries`);
    }
    violations.throwIfAny();
    // Declared assets show: their slots are switched on unless the user's own settings chose otherwise.
    const document = showDeclaredAssets(this, fromSettings?.document ?? defaultSettingsDocument(), fromSettings?.chosen ?? {}, assets);
    // The handler splits a style over requests under Cognito's limit; only
    // the Settings document has to travel whole, in the first one.
    const size = Buffer.byteLength(JSON.stringify({ Settings: document }));
    if (size > MAX_BRANDING_REQUEST_BYTES) {
      throw new ValidationError(this, 'settings', formatBytes(size),
        `a settings document that fits in one request of at most ${MAX_BRANDING_REQUEST_BYTES} bytes, Cognito's request limit`);
    }
    return { document, assets };
  }
}

/** Refuses two assets for the same category, color mode and resource id. */
function requireOnePerSlot(violations: ViolationCollector, assets: ResolvedBrandingAsset[]): void {
  const seen = new Map<string, ResolvedBrandingAsset>();
  for (const asset of assets) {
    const first = seen.get(slotOf(asset));
    if (first) {
      violations.add(asset.prop, asset.value,
        `one asset per category, color mode and resource id; ${first.prop} (${first.value}) is already ${asset.category} ${asset.colorMode}`
        + (asset.resourceId !== undefined ? ` ${asset.resourceId}` : ''));
    }
    seen.set(slotOf(asset), asset);
  }
}

/** The slot of a checked asset, as the contract names the slot of the asset it becomes. */
function slotOf(asset: ResolvedBrandingAsset): string {
  return assetSlot({ Category: asset.category, ColorMode: asset.colorMode, ResourceId: asset.resourceId });
}
