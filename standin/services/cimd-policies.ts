import { CognitoState, UserPool } from './cognito-state';
import { Prng } from './prng';
import { resourceNotFound, ServiceError } from './service-error';

/**
 * Client ID Metadata Document policies (CreateCIMDPolicy, DescribeCIMDPolicy,
 * UpdateCIMDPolicy, DeleteCIMDPolicy, ListCIMDPolicies; botocore's cognito-idp model, developer
 * guide "Client ID metadata documents (CIMD)"): each maps one to five HTTPS
 * URL patterns (URLPatternType, checked by the model) to exactly one app
 * client of the pool. Update replaces the policy's members. A policy outlives
 * its client, which Describe then leaves out ("Amazon Cognito omits this
 * value when the app client no longer exists", CIMDPolicyType.ClientId).
 */
export interface StoredCimdPolicy {
  readonly id: string;
  clientId: string;
  policyName: string;
  cacheDuration?: number;
  urlPatterns: string[];
  readonly creationDate: Date;
  lastModifiedDate: Date;
}

interface PolicyInput {
  readonly UserPoolId: string;
  readonly CIMDPolicyId?: string;
  readonly ClientId?: string;
  readonly PolicyName?: string;
  readonly CacheDuration?: number;
  readonly URLPatterns?: string[];
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

export class CimdPolicies {
  constructor(private readonly cognito: CognitoState, private readonly prng: Prng) {}

  create(input: PolicyInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    this.cognito.client(pool, input.ClientId!);
    const now = new Date();
    const policy: StoredCimdPolicy = {
      // CIMDPolicyIdType: ^[a-z0-9]+$, 1..64.
      id: this.prng.string('abcdefghijklmnopqrstuvwxyz0123456789', 32),
      clientId: input.ClientId!,
      policyName: input.PolicyName!,
      ...(input.CacheDuration === undefined ? {} : { cacheDuration: input.CacheDuration }),
      urlPatterns: [...input.URLPatterns!],
      creationDate: now,
      lastModifiedDate: now,
    };
    pool.cimdPolicies.set(policy.id, policy);
    return { CIMDPolicy: answer(pool, policy) };
  }

  describe(input: PolicyInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    return { CIMDPolicy: answer(pool, this.policy(pool, input.CIMDPolicyId!)) };
  }

  update(input: PolicyInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const policy = this.policy(pool, input.CIMDPolicyId!);
    this.cognito.client(pool, input.ClientId!);
    policy.clientId = input.ClientId!;
    policy.policyName = input.PolicyName ?? policy.policyName;
    policy.cacheDuration = input.CacheDuration;
    policy.urlPatterns = [...input.URLPatterns!];
    policy.lastModifiedDate = new Date();
    return { CIMDPolicy: answer(pool, policy) };
  }

  /**
   * ListCIMDPolicies: the pool's policies as summaries (CIMDPolicySummaryType:
   * no URL patterns), in creation order, MaxResults (1..60, PoolQueryLimitType) a page.
   * The page size when MaxResults is left out is the stand-in's choice (unpublished).
   */
  list(input: PolicyInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    const all = [...pool.cimdPolicies.values()];
    const start = input.NextToken === undefined ? 0 : Number(/^page-(\d+)$/.exec(input.NextToken)?.[1] ?? NaN);
    if (!Number.isInteger(start) || start > all.length) {
      throw new ServiceError('InvalidParameterException', 'The pagination token is not valid.');
    }
    const end = start + (input.MaxResults ?? 60);
    const page = all.slice(start, end).map((policy) => {
      const { URLPatterns: _patterns, UserPoolId: _pool, ...summary } = answer(pool, policy) as Record<string, unknown>;
      return summary;
    });
    return { CIMDPolicies: page, ...(end < all.length ? { NextToken: `page-${end}` } : {}) };
  }

  delete(input: PolicyInput): object {
    const pool = this.cognito.pool(input.UserPoolId);
    this.policy(pool, input.CIMDPolicyId!);
    pool.cimdPolicies.delete(input.CIMDPolicyId!);
    return {};
  }

  private policy(pool: UserPool, id: string): StoredCimdPolicy {
    const found = pool.cimdPolicies.get(id);
    if (!found) {
      throw resourceNotFound(`CIMD policy ${id} does not exist in user pool ${pool.id}.`);
    }
    return found;
  }
}

/** CIMDPolicyType as Cognito answers it: dates in epoch seconds, ClientId left out once the client is gone. */
function answer(pool: UserPool, policy: StoredCimdPolicy): object {
  return {
    UserPoolId: pool.id,
    CIMDPolicyId: policy.id,
    PolicyName: policy.policyName,
    ...(pool.clients.has(policy.clientId) ? { ClientId: policy.clientId } : {}),
    ...(policy.cacheDuration === undefined ? {} : { CacheDuration: policy.cacheDuration }),
    URLPatterns: [...policy.urlPatterns],
    CreationDate: policy.creationDate.getTime() / 1000,
    LastModifiedDate: policy.lastModifiedDate.getTime() / 1000,
  };
}
