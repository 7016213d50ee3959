/*
 * The handler role's per-pool ledger: what each user pool's AWS::IAM::Policy
 * allows (its Cognito actions, the path of its claim parameters), filled as
 * custom resources are added and rendered at synth.
 */
import { ArnFormat, CfnResource, CustomResourceProvider, Lazy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { claimPathOf, ClaimKind } from './custom-resource-contract';

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
  readonly actions: readonly string[];
  /** The claim kinds of the types used on this pool, each once, in the order first used: one record path each. */
  readonly claimKinds: readonly ClaimKind[];
  /** Adds the Cognito actions of a type used on this pool (each kept once). */
  allowActions(actions: readonly string[]): void;
  /** Allows the records of `kind` on this pool: the ARN of their path the first time, undefined when already allowed. */
  allowClaims(kind: ClaimKind): string | undefined;
}

/** Resources each policy covers, collected as custom resources are added. */
export interface ProviderResources {
  readonly pools: Map<cognito.IUserPool, PoolGrant>;
  /**
   * The asset buckets' objects (`<bucket>/*`) the handler may read; one per bucket the stack stages to, each
   * once by its resolved form (two tokens for the same ARN are different strings before resolution).
   */
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
  const claimKinds: ClaimKind[] = [];
  const claimPaths: string[] = [];
  const actions: string[] = [];
  const poolArn = userPool.userPoolArn;
  // No SSM statement for a pool whose resources keep no claims (CIMD policies only).
  const statements = (): PolicyStatementJson[] => [
    { Effect: 'Allow', Action: actions, Resource: poolArn },
    ...(claimPaths.length === 0 ? [] : [{ Effect: 'Allow' as const, Action: CLAIM_ACTIONS, Resource: claimPaths }]),
  ];
  const role = provider.node.tryFindChild('Role');
  // iam.Role.customizeRoles: the app supplies the role and aws-cdk-lib
  // reports what its policy must allow (iam-policy-report.json); there is no
  // role to attach a policy to. The report copies the statements when the
  // construct tree is validated but renders their values afterwards, and it
  // does not resolve Lazy values: so the statements hold the lists
  // themselves, which are complete by then, and the SSM statement is added
  // with the first claim kind (an empty Resource would be no statement).
  const reported = !CfnResource.isCfnResource(role);
  if (reported) {
    provider.addToRolePolicy({ Effect: 'Allow', Action: actions, Resource: poolArn });
  }
  const grant = {
    statements,
    poolArn,
    actions,
    claimKinds,
    allowActions: (more: readonly string[]) => {
      actions.push(...more.filter((action, i) => !actions.includes(action) && more.indexOf(action) === i));
    },
    allowClaims: (kind: ClaimKind) => {
      if (claimKinds.includes(kind)) {
        return undefined;
      }
      claimKinds.push(kind);
      const arn = claimPathArn(stack, userPool.userPoolId, kind);
      claimPaths.push(arn);
      if (reported && claimPaths.length === 1) {
        provider.addToRolePolicy({ Effect: 'Allow', Action: CLAIM_ACTIONS, Resource: claimPaths });
      }
      return arn;
    },
  };
  if (reported) {
    return grant;
  }
  const id = `Policy${poolName(stack, userPool)}`;
  const policy = new iam.CfnPolicy(provider, id, {
    policyName: `cdk-cognito-login-${id}`.slice(0, 128),
    roles: [role.ref],
    policyDocument: Lazy.any({ produce: () => ({ Version: '2012-10-17', Statement: statements() }) }),
  });
  return { ...grant, policy };
}

/** The pool's construct path as an id: its stack's name only when that is not the provider's stack. */
function poolName(stack: Stack, userPool: cognito.IUserPool): string {
  const poolStack = Stack.of(userPool);
  const scopes = userPool.node.scopes.slice(userPool.node.scopes.indexOf(poolStack) + 1);
  return [...(poolStack === stack ? [] : [poolStack.node.id]), ...scopes.map((s) => s.node.id)]
    .join('').replace(/[^A-Za-z0-9]/g, '');
}

/**
 * The ARN of the records of one kind for one pool:
 * `arn:<partition>:ssm:<region>:<account>:parameter/cdk-cognito-login/<UserPoolId>/<kind>/*`.
 *
 * A wildcard under the pool's own path rather than one ARN per styled
 * target, so the role stays the same size however many clients the stack
 * styles (one ARN of some 120 characters per client held about 75 clients
 * under IAM's 10,240 characters per role; a pool takes 1,000 clients). What
 * it adds is bounded by what the pool's own statement already allows: the
 * path holds only this library's ownership records of this one pool
 * (claimPathOf: the pool id is a whole segment, so no other pool's records
 * match), and the Cognito actions on the pool's ARN already let the handler
 * style every client of the pool. Records of other pools, of other kinds
 * the stack does not use, and every other parameter of the account stay out
 * of reach. The handler also needs records it did not create: a client whose
 * style moves between stacks or apps keeps its record, which the new owner
 * overwrites and an undo puts back (lambda/shared/claims.ts).
 */
export function claimPathArn(stack: Stack, userPoolId: string, kind: ClaimKind): string {
  return stack.formatArn({
    service: 'ssm',
    resource: 'parameter',
    // The path starts with '/', which the ARN's 'parameter' already ends with.
    resourceName: `${claimPathOf(userPoolId, kind).slice(1)}*`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
