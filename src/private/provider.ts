import * as path from 'path';
import { CfnResource, CustomResourceProvider, CustomResourceProviderRuntime, Duration, Lazy, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { MAX_ROLE_POLICY_CHARACTERS, shortestRendering } from './policy-size';
import { StagedFile } from './staging';
import { ValidationError } from './validate';

/** Construct id of the stack-wide provider; one Lambda serves every branding resource of a stack. */
const PROVIDER_ID = 'CdkCognitoLoginHandler';

/**
 * Built by `npx projen bundle` from lambda/index.ts. The same relative path
 * works from src/private (ts-jest) and lib/private (compiled package).
 */
const HANDLER_CODE_DIRECTORY = path.join(__dirname, '..', '..', 'assets', 'handler');

/**
 * The Lambda runtime of the handler. aws-cdk-lib names NODEJS_24_X only from
 * 2.259.0 on, and the library supports aws-cdk-lib from its peer floor
 * (2.177.0) on: the runtime is set on the function's template directly, so
 * every supported aws-cdk-lib deploys the same function (and cdk-nag
 * AwsSolutions-L1, newest runtime, stays quiet).
 */
const HANDLER_RUNTIME = 'nodejs24.x';

/** The Cognito calls the handler makes; all of them act on a user pool. */
const COGNITO_ACTIONS = [
  'cognito-idp:CreateManagedLoginBranding',
  'cognito-idp:UpdateManagedLoginBranding',
  'cognito-idp:DeleteManagedLoginBranding',
  'cognito-idp:DescribeManagedLoginBrandingByClient',
  'cognito-idp:SetUICustomization',
];

/** What one custom resource needs the handler to be allowed to touch. */
export interface HandlerGrants {
  /** The pool the resource styles. */
  readonly userPool: cognito.IUserPool;
  /** The staged files the handler reads. */
  readonly files: StagedFile[];
}

/** Resources each policy statement covers, collected as custom resources are added. */
interface ProviderResources {
  readonly poolArns: string[];
  readonly objectArns: string[];
}

const resourcesByProvider = new WeakMap<CustomResourceProvider, ProviderResources>();

/**
 * The service token of the stack's handler, after allowing it what `grants`
 * names. The role ends with at most three statements: writing to the
 * handler's own log group, the Cognito actions on the pools' ARNs and
 * s3:GetObject on the staged objects' ARNs, each resource listed once however
 * many custom resources share it.
 */
export function loginHandlerServiceToken(scope: Construct, grants: HandlerGrants): string {
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
    resources = { poolArns: [], objectArns: [] };
    resourcesByProvider.set(provider, resources);
    runOnNewestRuntime(provider);
    dropRedundantRoleDependency(provider);
    logToOwnLogGroup(provider);
    const collected = resources;
    provider.node.addValidation({ validate: () => rolePolicySizeErrors(provider, collected) });
  }
  const stack = Stack.of(provider);

  if (resources.poolArns.length === 0) {
    provider.addToRolePolicy({ Effect: 'Allow', Action: COGNITO_ACTIONS, Resource: uniqueList(stack, resources.poolArns) });
  }
  resources.poolArns.push(grants.userPool.userPoolArn);

  if (grants.files.length > 0) {
    if (resources.objectArns.length === 0) {
      provider.addToRolePolicy({ Effect: 'Allow', Action: 's3:GetObject', Resource: uniqueList(stack, resources.objectArns) });
    }
    resources.objectArns.push(...grants.files.map((file) => file.objectArn));
  }
  return provider.serviceToken;
}

/** A list rendered at synth, each entry once (see `distinct`). */
function uniqueList(stack: Stack, values: string[]): string[] {
  return Lazy.list({ produce: () => distinct(stack, values) });
}

/**
 * Each entry once. Entries are compared by their resolved CloudFormation
 * form, since two tokens for the same ARN (an asset staged by two resources)
 * are different strings before resolution.
 */
function distinct(stack: Stack, values: string[]): string[] {
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

/**
 * Refuses a role whose inline policy would exceed IAM's limit: every
 * distinct staged file is one S3 object ARN of about 130 characters, so a
 * stack with some 75 different files (40 assets per style allowed) would
 * fail to create or update the role. Counted as a lower bound (literal text
 * only, pseudo parameters at their shortest), so the refusal is never wrong.
 */
function rolePolicySizeErrors(provider: CustomResourceProvider, resources: ProviderResources): string[] {
  const stack = Stack.of(provider);
  const pools = distinct(stack, resources.poolArns);
  const objects = distinct(stack, resources.objectArns);
  const statements = [
    { Effect: 'Allow', Action: COGNITO_ACTIONS, Resource: [] },
    ...(objects.length > 0 ? [{ Effect: 'Allow', Action: 's3:GetObject', Resource: [] }] : []),
  ];
  // Each ARN adds its own characters plus two quotes and a comma to the document.
  const characters = JSON.stringify({ Version: '2012-10-17', Statement: statements }).length
    + [...pools, ...objects].reduce((sum, arn) => sum + shortestRendering(stack, arn) + 3, 0);
  if (characters <= MAX_ROLE_POLICY_CHARACTERS) {
    return [];
  }
  return [new ValidationError(provider, 'role policy', `${objects.length} distinct staged files and ${pools.length} user pool${pools.length === 1 ? '' : 's'}`,
    `at most ${MAX_ROLE_POLICY_CHARACTERS} characters of inline policy per IAM role, and these need at least ${characters}: `
    + 'the handler may read each staged file by its ARN. Use fewer distinct files in this stack (identical files are shared), '
    + 'or spread the page styles over more stacks').message];
}

/** Sets the handler's runtime to HANDLER_RUNTIME, whatever runtimes this aws-cdk-lib names. */
function runOnNewestRuntime(provider: CustomResourceProvider): void {
  const handler = provider.node.tryFindChild('Handler');
  if (CfnResource.isCfnResource(handler)) {
    handler.addPropertyOverride('Runtime', HANDLER_RUNTIME);
  }
}

/**
 * aws-cdk-lib gives the provider's function a DependsOn on its role although
 * the function's `Role: Fn::GetAtt [role, Arn]` already orders them; cfn-lint
 * flags the pair (W3005), and the templates must lint clean. Removing the
 * DependsOn changes nothing CloudFormation does.
 */
function dropRedundantRoleDependency(provider: CustomResourceProvider): void {
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
function logToOwnLogGroup(provider: CustomResourceProvider): void {
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
}
