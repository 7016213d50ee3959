/*
 * The handler role's per-pool ledger: what each user pool's AWS::IAM::Policy
 * allows (its Cognito actions, its claim parameters), filled as custom
 * resources are added and rendered at synth.
 */
import { ArnFormat, CfnResource, CustomResourceProvider, Lazy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { claimParameterName, ClaimKind } from './custom-resource-contract';

/** The SSM calls on the ownership records (claims) of the styled targets. */
const CLAIM_ACTIONS = ['ssm:GetParameter', 'ssm:PutParameter', 'ssm:DeleteParameter'];

/** One statement of an IAM policy document, as the handler's policies write them. */
export interface PolicyStatementJson {
  readonly Effect: 'Allow';
  readonly Action: string | string[];
  readonly Resource: string | string[];
}

/** A target whose ownership record (claim) the handler keeps: its kind and client id (or ALL). */
export interface ClaimTarget {
  readonly kind: ClaimKind;
  readonly clientId: string;
}

/** One pool's permissions: an AWS::IAM::Policy of its own, attached to the handler's role. */
export interface PoolGrant {
  /** Undefined when the app supplies the role (iam.Role.customizeRoles): the statements then go to the role's policy report. */
  readonly policy?: iam.CfnPolicy;
  readonly statements: () => PolicyStatementJson[];
  readonly poolArn: string;
  /** The Cognito actions of the types used on this pool, each once, in the order first used. */
  readonly actions: string[];
  readonly claimArns: string[];
}

/** Resources each policy covers, collected as custom resources are added. */
export interface ProviderResources {
  readonly pools: Map<cognito.IUserPool, PoolGrant>;
  /** The asset buckets' objects (`<bucket>/*`) the handler may read; one per bucket the stack stages to. */
  readonly bucketArns: string[];
  /** Those buckets as cdk-nag names them, each acknowledged once. */
  readonly acknowledgedBuckets: Set<string>;
  /** The handler's own log group, which the role's first statement names. */
  readonly logGroupArn: string;
  /** The CloudFormation statements (allowOwnerLookups). */
  readonly lookups: PolicyStatementJson[];
}

/**
 * The AWS::IAM::Policy of one pool, attached to the handler's role. Its
 * construct id is made of the pool's construct path (the stack left out when
 * the pool is in the provider's stack), so its logical id names the pool and
 * stays stable as long as the pool does.
 */
export function grantPool(provider: CustomResourceProvider, userPool: cognito.IUserPool): PoolGrant {
  const stack = Stack.of(provider);
  const claimArns: string[] = [];
  const actions: string[] = [];
  const poolArn = userPool.userPoolArn;
  // No SSM statement for a pool whose resources keep no claims (CIMD policies only).
  const statements = (): PolicyStatementJson[] => [
    { Effect: 'Allow', Action: actions, Resource: poolArn },
    ...(claimArns.length === 0 ? [] : [{ Effect: 'Allow' as const, Action: CLAIM_ACTIONS, Resource: distinct(stack, claimArns) }]),
  ];
  const role = provider.node.tryFindChild('Role');
  if (!CfnResource.isCfnResource(role)) {
    // iam.Role.customizeRoles: the app supplies the role, and aws-cdk-lib
    // reports what its policy must allow; there is no role to attach to.
    provider.addToRolePolicy({ Effect: 'Allow', Action: Lazy.list({ produce: () => actions }), Resource: poolArn });
    provider.addToRolePolicy({ Effect: 'Allow', Action: CLAIM_ACTIONS, Resource: uniqueList(stack, claimArns) });
    return { statements, poolArn, actions, claimArns };
  }
  const id = `Policy${poolName(stack, userPool)}`;
  const policy = new iam.CfnPolicy(provider, id, {
    policyName: `cdk-cognito-login-${id}`.slice(0, 128),
    roles: [role.ref],
    policyDocument: Lazy.any({ produce: () => ({ Version: '2012-10-17', Statement: statements() }) }),
  });
  return { policy, statements, poolArn, actions, claimArns };
}

/** The pool's construct path as an id: its stack's name only when that is not the provider's stack. */
function poolName(stack: Stack, userPool: cognito.IUserPool): string {
  const poolStack = Stack.of(userPool);
  const scopes = userPool.node.scopes.slice(userPool.node.scopes.indexOf(poolStack) + 1);
  return [...(poolStack === stack ? [] : [poolStack.node.id]), ...scopes.map((s) => s.node.id)]
    .join('').replace(/[^A-Za-z0-9]/g, '');
}

/**
 * The ARN of one target's claim parameter: exactly the name the handler
 * reads and writes (claimParameterName), so the role names each parameter
 * rather than a wildcard over the pool's path.
 */
export function claimArn(stack: Stack, userPoolId: string, claim: ClaimTarget): string {
  return stack.formatArn({
    service: 'ssm',
    resource: 'parameter',
    // The name starts with '/', which the ARN's 'parameter' already ends with.
    resourceName: claimParameterName(userPoolId, claim.kind, claim.clientId).slice(1),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/** A list rendered at synth, each entry once (see `distinct`). */
export function uniqueList(stack: Stack, values: string[]): string[] {
  return Lazy.list({ produce: () => distinct(stack, values) });
}

/**
 * Each entry once. Entries are compared by their resolved CloudFormation
 * form, since two tokens for the same ARN (an asset staged by two resources)
 * are different strings before resolution.
 */
export function distinct(stack: Stack, values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(stack.resolve(value));
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
