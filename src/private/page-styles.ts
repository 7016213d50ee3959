import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { ALL_CLIENTS } from './custom-resource-contract';
import { ValidationError, warn } from './validate';

/**
 * Which generation of login pages a style is for: the value of the domain's
 * ManagedLoginVersion that shows it.
 */
export enum PageGeneration {
  /** Classic hosted UI: SetUICustomization (CSS and logo). */
  CLASSIC = 1,
  /** Managed login: CreateManagedLoginBranding (settings and assets). */
  MANAGED_LOGIN = 2,
}

/** A CognitoLogin and the generation of the pages its domain serves. */
interface LoginRecord {
  readonly login: IConstruct;
  readonly generation: PageGeneration;
}

/** A ManagedLoginBranding or ClassicLoginCustomization and what it styles. */
interface StyleRecord {
  readonly construct: IConstruct;
  readonly generation: PageGeneration;
  /** The client id, or ALL for a pool-wide classic customization. */
  readonly client: string;
}

/** What is known about the pools of one app, keyed by user pool id (a token for a pool of the app). */
class PoolRegistry {
  public readonly logins = new Map<string, LoginRecord[]>();
  public readonly styles = new Map<string, StyleRecord[]>();
}

/**
 * One registry per construct tree, so two apps in one process (as in tests)
 * never see each other's pools, even when both import a pool of the same id.
 */
const registries = new WeakMap<IConstruct, PoolRegistry>();

function registryOf(scope: IConstruct): PoolRegistry {
  const root = scope.node.root;
  let registry = registries.get(root);
  if (registry === undefined) {
    registry = new PoolRegistry();
    registries.set(root, registry);
  }
  return registry;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

/**
 * Records that a CognitoLogin serves pages of `generation` for `pool`, and
 * warns on every style of the other generation already made for that pool.
 */
export function registerLoginPages(login: IConstruct, pool: cognito.IUserPool, generation: PageGeneration): void {
  const registry = registryOf(login);
  const record: LoginRecord = { login, generation };
  push(registry.logins, pool.userPoolId, record);
  for (const style of registry.styles.get(pool.userPoolId) ?? []) {
    warnOnMismatch(style, record);
  }
}

/**
 * Records a style for `client` (pool-wide when undefined) of `pool`. Refuses
 * a second style for the same client and generation: Cognito keeps one, so
 * two resources would overwrite it and delete it from under each other.
 * Warns when a CognitoLogin of the pool serves the other generation of pages.
 */
export function registerPageStyle(
  construct: IConstruct, pool: cognito.IUserPool, client: cognito.IUserPoolClient | undefined, generation: PageGeneration,
): void {
  const registry = registryOf(construct);
  const style: StyleRecord = { construct, generation, client: client?.userPoolClientId ?? ALL_CLIENTS };
  const taken = (registry.styles.get(pool.userPoolId) ?? [])
    .find((other) => other.generation === generation && other.client === style.client);
  if (taken !== undefined) {
    throw new ValidationError(construct, 'client', client?.node.path ?? ALL_CLIENTS,
      `a client (or ALL) without a ${styleName(generation)} yet; ${taken.construct.node.path} already styles it, and Cognito keeps `
      + 'one per client, so the two would overwrite and delete each other\'s. Style a client of a CognitoLogin through its pages\' perClient');
  }
  push(registry.styles, pool.userPoolId, style);
  for (const login of registry.logins.get(pool.userPoolId) ?? []) {
    warnOnMismatch(style, login);
  }
}

function styleName(generation: PageGeneration): string {
  return generation === PageGeneration.MANAGED_LOGIN ? 'managed login style' : 'classic hosted-UI customization';
}

/** The warning on a style whose pages the login's domain does not serve, saying what to use instead. */
function warnOnMismatch(style: StyleRecord, login: LoginRecord): void {
  if (style.generation === login.generation) {
    return;
  }
  const path = login.login.node.path;
  if (style.generation === PageGeneration.CLASSIC) {
    warn(style.construct, 'classicCustomizationOnManagedLogin',
      `This classic hosted-UI customization will not show: CognitoLogin ${path} serves managed login pages (domain version 2), `
      + 'on which SetUICustomization has no effect. Style them with LoginPages.managedLogin({ branding, perClient }), '
      + 'or serve the classic hosted UI with LoginPages.classic({ css, logo, perClient }).');
  } else {
    warn(style.construct, 'managedLoginBrandingOnClassic',
      `This managed login style will not show: CognitoLogin ${path} serves the classic hosted UI (domain version 1). `
      + 'Style it with LoginPages.classic({ css, logo, perClient }), '
      + 'or serve managed login with LoginPages.managedLogin({ branding, perClient }).');
  }
}
