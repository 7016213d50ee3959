// PLACEHOLDER written by the lead so other parts compile; the branding owner replaces it.
/** An image of a managed login branding style. */
export class BrandingAsset {
  private constructor() {}
}
