/** Where a managed login branding asset appears (the `Category` of Cognito's AssetType). */
export enum BrandingCategory {
  /** The favicon, as an ICO file. */
  FAVICON_ICO = 'FAVICON_ICO',
  /** The favicon, as an SVG file. */
  FAVICON_SVG = 'FAVICON_SVG',
  /** The graphic on the email one-time-code page. */
  EMAIL_GRAPHIC = 'EMAIL_GRAPHIC',
  /** The graphic on the SMS one-time-code page. */
  SMS_GRAPHIC = 'SMS_GRAPHIC',
  /** The graphic on the authenticator-app page. */
  AUTH_APP_GRAPHIC = 'AUTH_APP_GRAPHIC',
  /** The graphic on the password page. */
  PASSWORD_GRAPHIC = 'PASSWORD_GRAPHIC',
  /** The graphic on the passkey page. */
  PASSKEY_GRAPHIC = 'PASSKEY_GRAPHIC',
  /** The logo in the page header. */
  PAGE_HEADER_LOGO = 'PAGE_HEADER_LOGO',
  /** The background of the page header. */
  PAGE_HEADER_BACKGROUND = 'PAGE_HEADER_BACKGROUND',
  /** The logo in the page footer. */
  PAGE_FOOTER_LOGO = 'PAGE_FOOTER_LOGO',
  /** The background of the page footer. */
  PAGE_FOOTER_BACKGROUND = 'PAGE_FOOTER_BACKGROUND',
  /** The background of the whole page. */
  PAGE_BACKGROUND = 'PAGE_BACKGROUND',
  /** The background of the sign-in form. */
  FORM_BACKGROUND = 'FORM_BACKGROUND',
  /** The logo on the sign-in form. */
  FORM_LOGO = 'FORM_LOGO',
  /** The icon of an identity provider's button; `resourceId` names the provider. */
  IDP_BUTTON_ICON = 'IDP_BUTTON_ICON',
}

/** The display mode an asset or a color applies to. */
export enum BrandingColorMode {
  /** Light mode. */
  LIGHT = 'LIGHT',
  /** Dark mode. */
  DARK = 'DARK',
  /** Both modes, following the browser's preference. */
  DYNAMIC = 'DYNAMIC',
}
