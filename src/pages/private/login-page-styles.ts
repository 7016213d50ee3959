import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct, IDependable } from 'constructs';
import { BrandingStyleOptions } from '../../branding/branding-style';
import { ManagedLoginBranding } from '../../branding/managed-login-branding';
import { ClassicLoginCustomization } from '../../classic/customization';
import { ClassicCustomizationOptions } from '../../classic/options';
import { ClientPlacement, LoginClient, LoginFeature } from '../../private/login-feature';
import { FoundClientHandler, hasOwnStyle, registerLoginPages } from '../../private/pool-style-registry';
import { ValidationError, warn } from '../../private/validate';
import { ClassicLoginPagesOptions, LoginPages, ManagedLoginPagesOptions } from '../login-pages';

/** Members of each options struct, to catch a member of the other generation given from JavaScript or another jsii language. */
const MANAGED_LOGIN_MEMBERS = ['branding', 'perClient'];
const BRANDING_STYLE_MEMBERS = ['settings', 'assets', 'useCognitoProvidedValues'];
const CLASSIC_MEMBERS = ['css', 'logo', 'perClient'];
const CLASSIC_CUSTOMIZATION_MEMBERS = ['css', 'logo'];

const FOR_CLASSIC = 'css and logo style the classic hosted UI: serve it with LoginPages.classic';
const FOR_MANAGED_LOGIN = 'branding, settings, assets and useCognitoProvidedValues style managed login: serve it with LoginPages.managedLogin';

/** Id of the pool-wide (ALL) classic customization under the login. */
const CLASSIC_ALL_ID = 'ClassicCustomization';

/** The checked managed login options: the style of clients without an entry, and the entries. */
interface ManagedLoginStyles {
  readonly branding: BrandingStyleOptions;
  readonly perClient: { [clientId: string]: BrandingStyleOptions };
}

/** The checked classic options: the pool-wide (ALL) css and logo, and the per-client overrides. */
interface ClassicCustomizations {
  readonly all: ClassicCustomizationOptions;
  readonly perClient: { [clientId: string]: ClassicCustomizationOptions };
}

/**
 * Styles the pages of one CognitoLogin: creates its ManagedLoginBranding or
 * ClassicLoginCustomization constructs as clients are added, under the login
 * (under a found client for a client found on the pool), with ids derived
 * from client ids so logical ids never depend on order.
 */
export class LoginPageStyles implements LoginFeature {
  private readonly managed?: ManagedLoginStyles;
  private readonly classic?: ClassicCustomizations;
  /** What a style must deploy after: the domain's CloudFormation resource (not the alias lookups that may hang under it). */
  private readonly domainResource: IDependable;
  private readonly clientIds: string[] = [];
  /** The generation of pages the login's domain serves. */
  private readonly generation: cognito.ManagedLoginVersion;

  constructor(
    private readonly login: Construct,
    private readonly userPool: cognito.IUserPool,
    domain: cognito.UserPoolDomain,
    pages: LoginPages,
    featurePlan: cognito.FeaturePlan | undefined,
    foundClients: FoundClientHandler,
  ) {
    this.domainResource = domain.node.defaultChild ?? domain;
    this.generation = pages.managedLoginVersion;
    if (pages.managedLoginOptions !== undefined) {
      this.managed = managedLoginStyles(login, pages.managedLoginOptions, featurePlan);
    }
    if (pages.classicOptions !== undefined) {
      this.classic = classicCustomizations(login, pages.classicOptions);
      if (this.classic.all.css || this.classic.all.logo) {
        this.afterDomain(new ClassicLoginCustomization(login, CLASSIC_ALL_ID, { userPool, ...this.classic.all }));
      }
    }
    registerLoginPages(login, userPool, this.generation, foundClients);

    // Clients are added after construction, so a perClient key can only be judged once the app is complete.
    login.node.addValidation({ validate: () => this.unknownPerClientKeys() });
  }

  /** Advice for a found client whose child takes a style's id. */
  public get ifIdTaken(): string {
    return `or style the client yourself with ${this.classic ? 'ClassicLoginCustomization' : 'ManagedLoginBranding'}`;
  }

  /** The construct ids a client's style takes under `placement.scope`. */
  public reservedIds(placement: ClientPlacement): string[] {
    if (placement.access !== 'hostedPages') {
      return [];
    }
    if (placement.origin === 'found') {
      return this.leftToTheApp(placement) ? [] : foundIds(placement.prefix);
    }
    if (this.managed) {
      return [brandingId(placement.key)];
    }
    return this.classic && ownEntry(this.classic.perClient, placement.key) ? [classicId(placement.key)] : [];
  }

  /**
   * Styles a client. With managed login every client gets a style (its own,
   * else the login's, else Cognito's defaults), since a client without one
   * shows "Login pages unavailable". A client added to the login (addClient,
   * addExistingClient) is styled under the login; one the app made the
   * aws-cdk-lib way (`userPool.addClient`, `new UserPoolClient`) under the
   * client, so the style lives in the client's stack and its logical id
   * follows the client, unless the app styles it itself. Its key in
   * perClient is the client's construct id. A client without hosted pages
   * (no OAuth, or the client credentials grant only) has nothing to style.
   */
  public applyToClient(client: LoginClient): void {
    if (client.access !== 'hostedPages') {
      return;
    }
    if (client.origin !== 'found') {
      this.style(client.key, client.client, client.scope, brandingId(client.key), classicId(client.key));
    } else if (!this.leftToTheApp(client)) {
      const [managedId, classicStyleId] = foundIds(client.prefix);
      this.style(client.key, client.client, client.scope, managedId, classicStyleId);
    }
  }

  /** Whether the app gave a found client a style of its own. */
  private leftToTheApp(placement: ClientPlacement): boolean {
    const resource = placement.resource;
    return resource !== undefined && hasOwnStyle(this.login, resource.userPoolId, resource.ref, this.generation);
  }

  private style(key: string, client: cognito.IUserPoolClient, scope: Construct, managedId: string, classicStyleId: string): void {
    this.clientIds.push(key);
    if (this.managed) {
      const style = ownEntry(this.managed.perClient, key) ?? this.managed.branding;
      this.afterDomain(new ManagedLoginBranding(scope, managedId, { ...style, userPool: this.userPool, client }));
    }
    const override = this.classic && ownEntry(this.classic.perClient, key);
    if (this.classic && override) {
      // A client with its own customization no longer falls back to ALL: what it does not override comes from ALL.
      this.afterDomain(new ClassicLoginCustomization(scope, classicStyleId, {
        userPool: this.userPool,
        client,
        css: override.css ?? this.classic.all.css,
        logo: override.logo ?? this.classic.all.logo,
      }));
    }
  }

  /** Both kinds of customization need the pool's domain first; a managed login style also needs version 2 on it. */
  private afterDomain(style: Construct): void {
    style.node.addDependency(this.domainResource);
  }

  private unknownPerClientKeys(): string[] {
    const perClient = this.managed?.perClient ?? this.classic?.perClient ?? {};
    return Object.keys(perClient)
      .filter((key) => !this.clientIds.includes(key))
      .map((key) => new ValidationError(this.login, 'pages.perClient', key,
        `the id of a client of the login (added with addClient or addExistingClient, or a UserPoolClient on its pool in this app): ${this.clientIds.join(', ') || '(none)'}`).message);
  }
}

function managedLoginStyles(login: Construct, options: ManagedLoginPagesOptions, featurePlan: cognito.FeaturePlan | undefined): ManagedLoginStyles {
  requireMembers(login, 'pages', options, MANAGED_LOGIN_MEMBERS, FOR_CLASSIC);
  if (options.branding) {
    requireMembers(login, 'pages.branding', options.branding, BRANDING_STYLE_MEMBERS, FOR_CLASSIC);
  }
  const perClient = options.perClient ?? {};
  for (const [id, style] of Object.entries(perClient)) {
    requireMembers(login, `pages.perClient.${id}`, style ?? {}, BRANDING_STYLE_MEMBERS, FOR_CLASSIC);
  }
  if (featurePlan === cognito.FeaturePlan.LITE && [options.branding, ...Object.values(perClient)].some(isCustomStyle)) {
    warn(login, 'brandingOnLitePlan',
      'Styling managed login pages with settings or assets is a feature of the Essentials and Plus plans; on the Lite plan '
      + 'Cognito offers only its default style. Choose FeaturePlan.ESSENTIALS (the default) in userPoolProps, or leave the styles out.');
  }
  return { branding: options.branding ?? {}, perClient };
}

function classicCustomizations(login: Construct, options: ClassicLoginPagesOptions): ClassicCustomizations {
  requireMembers(login, 'pages', options, CLASSIC_MEMBERS, FOR_MANAGED_LOGIN);
  const perClient = options.perClient ?? {};
  for (const [id, override] of Object.entries(perClient)) {
    requireMembers(login, `pages.perClient.${id}`, override ?? {}, CLASSIC_CUSTOMIZATION_MEMBERS, FOR_MANAGED_LOGIN);
    if (!override?.css && !override?.logo) {
      throw new ValidationError(login, `pages.perClient.${id}`, override ?? null,
        'a css or a logo (or both); a client without an entry gets the pool-wide css and logo');
    }
  }
  return { all: { css: options.css, logo: options.logo }, perClient };
}

/** A style of its own rather than Cognito's defaults. */
function isCustomStyle(style: BrandingStyleOptions | undefined): boolean {
  return style?.settings !== undefined || (style?.assets ?? []).length > 0;
}

function brandingId(clientId: string): string {
  return `${clientId}Branding`;
}

function classicId(clientId: string): string {
  return `${clientId}ClassicCustomization`;
}

/** The ids a found client's style may take beside its other children, whichever the generation. */
function foundIds(prefix: string): [string, string] {
  return [`${prefix}ManagedLoginBranding`, `${prefix}ClassicCustomization`];
}

/** The map's own entry for a key, never a member every object inherits (`toString`, ...). */
function ownEntry<T>(map: { [key: string]: T }, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** Refuses a member the options struct does not have, typically one of the other generation of pages. */
function requireMembers(scope: Construct, prop: string, options: object, allowed: string[], hint: string): void {
  for (const [member, value] of Object.entries(options)) {
    if (!allowed.includes(member) && value !== undefined) {
      throw new ValidationError(scope, `${prop}.${member}`, value,
        `one of the members ${allowed.join(', ')}, which these pages have; ${hint}`);
    }
  }
}
