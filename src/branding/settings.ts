// PLACEHOLDER written by the lead so other parts compile; the branding owner replaces it.
/** The Settings document of a managed login branding style. */
export class BrandingSettings {
  private constructor() {}
}
