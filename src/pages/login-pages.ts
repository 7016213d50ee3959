import * as cognito from 'aws-cdk-lib/aws-cognito';
import { BrandingStyleOptions } from '../branding/branding-style';
import { ClassicCustomizationOptions } from '../classic/options';

/** How managed login (the branding designer generation) pages look. */
export interface ManagedLoginPagesOptions {
  /**
   * Style for every client that has no entry in perClient. Every client gets
   * a style, since managed login shows "Login pages unavailable" to a client
   * without one.
   *
   * @default - Cognito's defaults (UseCognitoProvidedValues)
   */
  readonly branding?: BrandingStyleOptions;

  /**
   * Per-client styles, keyed by the id given to addClient. An entry replaces
   * `branding` for its client as a whole. A key that names no client of the
   * login is refused at synth.
   *
   * @default - none
   */
  readonly perClient?: { [clientId: string]: BrandingStyleOptions };
}

/**
 * How classic hosted-UI pages look: CSS and logo for every client (the
 * pool-wide `ALL` customization, made when either is given), with per-client
 * overrides.
 */
export interface ClassicLoginPagesOptions extends ClassicCustomizationOptions {
  /**
   * Per-client overrides, keyed by the id given to addClient. An entry needs
   * a css or a logo; what it leaves out comes from the pool-wide css and
   * logo, since Cognito shows a client with its own customization nothing
   * of the pool-wide one. A key that names no client of the login is refused
   * at synth.
   *
   * @default - none
   */
  readonly perClient?: { [clientId: string]: ClassicCustomizationOptions };
}

/**
 * Which generation of Cognito's login pages a login serves, and how they look.
 * The generation is a property of the domain (`ManagedLoginVersion`), so every
 * client of one login shares it.
 *
 * @exampleMetadata fixture=stack
 * @example
 * // Managed login, styled for every client
 * const managed = LoginPages.managedLogin({
 *   branding: { settings: BrandingSettings.fromOptions({ lightMode: { primaryButtonBackground: '#ff9900' } }) },
 * });
 *
 * // The classic hosted UI, with CSS and a logo
 * const classic = LoginPages.classic({
 *   css: ClassicCss.fromFile('login.css'),
 *   logo: LogoImage.fromFile('logo.png'),
 * });
 */
export class LoginPages {
  /** Managed login (version 2): the current pages, styled with the branding designer. */
  public static managedLogin(options: ManagedLoginPagesOptions = {}): LoginPages {
    return new LoginPages(cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN, options, undefined);
  }

  /** The classic hosted UI (version 1), styled with CSS and a logo. */
  public static classic(options: ClassicLoginPagesOptions = {}): LoginPages {
    return new LoginPages(cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI, undefined, options);
  }

  /** The domain's ManagedLoginVersion: CLASSIC_HOSTED_UI (1) or NEWER_MANAGED_LOGIN (2). */
  public readonly managedLoginVersion: cognito.ManagedLoginVersion;

  /**
   * The managed login options, when these are managed login pages.
   *
   * @default - classic pages
   */
  public readonly managedLoginOptions?: ManagedLoginPagesOptions;

  /**
   * The classic hosted-UI options, when these are classic pages.
   *
   * @default - managed login pages
   */
  public readonly classicOptions?: ClassicLoginPagesOptions;

  private constructor(
    managedLoginVersion: cognito.ManagedLoginVersion,
    managedLoginOptions: ManagedLoginPagesOptions | undefined,
    classicOptions: ClassicLoginPagesOptions | undefined,
  ) {
    this.managedLoginVersion = managedLoginVersion;
    this.managedLoginOptions = managedLoginOptions;
    this.classicOptions = classicOptions;
  }
}
