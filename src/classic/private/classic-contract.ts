/**
 * The contract of Custom::CognitoClassicLoginCustomization: its properties
 * on the wire, their parser, and its registry entry (permissions included).
 * The construct (customization.ts) and the handler (lambda/classic) both use
 * this file. No aws-cdk-lib here: the handler bundle includes it.
 */
import { ClaimedResourceType, DeclaredTarget, S3FileRef } from '../../private/custom-resource-contract';
import { ParseOptions, parseFileRef, requireClientId, requireOnlyKnown, requireUserPoolId } from '../../private/property-parsing';

/** Resource type of a classic hosted-UI customization (CSS and logo). */
export const CLASSIC_CUSTOMIZATION_TYPE = 'Custom::CognitoClassicLoginCustomization';

/** Properties of Custom::CognitoClassicLoginCustomization. */
export interface ClassicCustomizationProperties {
  readonly UserPoolId: string;
  /** An app client id, or 'ALL' for the pool-wide default. */
  readonly ClientId: string;
  readonly Css?: S3FileRef;
  readonly Logo?: S3FileRef;
}

/** A classic customization as the template declares it, checked and typed. */
export interface DeclaredCustomization extends DeclaredTarget {
  readonly css?: S3FileRef;
  readonly logo?: S3FileRef;
}

const TYPE = CLASSIC_CUSTOMIZATION_TYPE;
const PROPERTIES = ['ServiceToken', 'UserPoolId', 'ClientId', 'Css', 'Logo'];

/** Parses the properties strictly, naming what is wrong; refused before any call. */
export function parseCustomization(properties: Record<string, unknown>, options: ParseOptions = {}): DeclaredCustomization {
  requireOnlyKnown(properties, PROPERTIES, '', TYPE);
  const userPoolId = requireUserPoolId(properties, TYPE, options);
  const clientId = requireClientId(properties, TYPE, options);
  const css = properties.Css === undefined ? undefined : parseFileRef(properties.Css, 'Css', TYPE);
  const logo = properties.Logo === undefined ? undefined : parseFileRef(properties.Logo, 'Logo', TYPE);
  if (!css && !logo) {
    // The constructs refuse this at synth: a customization with neither would clear the pages' style.
    throw new Error(`${TYPE}: Css or Logo (or both) is required; neither would clear the pages' style`);
  }
  return { userPoolId, clientId, css, logo };
}

/** The registry entry of classic hosted-UI customizations (lambda/registry.ts pairs it with lambda/classic). */
export const CLASSIC_CUSTOMIZATION: ClaimedResourceType<DeclaredCustomization> = {
  resourceType: CLASSIC_CUSTOMIZATION_TYPE,
  // GetUICustomization: a failed create reads what it must put back (lambda/classic/handler.ts).
  poolActions: ['cognito-idp:SetUICustomization', 'cognito-idp:GetUICustomization'],
  claimKind: 'classic',
  parse: parseCustomization,
};
