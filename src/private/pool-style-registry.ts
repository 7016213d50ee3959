import { AspectPriority, Aspects, IAspect, Stage, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { userPathOf } from './construct-path';
import { ALL_CLIENTS } from './custom-resource-contract';
import { ValidationError, warn } from './validate';

/** What a CognitoLogin does for a client of its pool that it did not create. */
export interface FoundClientHandler {
  /**
   * Gives the client (found in the app on the login's pool, made the
   * aws-cdk-lib way) what the login gives its clients: its style, terms and sign-in.
   */
  addFoundClient(client: cognito.CfnUserPoolClient): void;
}

/** A CognitoLogin and the generation of the pages its domain serves. */
interface LoginRecord {
  readonly login: IConstruct;
  readonly generation: cognito.ManagedLoginVersion;
  readonly foundClients: FoundClientHandler;
}

/** A ManagedLoginBranding or ClassicLoginCustomization and what it styles. */
interface StyleRecord {
  readonly construct: IConstruct;
  readonly generation: cognito.ManagedLoginVersion;
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
export function registerLoginPages(
  login: IConstruct, pool: cognito.IUserPool, generation: cognito.ManagedLoginVersion, foundClients: FoundClientHandler,
): void {
  const registry = registryOf(login);
  wireWhenComplete(login);
  const record: LoginRecord = { login, generation, foundClients };
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
  construct: IConstruct, pool: cognito.IUserPool, client: cognito.IUserPoolClient | undefined, generation: cognito.ManagedLoginVersion,
): void {
  const registry = registryOf(construct);
  wireWhenComplete(construct);
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

function styleName(generation: cognito.ManagedLoginVersion): string {
  return generation === cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN ? 'managed login style' : 'classic hosted-UI customization';
}

/** The warning on a style whose pages the login's domain does not serve, saying what to use instead. */
function warnOnMismatch(style: StyleRecord, login: LoginRecord): void {
  if (style.generation === login.generation) {
    return;
  }
  const path = login.login.node.path;
  if (style.generation === cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI) {
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

/**
 * The stages whose app-wide wiring is scheduled. Clients and domains can be
 * added anywhere in the app, after the logins and styles that need them, so
 * the wiring waits for the complete tree: an aspect of the stage that
 * synthesizes the construct (aspects run before dependencies are rendered).
 */
const wiredStages = new WeakSet<Stage>();

function wireWhenComplete(scope: IConstruct): void {
  const stage = Stage.of(scope);
  if (stage === undefined || wiredStages.has(stage)) {
    return;
  }
  wiredStages.add(stage);
  // MUTATING: it adds constructs, which read-only aspects (cdk-nag) must then see.
  Aspects.of(stage).add(new AppWiring(stage), { priority: AspectPriority.MUTATING });
}

/** Runs once, when synthesis visits the stage itself: the tree is complete by then. */
class AppWiring implements IAspect {
  constructor(private readonly stage: Stage) {}

  public visit(node: IConstruct): void {
    if (node === this.stage) {
      wireStage(this.stage);
    }
  }
}

/**
 * What the app's own constructs tell about the pools of this library's logins
 * and styles:
 * - every client on the pool of a CognitoLogin gets what the login gives its
 *   clients (style, terms, sign-in), also one made with `userPool.addClient`
 *   or `new UserPoolClient` elsewhere in the app (a managed login client
 *   without a style shows "Login pages unavailable");
 * - every style deploys after its pool's domain (Cognito refuses either kind
 *   of customization before the pool has one), with a warning when the pool
 *   is made in the app but has no domain in it.
 */
function wireStage(stage: Stage): void {
  const registry = registryOf(stage);
  const inStage = stage.node.findAll().filter((c) => Stage.of(c) === stage);
  const clients = inStage.filter((c): c is cognito.CfnUserPoolClient => c instanceof cognito.CfnUserPoolClient);
  const domains = inStage.filter((c): c is cognito.CfnUserPoolDomain => c instanceof cognito.CfnUserPoolDomain);
  const pools = inStage.filter((c): c is cognito.CfnUserPool => c instanceof cognito.CfnUserPool);

  for (const client of clients) {
    for (const login of registry.logins.get(client.userPoolId) ?? []) {
      if (Stage.of(login.login) === stage) {
        login.foundClients.addFoundClient(client);
      }
    }
  }

  for (const [poolId, styles] of registry.styles) {
    const domain = domains.find((d) => d.userPoolId === poolId);
    for (const style of styles.filter((s) => Stage.of(s.construct) === stage)) {
      if (domain !== undefined) {
        style.construct.node.addDependency(domain);
        if (!registry.logins.has(poolId)) {
          // A CognitoLogin of the pool already warns on a mismatch, naming its pages.
          warnOnDomainVersion(style, domain);
        }
      } else if (pools.some((pool) => pool.ref === poolId)) {
        warn(style.construct, 'poolWithoutDomain',
          `The pool ${userPathOf(pools.find((pool) => pool.ref === poolId)!)} has no domain in this app, and Cognito refuses `
          + `a ${styleName(style.generation)} until the pool has one: add a UserPoolDomain (or a CognitoLogin) for it.`);
      }
    }
  }
}

/** Whether the client already has a style of this generation (its own, not the pool-wide ALL). */
export function hasOwnStyle(scope: IConstruct, pool: string, client: string, generation: cognito.ManagedLoginVersion): boolean {
  return (registryOf(scope).styles.get(pool) ?? []).some((style) => style.generation === generation && style.client === client);
}

/** A standalone style on a pool whose domain serves the other generation of pages never shows. */
function warnOnDomainVersion(style: StyleRecord, domain: cognito.CfnUserPoolDomain): void {
  // Cognito's default when ManagedLoginVersion is unset: 1, the classic hosted UI.
  const version = domain.managedLoginVersion ?? cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI;
  if (Token.isUnresolved(version) || version === style.generation) {
    return;
  }
  warn(style.construct, 'domainVersionMismatch',
    `This ${styleName(style.generation)} will not show: the domain ${userPathOf(domain)} serves `
    + `${version === cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN ? 'managed login pages (ManagedLoginVersion 2)' : 'the classic hosted UI (ManagedLoginVersion 1)'}. `
    + `Set managedLoginVersion ${style.generation} on the domain, or style the pages it serves.`);
}
