import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct, IDependable } from 'constructs';
import { ValidationError, ViolationCollector, isUnresolved } from './validate';

/**
 * How a client came to a login: made by `addClient`, declared with
 * `addExistingClient` (a client of another stack or app, or imported), or
 * found at synth on the login's pool, made the aws-cdk-lib way
 * (`login.userPool.addClient(...)`, `new UserPoolClient(...)`).
 */
export type ClientOrigin = 'addClient' | 'addExistingClient' | 'found';

/**
 * How the client's users (or the client itself) get their tokens:
 * - `hostedPages`: through the login pages (authorization code or implicit
 *   grant), so page styles and terms documents apply;
 * - `sdk`: without OAuth (`disableOAuth`), signing users in with the SDK
 *   (SRP, USER_AUTH with passkeys or one-time codes): no pages to style, no
 *   terms (Cognito shows them on its pages only), but sign-in applies;
 * - `machine`: the client credentials grant, no users at all.
 */
export type ClientAccess = 'hostedPages' | 'sdk' | 'machine';

/** The OAuth flows that send users through the login pages (API_CreateUserPoolClient, AllowedOAuthFlows). */
const PAGE_FLOWS = ['code', 'implicit'];

/**
 * How a client the app made itself gets its tokens, from its
 * CfnUserPoolClient, since that is what Cognito will see whichever way the
 * app wrote it (L2 `disableOAuth`, `oAuth.flows`, or the L1's own members).
 * `AllowedOAuthFlowsUserPoolClient` not true means no OAuth at all: Cognito
 * then permits SDK-based sign-in only, and the pages refuse the client
 * (API_CreateUserPoolClient, AllowedOAuthFlowsUserPoolClient: "When false,
 * only SDK-based API sign-in is permitted", and false is its default); with
 * OAuth, only `code` and `implicit` go through the pages, `client_credentials`
 * alone is a machine client. Values known only at deploy time, and an
 * imported client (no resource), keep the pages: a style too many is harmless,
 * a missing one shows "Login pages unavailable".
 */
export function clientAccessOf(resource: cognito.CfnUserPoolClient | undefined): ClientAccess {
  if (resource === undefined) {
    return 'hostedPages';
  }
  const oAuth = resource.allowedOAuthFlowsUserPoolClient;
  const flows = resource.allowedOAuthFlows;
  if (isUnresolved(oAuth) || isUnresolved(flows) || (flows ?? []).some(isUnresolved)) {
    return 'hostedPages';
  }
  if (oAuth !== true) {
    return 'sdk';
  }
  const machineOnly = flows !== undefined && flows.includes('client_credentials') && !flows.some((flow) => PAGE_FLOWS.includes(flow));
  return machineOnly ? 'machine' : 'hostedPages';
}

/**
 * Where a feature's constructs for one client go, and what is known of the
 * client before anything is made. `Options` is what addClient takes (the
 * client feature's LoginClientOptions, given by the login): this shared seam
 * names no feature.
 */
export interface ClientPlacement<Options = unknown> {
  readonly origin: ClientOrigin;
  /**
   * The client's key: the id given to addClient or addExistingClient, or a
   * found client's construct id (its L2's, else its CfnUserPoolClient's);
   * its entry in `pages.perClient` has this key.
   */
  readonly key: string;
  /**
   * Where a feature makes its constructs for the client: the login; for a
   * found client the client itself (its L2, else the CfnUserPoolClient's
   * scope), so they live in the client's stack and their logical ids follow it.
   */
  readonly scope: Construct;
  /**
   * What their construct ids start with: the key under the login, nothing
   * under a found L2 client, a found CfnUserPoolClient's own id beside it.
   */
  readonly prefix: string;
  /**
   * How the client gets its tokens: page styles and terms apply to
   * `hostedPages` clients only, sign-in to every client with users.
   */
  readonly access: ClientAccess;
  /** The client's options: addClient only. */
  readonly options?: Options;
  /**
   * The client's CloudFormation resource where this app makes it (a found
   * client, an app's own UserPoolClient given to addExistingClient, and a
   * client of addClient once made); undefined for an imported client, whose
   * settings this app cannot change.
   */
  readonly resource?: cognito.CfnUserPoolClient;
}

/** A client of the login, made or known, as a feature applies to it. */
export interface LoginClient<Options = unknown> extends ClientPlacement<Options> {
  readonly client: cognito.IUserPoolClient;
  /** The login's pool. */
  readonly userPool: cognito.IUserPool;
  /** What a feature's constructs deploy after besides their pool and client: the login's domain resource. */
  readonly domain: IDependable;
}

/**
 * A sign-in feature of CognitoLogin (choice-based sign-in, terms documents,
 * page styles): the login calls each hook at one place, for its new pool and
 * for every client however it came (see ClientOrigin), so every client gets
 * every feature that applies. Options of the login itself are checked where
 * the feature is made, before the pool; a hook a feature does not need is left out.
 */
export interface LoginFeature<Options = unknown> {
  /** What else a user can do when a found client's child takes one of the reserved ids, after "Rename that child". */
  readonly ifIdTaken?: string;
  /**
   * Construct ids the feature makes under `placement.scope` for this client,
   * checked free before anything is made: logical ids follow client ids and
   * never the order clients were added in.
   */
  reservedIds?(placement: ClientPlacement<Options>): string[];
  /** Records every violation of this client (its options, what it would end up with), before anything is made. */
  validateClient?(violations: ViolationCollector, placement: ClientPlacement<Options>): void;
  /** The new pool's props with what the feature needs (never called for a pool of the app's own). */
  poolProps?(props: cognito.UserPoolProps): cognito.UserPoolProps;
  /** Writes what the feature needs on the new pool (never called for a pool of the app's own). */
  applyToPool?(pool: cognito.UserPool): void;
  /** Gives the client what the feature gives clients; validateClient found nothing wrong with it. */
  applyToClient?(client: LoginClient<Options>): void;
}

/** A violation's prop for a member of a client's options: `<id>.<member>` for addClient, else the login's own member. */
export function clientProp(placement: ClientPlacement, member: string): string {
  return placement.origin === 'addClient' ? `${placement.key}.${member}` : member;
}

/** The new pool's props through every feature's poolProps, in order. */
export function featurePoolProps(features: readonly LoginFeature[], props: cognito.UserPoolProps): cognito.UserPoolProps {
  return features.reduce((merged, feature) => feature.poolProps?.(merged) ?? merged, props);
}

/** Every feature's applyToPool on the new pool, in order. */
export function applyFeaturesToPool(features: readonly LoginFeature[], pool: cognito.UserPool): void {
  features.forEach((feature) => feature.applyToPool?.(pool));
}

/**
 * The features of one login and the clients they were applied to. The one
 * place every client goes through: addClient and addExistingClient call
 * reservedIds, validateClient and applyToClient; a client found on the pool
 * at synth comes through addFoundClient.
 */
export class LoginFeatures<Options = unknown> {
  private readonly features: LoginFeature<Options>[] = [];
  /** The userPoolClientId of every client given the features, so the app-wide wiring passes them by. */
  private readonly applied = new Set<string>();

  constructor(private readonly login: Construct, private readonly userPool: cognito.IUserPool, private readonly domain: IDependable) {}

  /** Adds features (undefined ones are left out), applied to clients in the order added. */
  public add(...features: readonly (LoginFeature<Options> | undefined)[]): void {
    this.features.push(...features.filter((feature): feature is LoginFeature<Options> => feature !== undefined));
  }

  /** The construct ids the features take under `placement.scope` for this client. */
  public reservedIds(placement: ClientPlacement<Options>): string[] {
    return this.features.flatMap((feature) => feature.reservedIds?.(placement) ?? []);
  }

  /** Records every feature's violations of this client. */
  public validateClient(violations: ViolationCollector, placement: ClientPlacement<Options>): void {
    this.features.forEach((feature) => feature.validateClient?.(violations, placement));
  }

  /** Gives the client every feature, in order. */
  public applyToClient(placement: ClientPlacement<Options>, client: cognito.IUserPoolClient): void {
    this.give(placement.resource?.ref ?? client.userPoolClientId, { ...placement, client, userPool: this.userPool, domain: this.domain });
  }

  /**
   * Gives a client of the pool that the app made the aws-cdk-lib way, found
   * at synth, every feature, under the client itself (see ClientPlacement);
   * one added through the login already has them.
   */
  public addFoundClient(cfn: cognito.CfnUserPoolClient): void {
    if (this.applied.has(cfn.ref)) {
      return;
    }
    const owner = cfn.node.scope as Construct;
    const l2 = owner instanceof cognito.UserPoolClient && owner.node.defaultChild === cfn ? owner : undefined;
    const placement: ClientPlacement<Options> = {
      origin: 'found',
      key: l2?.node.id ?? cfn.node.id,
      scope: l2 ?? owner,
      prefix: l2 ? '' : cfn.node.id,
      resource: cfn,
      access: clientAccessOf(cfn),
    };
    // The app's own children of the client keep their ids: a feature whose id is taken is refused, with what else the user can do.
    const taken = this.features.flatMap((feature) => (feature.reservedIds?.(placement) ?? [])
      .filter((id) => placement.scope.node.tryFindChild(id) !== undefined)
      .map((id) => ({ id, hint: feature.ifIdTaken })));
    if (taken.length > 0) {
      const hints = [...new Set(taken.flatMap(({ hint }) => (hint === undefined ? [] : [`, ${hint}`])))];
      throw new ValidationError(this.login, 'client', cfn.node.path,
        `a client that can be given what the login gives its clients: ${placement.scope.node.path} already has a child `
        + `${taken.map(({ id }) => id).join(', ')}. Rename that child${hints.join('')}`);
    }
    const violations = new ViolationCollector(this.login);
    this.validateClient(violations, placement);
    violations.throwIfAny();
    // A client without an L2 is referred to by an import beside it, made only once a feature asks for it.
    let ref: cognito.IUserPoolClient | undefined = l2;
    this.give(cfn.ref, {
      ...placement,
      get client() {
        return ref ??= cognito.UserPoolClient.fromUserPoolClientId(placement.scope, `${placement.prefix}ClientRef`, cfn.ref);
      },
      userPool: this.userPool,
      domain: this.domain,
    });
  }

  private give(clientId: string, context: LoginClient<Options>): void {
    this.applied.add(clientId);
    this.features.forEach((feature) => feature.applyToClient?.(context));
  }
}
