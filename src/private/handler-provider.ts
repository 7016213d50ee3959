import * as path from 'path';
import { CfnResource, CustomResource, CustomResourceProvider, CustomResourceProviderRuntime, Duration, RemovalPolicy, Size, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CustomResourceType, DeclaredTarget } from './custom-resource-contract';
import { LAMBDA_NODEJS_RUNTIME } from './lambda-runtime';
import { ClaimTarget, grantPool, PolicyStatementJson, PoolGrant, ProviderResources } from './pool-grants';
import { rolePolicySizeErrors } from './role-policy-check';
import { StagedFile } from './staging';

/**
 * Construct id of the stack-wide provider; one Lambda serves every custom
 * resource of the library in a stack. Its function's logical id starts with
 * it, which is how the deploy runner knows the library's handler.
 */
export const PROVIDER_ID = 'CdkCognitoLoginHandler';

/**
 * Built by `npx projen bundle` from lambda/index.ts. The same relative path
 * works from src/private (ts-jest) and lib/private (compiled package).
 */
const HANDLER_CODE_DIRECTORY = path.join(__dirname, '..', '..', 'assets', 'handler');

/** The handler's runtime, set on the function's template directly (see lambda-runtime.ts). */
const HANDLER_RUNTIME = LAMBDA_NODEJS_RUNTIME;

/**
 * What the handler asks CloudFormation (lambda/shared/owners.ts): whether an
 * earlier owner of a target still exists, and whether its own stack is
 * rolling back. Both read metadata only.
 */
const OWNER_LOOKUP_ACTION = 'cloudformation:DescribeStackResource';
const OWN_STACK_ACTION = 'cloudformation:DescribeStacks';

/** aws-cdk-lib's Validations.ACKNOWLEDGED_RULES_METADATA_KEY, where cdk-nag looks for acknowledged findings. */
const ACKNOWLEDGED_RULES_METADATA_KEY = 'aws:cdk:acknowledged-rules';

/** One custom resource served by the stack's handler. */
export interface HandlerResourceProps {
  /** The pool the resource acts on; its ARN is the only resource of the type's Cognito actions. */
  readonly userPool: cognito.IUserPool;
  /** The staged files the handler reads. */
  readonly files: StagedFile[];
  /** The properties, in the type's contract; parsed at synth before the resource is made. */
  readonly properties: object;
}

/**
 * A custom resource of a registered type (custom-resource-contract.ts),
 * served by the stack's handler: construct id `Resource` under `scope`.
 * Its properties are parsed with the type's own contract first, so the
 * constructs can never write what the handler would refuse; then the
 * handler's role is allowed what the resource needs (see
 * loginHandlerServiceToken).
 */
export function addHandlerResource<P extends DeclaredTarget>(
  scope: Construct, type: CustomResourceType<P>, props: HandlerResourceProps,
): CustomResource {
  const declared = type.parse({ ...props.properties }, { synth: true });
  return new CustomResource(scope, 'Resource', {
    resourceType: type.resourceType,
    serviceToken: loginHandlerServiceToken(scope, {
      userPool: props.userPool,
      files: props.files,
      actions: type.poolActions,
      claim: type.claimKind === undefined ? undefined : { kind: type.claimKind, clientId: declared.clientId },
    }),
    properties: { ...props.properties },
  });
}

/** What one custom resource needs the handler to be allowed to touch. */
interface HandlerGrants {
  /** The pool the resource acts on. */
  readonly userPool: cognito.IUserPool;
  /** The staged files the handler reads. */
  readonly files: StagedFile[];
  /** Its type's Cognito actions, on the pool. */
  readonly actions: readonly string[];
  /** The target whose ownership record (claim) the handler keeps: its kind and client id (or ALL); none for a type without claims. */
  readonly claim?: ClaimTarget;
}

const resourcesByProvider = new WeakMap<CustomResourceProvider, ProviderResources>();

/**
 * The service token of the stack's handler, after allowing it what `grants`
 * names.
 *
 * Cognito actions are those of the resource types in use: a pool styled only
 * by classic customizations gets SetUICustomization and nothing of managed
 * login, and the other way round.
 *
 * The role's own inline policy: writing to the handler's own log group,
 * the CloudFormation reads of allowOwnerLookups, and s3:GetObject on the
 * objects of the asset bucket(s) the stack stages to (see
 * StagedFile.bucketObjectsArn: an earlier owner's files were staged by
 * another stack). Each user pool gets
 * an AWS::IAM::Policy of its own, attached to the role: the Cognito actions
 * on that pool's ARN and the SSM actions on the pool's own record path, per
 * claim kind in use (claimPathArn). Neither grows with the files or the
 * clients: the role's size depends on the pools and buckets only. `scope` (the style's construct) depends on its pool's
 * policy, so CloudFormation creates the policy before the style and, when
 * the last style of a pool leaves the stack, deletes the style (its
 * clean-up Delete still allowed to act on the pool) before the policy. With
 * one shared statement the role lost the pool first, and that Delete failed.
 */
function loginHandlerServiceToken(scope: Construct, grants: HandlerGrants): string {
  const provider = CustomResourceProvider.getOrCreateProvider(scope, PROVIDER_ID, {
    codeDirectory: HANDLER_CODE_DIRECTORY,
    // Replaced by HANDLER_RUNTIME below: the newest runtime aws-cdk-lib's peer floor names.
    runtime: CustomResourceProviderRuntime.NODEJS_20_X,
    timeout: Duration.minutes(5),
    memorySize: Size.mebibytes(256),
    description: 'cdk-cognito-login: managed login branding and classic hosted UI customization',
  });
  let resources = resourcesByProvider.get(provider);
  if (!resources) {
    runOnNewestRuntime(provider);
    resources = {
      pools: new Map(), bucketArns: [], acknowledgedBuckets: new Set(), logGroupArn: tidyProvider(provider), lookups: allowOwnerLookups(provider),
    };
    resourcesByProvider.set(provider, resources);
    const collected = resources;
    provider.node.addValidation({ validate: () => rolePolicySizeErrors(provider, collected) });
  }
  const stack = Stack.of(provider);

  let pool = resources.pools.get(grants.userPool);
  if (!pool) {
    pool = grantPool(provider, grants.userPool);
    resources.pools.set(grants.userPool, pool);
  }
  pool.allowActions(grants.actions);
  const claimPath = grants.claim === undefined ? undefined : pool.allowClaims(grants.claim.kind);
  if (claimPath !== undefined) {
    acknowledgeClaimPath(pool, claimPath);
  }
  if (pool.policy) {
    scope.node.addDependency(pool.policy);
  }

  if (grants.files.length > 0) {
    if (resources.bucketArns.length === 0) {
      // The list itself, filled below: complete when the template is rendered, and when the policy report of
      // roles the app supplies (iam.Role.customizeRoles) is, which does not resolve Lazy values (see grantPool).
      provider.addToRolePolicy({ Effect: 'Allow', Action: 's3:GetObject', Resource: resources.bucketArns });
    }
    // One entry per bucket, however many files: the role reads the bucket's
    // objects (StagedFile.bucketObjectsArn), not each file.
    for (const file of grants.files) {
      const named = asNagRenders(stack, file.bucketObjectsArn);
      if (!resources.acknowledgedBuckets.has(named)) {
        resources.acknowledgedBuckets.add(named);
        acknowledgeBucketRead(provider, named);
        resources.bucketArns.push(file.bucketObjectsArn);
      }
    }
  }
  return provider.serviceToken;
}

/**
 * Acknowledges, for cdk-nag (AwsSolutions-IAM5), the SSM wildcard of one
 * pool's policy: the records of one kind under that pool's own path (see
 * claimPathArn). A pool of another stack is an import once the app is
 * prepared, a Ref before (cdk-nag's own walk may run on an unsynthesized
 * app): the finding is acknowledged as cdk-nag names it at either time.
 */
function acknowledgeClaimPath(pool: PoolGrant, arn: string): void {
  const policy = pool.policy;
  if (policy === undefined) {
    return;
  }
  const stack = Stack.of(policy);
  const reason = 'ssm:GetParameter, PutParameter and DeleteParameter on this library\'s ownership records of this one user pool '
    + '(/cdk-cognito-login/<pool id>/<kind>/*, one record per styled client): the pool\'s Cognito actions in the same policy '
    + 'already let the handler style every client of the pool, and a client whose style moves between stacks keeps its record; '
    + 'one ARN per client would pass IAM\'s 10,240 characters per role at about 75 clients';
  const acknowledged = new Set<string>();
  const acknowledgeAsRendered = () => {
    const named = asNagRenders(stack, arn);
    if (!acknowledged.has(named)) {
      acknowledged.add(named);
      acknowledgeOn(policy, `AwsSolutions-IAM5[Resource::${named}]`, reason);
    }
    return [];
  };
  acknowledgeAsRendered();
  policy.node.addValidation({ validate: acknowledgeAsRendered });
}

/**
 * The handler reads two things of CloudFormation. DescribeStackResource on
 * the stacks of this account and region: the earlier owner of a target (a
 * renamed or moved construct, another app styling the same client) may be in
 * any stack, and which one is only known at deploy time, from the ownership
 * record; the action returns a resource's status and ids, no properties,
 * parameters or outputs. DescribeStacks on this stack only: whether it is
 * rolling back.
 */
function allowOwnerLookups(provider: CustomResourceProvider): PolicyStatementJson[] {
  const stack = Stack.of(provider);
  const statements: PolicyStatementJson[] = [
    { Effect: 'Allow', Action: OWNER_LOOKUP_ACTION, Resource: stack.formatArn({ service: 'cloudformation', resource: 'stack', resourceName: '*' }) },
    { Effect: 'Allow', Action: OWN_STACK_ACTION, Resource: stack.stackId },
  ];
  statements.forEach((statement) => provider.addToRolePolicy(statement));
  const at = (value: string, token: string) => (Token.isUnresolved(value) ? token : value);
  acknowledge(provider, `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudformation:${at(stack.region, '<AWS::Region>')}:`
    + `${at(stack.account, '<AWS::AccountId>')}:stack/*]`,
  'cloudformation:DescribeStackResource on the stacks of this account and Region: the handler asks whether the '
    + 'earlier owner of a styled client, named by its ownership record at deploy time and possibly in any stack, still '
    + 'exists; the action returns a resource\'s status and ids only');
  return statements;
}

/**
 * Acknowledges one cdk-nag finding on a provider's role, with its reason,
 * in the metadata cdk-nag reads (aws-cdk-lib's
 * Validations.ACKNOWLEDGED_RULES_METADATA_KEY, written directly: Validations
 * is newer than the peer floor; the key as Validations.acknowledge writes it
 * from aws-cdk-lib 2.262.1 on, which cdk-nag reads with or without the prefix).
 */
export function acknowledge(provider: ProviderLike, finding: string, reason: string): void {
  const role = provider.node.tryFindChild('Role');
  if (CfnResource.isCfnResource(role)) {
    acknowledgeOn(role, finding, reason);
  }
}

/** One acknowledged cdk-nag finding on one resource (see acknowledge). */
function acknowledgeOn(resource: CfnResource, finding: string, reason: string): void {
  resource.node.addMetadata(ACKNOWLEDGED_RULES_METADATA_KEY, { [`Annotation::${finding}`]: reason });
}

/**
 * Acknowledges, for cdk-nag, the read of the asset bucket's objects (see
 * StagedFile.bucketObjectsArn), the second of the role's two wildcards.
 */
function acknowledgeBucketRead(provider: CustomResourceProvider, bucketObjects: string): void {
  acknowledge(provider, `AwsSolutions-IAM5[Resource::${bucketObjects}]`, 's3:GetObject on the objects of the CDK asset bucket the stack stages to: '
    + 'undoing a rolled-back rename or move applies an earlier owner\'s declaration, whose files another stack staged there; '
    + 'the bucket holds what CDK apps of this account and Region publish, which their deploy roles read already');
}

/**
 * A resource as cdk-nag names it in a finding (its flattenCfnReference): the
 * resolved value with each Ref and Fn::Sub variable as `<Name>`, each
 * Fn::GetAtt as `<Resource.Attribute>` and each Fn::ImportValue as the
 * export's name.
 */
function asNagRenders(stack: Stack, value: string): string {
  const render = (part: unknown): string => {
    if (typeof part === 'string') {
      return part.replace(/\$\{/g, '<').replace(/\}/g, '>');
    }
    const p = part as { 'Ref'?: string; 'Fn::Join'?: [string, unknown[]]; 'Fn::Sub'?: unknown; 'Fn::GetAtt'?: [unknown, unknown]; 'Fn::ImportValue'?: unknown };
    if (p['Fn::Join']) {
      return p['Fn::Join'][1].map(render).join(p['Fn::Join'][0]);
    }
    if (p['Fn::Sub']) {
      return render(p['Fn::Sub']);
    }
    if (p['Fn::GetAtt']) {
      return `<${render(p['Fn::GetAtt'][0])}.${render(p['Fn::GetAtt'][1])}>`;
    }
    if (p['Fn::ImportValue']) {
      return render(p['Fn::ImportValue']);
    }
    if (p.Ref) {
      return `<${render(p.Ref)}>`;
    }
    return JSON.stringify(part);
  };
  return render(stack.resolve(value));
}

/** Sets the handler's runtime to HANDLER_RUNTIME, whatever runtimes this aws-cdk-lib names. */
function runOnNewestRuntime(provider: CustomResourceProvider): void {
  const handler = provider.node.tryFindChild('Handler');
  if (CfnResource.isCfnResource(handler)) {
    handler.addPropertyOverride('Runtime', HANDLER_RUNTIME);
  }
}

/**
 * A provider of aws-cdk-lib's: CustomResourceProvider, or the base class of
 * its internal providers (the cross-Region reference ones), which is not
 * public at the peer floor. Both have the children `Handler` and `Role`.
 */
export type ProviderLike = Construct & Pick<CustomResourceProvider, 'addToRolePolicy'>;

/**
 * What the library does to every CustomResourceProvider it deploys, its own
 * or one aws-cdk-lib adds for it (the cross-Region reference providers of a
 * replica): no redundant DependsOn (cfn-lint W3005), and logs to a group of
 * its own instead of the managed AWSLambdaBasicExecutionRole (cdk-nag
 * AwsSolutions-IAM4). Returns the log group's ARN.
 */
export function tidyProvider(provider: ProviderLike): string {
  dropRedundantRoleDependency(provider);
  return logToOwnLogGroup(provider);
}

/**
 * aws-cdk-lib gives the provider's function a DependsOn on its role although
 * the function's `Role: Fn::GetAtt [role, Arn]` already orders them; cfn-lint
 * flags the pair (W3005), and the templates must lint clean. Removing the
 * DependsOn changes nothing CloudFormation does.
 */
function dropRedundantRoleDependency(provider: ProviderLike): void {
  const handler = provider.node.tryFindChild('Handler');
  const role = provider.node.tryFindChild('Role');
  // No Role child when the app pre-creates roles (iam.Role.customizeRoles).
  if (CfnResource.isCfnResource(handler) && CfnResource.isCfnResource(role)) {
    // The role is the function's only dependency. A deletion override, not
    // removeResourceDependency (public only in newer aws-cdk-lib than the floor).
    handler.addDeletionOverride('DependsOn');
  }
}

/**
 * aws-cdk-lib gives the provider's role the managed policy
 * AWSLambdaBasicExecutionRole, which allows writing to every log group of the
 * account (cdk-nag AwsSolutions-IAM4 on a typed view of the template). Instead
 * the function logs to a log group of its own (Lambda's LoggingConfig), and
 * the role may only create streams and put events there. The group is created
 * by the stack, so no permission to create groups is needed either.
 */
function logToOwnLogGroup(provider: ProviderLike): string {
  const logGroup = new logs.CfnLogGroup(provider, 'LogGroup', {
    // Payload-free logs of deployments: a year covers an audit, and the group does not grow forever.
    retentionInDays: logs.RetentionDays.ONE_YEAR,
  });
  // As aws-cdk-lib's LogGroup does: the logs of a stack's last deployments
  // (its deletion included) outlive it, and expire after the retention.
  logGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);
  const handler = provider.node.tryFindChild('Handler');
  if (CfnResource.isCfnResource(handler)) {
    handler.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.ref });
  }
  const role = provider.node.tryFindChild('Role');
  if (CfnResource.isCfnResource(role)) {
    role.addPropertyDeletionOverride('ManagedPolicyArns');
  }
  provider.addToRolePolicy({ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: logGroup.attrArn });
  return logGroup.attrArn;
}
