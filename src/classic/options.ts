// PLACEHOLDER written by the lead so other parts compile; the branding owner replaces it.
/** Classic hosted-UI CSS. */
export class ClassicCss {
  private constructor() {}
}
/** Classic hosted-UI logo. */
export class LogoImage {
  private constructor() {}
}
/** CSS and logo of the classic hosted UI, always sent together. */
export interface ClassicCustomizationOptions {
  /** @default - none */
  readonly css?: ClassicCss;
  /** @default - none */
  readonly logo?: LogoImage;
}
