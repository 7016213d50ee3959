/**
 * Terms documents that managed login links from its sign-up page: a terms of
 * use and a privacy policy. Cognito shows them only when a client has both,
 * so the ones a client ends up with (its own over the login's) must be both
 * or neither.
 *
 * Each document is an https URL for every language, with optional URLs for
 * the languages managed login is localized in, which Cognito shows instead
 * to users reading the pages in that language.
 */
export interface LoginTermsOptions {
  /**
   * URL of the terms of use, for every language without its own (Cognito's `cognito:default`).
   *
   * @default - none; then termsOfUseByLanguage must be absent too
   */
  readonly termsOfUse?: string;

  /**
   * URLs of the terms of use per language of managed login, keyed by
   * Cognito's language names without `cognito:`: `english`, `french`,
   * `spanish`, `german`, `dutch`, `italian`, `japanese`, `korean`,
   * `bahasa-indonesia`, `portuguese-brazil`, `chinese-simplified`,
   * `chinese-traditional`. Needs termsOfUse for every other language.
   *
   * @default - termsOfUse in every language
   */
  readonly termsOfUseByLanguage?: { [language: string]: string };

  /**
   * URL of the privacy policy, for every language without its own (Cognito's `cognito:default`).
   *
   * @default - none; then privacyPolicyByLanguage must be absent too
   */
  readonly privacyPolicy?: string;

  /**
   * URLs of the privacy policy per language of managed login; keys as in termsOfUseByLanguage.
   *
   * @default - privacyPolicy in every language
   */
  readonly privacyPolicyByLanguage?: { [language: string]: string };
}
