import type { StoredCimdPolicy } from './cimd-policies';
import { Prng, userPoolClientId, userPoolId } from './prng';
import { resourceNotFound, ServiceError } from './service-error';
import type { StoredUser } from './users';

/**
 * What the stand-in's Cognito holds. Pools, clients and domains exist only
 * once the runner (or a test) created them through the control-plane methods
 * here; the handler's API calls can only read them.
 */

/** One managed login branding asset as stored: bytes decoded from the request's base64. */
export interface StoredAsset {
  readonly Category: string;
  readonly ColorMode: string;
  readonly Extension: string;
  readonly ResourceId?: string;
  readonly bytes: Buffer;
}

export interface ManagedLoginStyle {
  readonly id: string;
  readonly clientId: string;
  useCognitoProvidedValues: boolean;
  /** Undefined when the style has no Settings of its own (Describe omits them). */
  settings?: Record<string, unknown>;
  /** By slot: Category, ColorMode and ResourceId (see slotKey). */
  readonly assets: Map<string, StoredAsset>;
  readonly creationDate: Date;
  lastModifiedDate: Date;
}

export interface ClassicCustomization {
  readonly css?: string;
  readonly image?: Buffer;
  readonly cssVersion: string;
  readonly creationDate: Date;
  readonly lastModifiedDate: Date;
}

export interface UserPoolDomain {
  readonly domain: string;
  managedLoginVersion: number;
  readonly customDomain: boolean;
}

/** An app client: what the registration endpoint and the token endpoint read of it. */
export interface StoredClient {
  readonly clientId: string;
  readonly name: string;
  /** AllowedOAuthFlows (code, implicit, client_credentials). @default none */
  readonly allowedOAuthFlows?: readonly string[];
  /** AllowedOAuthScopes. @default none */
  readonly allowedOAuthScopes?: readonly string[];
  /** True for a client made at the registration endpoint (RFC 7591), not by CloudFormation. */
  readonly registered?: boolean;
}

/** What a new app client is made with. */
export type ClientOptions = Omit<StoredClient, 'clientId' | 'name'>;

/**
 * App clients per user pool: 1,000 by default, registered clients included
 * (developer guide "Quotas in Amazon Cognito"; "Dynamic client
 * registration": registered clients count toward it).
 */
export const APP_CLIENT_QUOTA = 1000;

export interface UserPool {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly clients: Map<string, StoredClient>;
  /** App clients the pool may hold (LimitExceededException beyond it). */
  appClientQuota: number;
  /** One prefix domain and one custom domain at most, as Cognito allows. */
  readonly domains: UserPoolDomain[];
  readonly styles: Map<string, ManagedLoginStyle>;
  /** By client id or 'ALL'. */
  readonly classic: Map<string, ClassicCustomization>;
  /** By user name, in creation order (users.ts). */
  readonly users: Map<string, StoredUser>;
  /**
   * What UpdateUserPool sets, in DescribeUserPool's names (user-pool-settings.ts):
   * replaced whole by every UpdateUserPool, CloudFormation's included.
   */
  readonly settings: Record<string, unknown>;
  /** Client ID Metadata Document policies by id (cimd-policies.ts). */
  readonly cimdPolicies: Map<string, StoredCimdPolicy>;
}

/** The slot an asset fills: a new slot is added by Update, an existing one replaced. */
export function slotKey(asset: { readonly Category: string; readonly ColorMode: string; readonly ResourceId?: string }): string {
  return [asset.Category, asset.ColorMode, ...(asset.ResourceId === undefined ? [] : [asset.ResourceId])].join('/');
}

export interface CreateUserPoolOptions {
  readonly name?: string;
  /** @default the stand-in's region */
  readonly region?: string;
  readonly account?: string;
  /** The pool's settings (user-pool-settings.ts). @default none: Cognito's defaults */
  readonly settings?: Record<string, unknown>;
}

export interface CreateUserPoolDomainOptions {
  /** The prefix, or the custom domain name. */
  readonly domain: string;
  /** 1 = classic hosted UI, 2 = managed login. @default 1, as Cognito */
  readonly managedLoginVersion?: number;
  /** @default false (a Cognito prefix domain) */
  readonly customDomain?: boolean;
}

export class CognitoState {
  readonly pools = new Map<string, UserPool>();

  constructor(private readonly prng: Prng, private readonly region: string, private readonly account: string) {}

  createUserPool(options: CreateUserPoolOptions = {}): UserPool {
    const region = options.region ?? this.region;
    const id = userPoolId(this.prng, region);
    const pool: UserPool = {
      id,
      name: options.name ?? id,
      region,
      account: options.account ?? this.account,
      clients: new Map(),
      appClientQuota: APP_CLIENT_QUOTA,
      domains: [],
      styles: new Map(),
      classic: new Map(),
      users: new Map(),
      settings: { ...structuredClone(options.settings ?? {}) },
      cimdPolicies: new Map(),
    };
    this.pools.set(id, pool);
    return pool;
  }

  deleteUserPool(poolId: string): void {
    this.pool(poolId);
    this.pools.delete(poolId);
  }

  /** Refuses a client beyond the pool's app-client quota, as CreateUserPoolClient does (LimitExceededException). */
  createUserPoolClient(poolId: string, name: string, options: ClientOptions = {}): string {
    const pool = this.pool(poolId);
    if (pool.clients.size >= pool.appClientQuota) {
      throw new ServiceError('LimitExceededException', `User pool ${poolId} has reached its quota of ${pool.appClientQuota} app clients.`);
    }
    const clientId = userPoolClientId(this.prng);
    pool.clients.set(clientId, { ...options, clientId, name });
    return clientId;
  }

  /** Removes the client with what styled it: a style or customization has no life without its client. */
  deleteUserPoolClient(poolId: string, clientId: string): void {
    const pool = this.pool(poolId);
    this.client(pool, clientId);
    pool.clients.delete(clientId);
    pool.classic.delete(clientId);
    for (const [id, style] of pool.styles) {
      if (style.clientId === clientId) {
        pool.styles.delete(id);
      }
    }
  }

  /** Refuses a second domain of the same kind on a pool, and a prefix another pool holds. */
  createUserPoolDomain(poolId: string, options: CreateUserPoolDomainOptions): UserPoolDomain {
    const pool = this.pool(poolId);
    const customDomain = options.customDomain ?? false;
    if (pool.domains.some((d) => d.customDomain === customDomain)) {
      throw new ServiceError('InvalidParameterException', `User pool ${poolId} already has a ${customDomain ? 'custom' : 'prefix'} domain.`);
    }
    for (const other of this.pools.values()) {
      if (other.domains.some((d) => d.domain === options.domain)) {
        throw new ServiceError('InvalidParameterException', 'Domain already associated with another user pool.');
      }
    }
    const domain = { domain: options.domain, managedLoginVersion: options.managedLoginVersion ?? 1, customDomain };
    pool.domains.push(domain);
    return domain;
  }

  updateUserPoolDomain(poolId: string, domainName: string, managedLoginVersion: number): void {
    this.domain(poolId, domainName).managedLoginVersion = managedLoginVersion;
  }

  deleteUserPoolDomain(poolId: string, domainName: string): void {
    const pool = this.pool(poolId);
    const index = pool.domains.indexOf(this.domain(poolId, domainName));
    pool.domains.splice(index, 1);
  }

  /** The pool, or Cognito's ResourceNotFoundException. */
  pool(poolId: string): UserPool {
    const pool = this.pools.get(poolId);
    if (!pool) {
      throw resourceNotFound(`User pool ${poolId} does not exist.`);
    }
    return pool;
  }

  client(pool: UserPool, clientId: string): StoredClient {
    const client = pool.clients.get(clientId);
    if (!client) {
      throw resourceNotFound(`User pool client ${clientId} does not exist.`);
    }
    return client;
  }

  private domain(poolId: string, domainName: string): UserPoolDomain {
    const domain = this.pool(poolId).domains.find((d) => d.domain === domainName);
    if (!domain) {
      throw resourceNotFound(`Domain ${domainName} does not exist in user pool ${poolId}.`);
    }
    return domain;
  }
}
