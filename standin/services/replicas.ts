import { CognitoState, ManagedLoginStyle } from './cognito-state';
import { ServiceError } from './service-error';

/**
 * Multi-Region replication of a pool (developer guide "Multi-Region
 * replication for user pools"): one secondary per pool, created INACTIVE;
 * its Region keeps its own email, SMS and Lambda triggers
 * (UserPoolRegionalConfigurationAttachment), and everything else, managed
 * login styles included, is synced from the primary. The stand-in keeps one
 * copy of what syncs: a secondary serves the primary's styles as they are.
 *
 * Reachability: a Region made unreachable answers no request signed for it
 * (the connection is dropped, as in an outage), and its pages are not served.
 */
export interface PoolReplica {
  readonly region: string;
  status: 'ACTIVE' | 'INACTIVE';
  /** The replica Region's Lambda triggers, by LambdaConfig member. */
  triggers: Record<string, string>;
}

/** What a browser gets from a domain's managed login page of one client. */
export interface ServedPage {
  /** The Region that answered, or undefined when none could. */
  readonly servedBy?: string;
  /**
   * Managed login: the client's style (its id), or why there is no page.
   * Classic hosted UI: the customization that styles it (the client's own,
   * the pool's `ALL`, or `default`: Cognito's look), every client has pages.
   */
  readonly page: { readonly styleId: string } | { readonly classic: string } | 'Login pages unavailable' | 'unreachable';
}

export class Replicas {
  private readonly byPool = new Map<string, PoolReplica>();
  private readonly unreachable = new Set<string>();

  constructor(private readonly cognito: CognitoState) {}

  /** CreateUserPoolReplica: one secondary per pool, in another Region, INACTIVE. */
  create(userPoolId: string, region: string): PoolReplica {
    const pool = this.cognito.pool(userPoolId);
    if (this.byPool.has(userPoolId)) {
      throw new ServiceError('InvalidParameterException', `User pool ${userPoolId} already has a replica in ${this.byPool.get(userPoolId)!.region}.`);
    }
    if (region === pool.region) {
      throw new ServiceError('InvalidParameterException', `${region} is the primary Region of ${userPoolId}.`);
    }
    const replica: PoolReplica = { region, status: 'INACTIVE', triggers: {} };
    this.byPool.set(userPoolId, replica);
    return replica;
  }

  delete(userPoolId: string): void {
    this.byPool.delete(userPoolId);
  }

  /** The regional configuration of the replica in `region`. */
  configure(userPoolId: string, region: string, settings: { readonly status?: string; readonly triggers?: Record<string, string> }): void {
    const replica = this.byPool.get(userPoolId);
    if (replica === undefined || replica.region !== region) {
      throw new ServiceError('ResourceNotFoundException', `User pool ${userPoolId} has no replica in ${region}.`);
    }
    replica.status = settings.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE';
    replica.triggers = { ...(settings.triggers ?? {}) };
  }

  of(userPoolId: string): PoolReplica | undefined {
    return this.byPool.get(userPoolId);
  }

  setReachable(region: string, reachable: boolean): void {
    if (reachable) {
      this.unreachable.delete(region);
    } else {
      this.unreachable.add(region);
    }
  }

  isReachable(region: string): boolean {
    return !this.unreachable.has(region);
  }

  /**
   * The sign-in page of a client at a pool's domain: the primary
   * serves while its Region is reachable; then the domain fails over to an
   * ACTIVE replica, which serves the styles synced from the primary; an
   * INACTIVE replica takes no traffic.
   */
  servedPage(userPoolId: string, clientId: string): ServedPage {
    const pool = this.cognito.pool(userPoolId);
    const replica = this.byPool.get(userPoolId);
    const region = this.isReachable(pool.region) ? pool.region
      : replica !== undefined && replica.status === 'ACTIVE' && this.isReachable(replica.region) ? replica.region : undefined;
    if (region === undefined) {
      return { page: 'unreachable' };
    }
    if (!pool.domains.some((domain) => domain.managedLoginVersion === 2)) {
      // The classic hosted UI needs no style per client: a client without its own customization gets ALL's (API_GetUICustomization).
      return { servedBy: region, page: { classic: pool.classic.has(clientId) ? clientId : pool.classic.has('ALL') ? 'ALL' : 'default' } };
    }
    const style = [...pool.styles.values()].find((candidate: ManagedLoginStyle) => candidate.clientId === clientId);
    return { servedBy: region, page: style === undefined ? 'Login pages unavailable' : { styleId: style.id } };
  }
}
