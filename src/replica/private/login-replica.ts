import { Arn, CfnResource, IResolvable, Lazy, RemovalPolicy, Stack, Stage, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct, IConstruct } from 'constructs';
import { ProviderLike, acknowledge, tidyProvider } from '../../private/handler-provider';
import { ViolationCollector, isUnresolved, warn } from '../../private/validate';
import { LoginReplicaOptions } from '../replica';

/**
 * The CloudFormation types, written as plain CfnResources and property
 * overrides: aws-cdk-lib's L1s `CfnUserPoolReplica`,
 * `CfnUserPoolRegionalConfigurationAttachment` and the pool's and domain's
 * new properties came with 2.262; the peer floor (2.177.0) has none of them,
 * while the resource types exist in CloudFormation regardless.
 */
export const REPLICA_TYPE = 'AWS::Cognito::UserPoolReplica';
export const REGIONAL_CONFIGURATION_TYPE = 'AWS::Cognito::UserPoolRegionalConfigurationAttachment';

/** KeyConfigurationType and IssuerConfigurationType (Cognito API reference; CloudFormation: "Update requires: No interruption"). */
const CUSTOMER_MANAGED_KEY = 'CUSTOMER_MANAGED_KEY';
const UPDATED_ISSUER = 'UPDATED';

/** A Region name as AWS spells it: `eu-central-1`, `us-gov-west-1`. */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** FailoverType.PrimaryRoute53HealthCheckId: at most 64 characters (Cognito API reference). */
const HEALTH_CHECK_ID_MAX_LENGTH = 64;
/** A multi-Region key's id starts with `mrk-` (AWS KMS developer guide, "Multi-Region key identifiers"). */
const MULTI_REGION_KEY_ARN = /^arn:[^:]+:kms:([^:]+):[^:]*:key\/mrk-[0-9a-f]+$/;

/** The construct ids aws-cdk-lib gives its cross-Region reference providers (Custom::CrossRegionExportWriter, ...Reader). */
const CROSS_REGION_PROVIDER_PREFIX = 'Custom::CrossRegionExport';

/** The warning ids of the rules that warn, for `Annotations.acknowledgeWarning`. */
export const ISSUER_CHANGE_WARNING = 'replicaIssuerChange';
export const TOTP_WARNING = 'replicaTotpMfa';

/** What the replica needs from the rest of the login. */
export interface ReplicaContext {
  /** The pool's props after the login's defaults, or undefined for a pool of the app's own. */
  readonly poolProps?: cognito.UserPoolProps;
  /**
   * Makes the login's Lambda triggers again in the replica Region: called
   * with a scope in the replica Region's stack and the replica pool's ARN,
   * it returns the triggers by their `LambdaConfig` member name.
   */
  readonly regionalTriggers: (scope: Construct, replicaPoolArn: string) => Record<string, lambda.IFunction>;
}

/**
 * The replica of one login's pool: the multi-Region key (made or given),
 * the pool's key and issuer, the replica, the replica Region's own settings
 * and the domain's failover.
 *
 * Cross-Region resources go in stacks the login adds to the app, next to
 * the login's stack (same Stage), as aws-cdk-lib's `crossRegionReferences`
 * carries values between them (an SSM parameter written by a custom
 * resource in the producing Region, read in the consuming one). The order
 * CloudFormation needs decides the stacks:
 *
 *   `<base>-PrimaryKey`  (login's Region)  the multi-Region key
 *   `<base>-ReplicaKey`  (replica Region)  its replica key
 *   the login's stack                       pool (key, issuer), replica, health check, domain failover
 *   `<base>-Replica`     (replica Region)  triggers, regional configuration
 *
 * The replica key must exist before the replica (the key must be available
 * in every Region of the pool), and the regional configuration needs the
 * replica: one stack per Region would be a cycle. With a key of your own the
 * two key stacks are not made.
 */
export class LoginReplica {
  /** Checks the options (every violation in one error) and the rules that warn. */
  public static resolve(scope: IConstruct, prop: string, options: LoginReplicaOptions, context: Omit<ReplicaContext, 'regionalTriggers'> & {
    readonly ownPool: boolean;
  }): void {
    const violations = new ViolationCollector(scope);
    const stack = Stack.of(scope);
    if (Token.isUnresolved(stack.region) || Token.isUnresolved(stack.account)) {
      violations.add(prop, `stack ${stack.node.path} with env ${Token.isUnresolved(stack.region) ? '(no region)' : stack.region}`
        + `/${Token.isUnresolved(stack.account) ? '(no account)' : stack.account}`,
      'a stack with an explicit env { account, region }: the replica Region\'s resources go in stacks of their own, '
        + 'and CloudFormation carries values between Regions only between stacks of known environments');
    }
    const region: unknown = options.region;
    if (typeof region !== 'string' || isUnresolved(region) || !REGION_NAME.test(region)) {
      violations.add(`${prop}.region`, region, 'a Region name known at synth, such as eu-central-1');
    } else if (region === stack.region) {
      violations.add(`${prop}.region`, region, `another Region than the login's stack (${stack.region}): a replica serves from a second Region`);
    }
    if (context.ownPool) {
      violations.add(prop, `region: ${String(region)}`, 'absent with userPool: the pool\'s key and issuer are set where the pool is made '
        + '(KeyConfiguration, IssuerConfiguration), and a pool made elsewhere may have a replica already (Cognito allows one per pool)');
    }
    const plan = context.poolProps?.featurePlan;
    if (plan === cognito.FeaturePlan.LITE) {
      violations.add('userPoolProps.featurePlan', plan, 'ESSENTIALS or PLUS with a replica: Cognito offers multi-Region replication on those plans only');
    }
    collectKeyViolations(violations, `${prop}.key`, options.key, stack.region);
    const healthCheckId: unknown = options.healthCheckId;
    if (healthCheckId !== undefined && !isUnresolved(healthCheckId)
      && (typeof healthCheckId !== 'string' || healthCheckId.length === 0 || healthCheckId.length > HEALTH_CHECK_ID_MAX_LENGTH)) {
      violations.add(`${prop}.healthCheckId`, healthCheckId, `the id of a Route 53 health check, 1 to ${HEALTH_CHECK_ID_MAX_LENGTH} characters`);
    }
    if (options.active !== undefined && typeof options.active !== 'boolean') {
      violations.add(`${prop}.active`, options.active, 'true or false');
    }
    violations.throwIfAny();

    const props = context.poolProps ?? {};
    if (props.mfa !== cognito.Mfa.OFF && props.mfaSecondFactor?.otp === true) {
      warn(scope, TOTP_WARNING, 'TOTP MFA is not supported on a secondary replica (developer guide "Multi-Region replication for user pools"): '
        + 'users who set up an authenticator app cannot sign in while the replica serves. '
        + 'Set userPoolProps.mfaSecondFactor to { otp: false, email: true } (or sms) to keep MFA working after a failover.');
    }
    warn(scope, ISSUER_CHANGE_WARNING, 'A replica gives the pool the multi-Region issuer (IssuerConfiguration UPDATED). On a pool deployed before, '
      + `the iss of its tokens changes from https://cognito-idp.${stack.region}.amazonaws.com/<pool id> `
      + `to https://issuer-cognito-idp.${stack.region}.amazonaws.com/<pool id>: every token verifier, ALB and API Gateway authorizer `
      + 'must accept the new issuer before you deploy, or they refuse every token. A new pool has no verifiers yet: acknowledge this warning.');
  }

  /** The replica Region's stack, once made. */
  public readonly regionalStack: Stack;
  /** The replica resource, in the login's stack. */
  public readonly replica: CfnResource;

  constructor(scope: Construct, options: LoginReplicaOptions, pool: cognito.UserPool, domain: cognito.UserPoolDomain, context: ReplicaContext) {
    const stack = Stack.of(scope);
    const stage = Stage.of(stack) ?? stack.node.root;
    // Stack names take letters, digits and hyphens only (CloudFormation's CreateStack): a login id such as `My_Login` becomes `My-Login`.
    const base = `${stack.stackName}-${scope.node.id}`.replace(/[^A-Za-z0-9-]/g, '-');
    const account = stack.account;
    const key = options.key ?? makeMultiRegionKey(stage as Construct, base, stack, options.region);

    const cfnPool = pool.node.defaultChild as cognito.CfnUserPool;
    cfnPool.addPropertyOverride('KeyConfiguration', { KeyType: CUSTOMER_MANAGED_KEY, KmsKeyArn: key.keyArn });
    cfnPool.addPropertyOverride('IssuerConfiguration', { Type: UPDATED_ISSUER });

    this.replica = new CfnResource(scope, 'Replica', {
      type: REPLICA_TYPE,
      properties: { RegionName: options.region, UserPoolId: pool.userPoolId },
    });

    const healthCheckId = options.healthCheckId ?? new route53.CfnHealthCheck(scope, 'PrimaryHealthCheck', {
      healthCheckConfig: {
        type: 'HTTPS',
        fullyQualifiedDomainName: `cognito-idp.${stack.region}.${stack.urlSuffix}`,
        resourcePath: `/${pool.userPoolId}/.well-known/jwks.json`,
        port: 443,
        requestInterval: 30,
        failureThreshold: 3,
      },
    }).attrHealthCheckId;
    const cfnDomain = domain.node.defaultChild as cognito.CfnUserPoolDomain;
    cfnDomain.addPropertyOverride('Routing', { Failover: { SecondaryRegion: options.region, PrimaryRoute53HealthCheckId: healthCheckId } });
    cfnDomain.node.addDependency(this.replica);

    this.regionalStack = new Stack(stage as Construct, `${base}-Replica`, {
      env: { account, region: options.region },
      crossRegionReferences: true,
      description: `cdk-cognito-login: the ${options.region} replica's own settings of the user pool of ${scope.node.path}`,
    });
    // The regional configuration of a replica needs the replica (node dependencies between stacks become stack dependencies).
    this.regionalStack.node.addDependency(stack);
    const replicaPoolArn = Arn.format({
      service: 'cognito-idp', region: options.region, account, resource: 'userpool', resourceName: pool.userPoolId,
    }, this.regionalStack);
    const triggers = context.regionalTriggers(this.regionalStack, replicaPoolArn);
    const lambdaConfig: Record<string, string> = {};
    for (const [member, fn] of Object.entries(triggers)) {
      fn.addPermission(`${member}Cognito`, { principal: new iam.ServicePrincipal('cognito-idp.amazonaws.com'), sourceArn: replicaPoolArn });
      lambdaConfig[member] = fn.functionArn;
    }
    new CfnResource(this.regionalStack, 'RegionalConfiguration', {
      type: REGIONAL_CONFIGURATION_TYPE,
      properties: {
        UserPoolId: pool.userPoolId,
        Status: options.active === true ? 'ACTIVE' : 'INACTIVE',
        LambdaConfig: Object.keys(lambdaConfig).length > 0 ? lambdaConfig : undefined,
        EmailConfiguration: Lazy.any({ produce: () => pascalCase(cfnPool.emailConfiguration) }),
        SmsConfiguration: Lazy.any({ produce: () => pascalCase(cfnPool.smsConfiguration) }),
      },
    });
    requireOneReplicaPerPool(scope, pool, this.replica);
    for (const crossRegion of [stack, this.regionalStack, ...(options.key === undefined ? this.keyStacks(stage as Construct, base) : [])]) {
      tidyCrossRegionProviders(crossRegion, options.region);
    }
  }

  private keyStacks(stage: Construct, base: string): Stack[] {
    return [`${base}-PrimaryKey`, `${base}-ReplicaKey`].map((id) => stage.node.findChild(id) as Stack);
  }
}

/**
 * aws-cdk-lib adds the providers of cross-Region references
 * (`Custom::CrossRegionExportWriter` in the producing stack,
 * `...Reader` in the consuming one) while it prepares the app, after every
 * construct and aspect ran; the earliest hook after that is validation,
 * which runs before the templates are written. There they get what the
 * library's own provider gets (tidyProvider): the templates lint clean and
 * the roles carry no managed policy.
 */
function tidyCrossRegionProviders(stack: Stack, replicaRegion: string): void {
  const tidied = new Set<IConstruct>();
  stack.node.addValidation({
    validate: () => {
      for (const child of stack.node.children) {
        const provider = child as Partial<ProviderLike> & IConstruct;
        if (child.node.id.startsWith(CROSS_REGION_PROVIDER_PREFIX) && typeof provider.addToRolePolicy === 'function' && !tidied.has(child)) {
          tidied.add(child);
          tidyProvider(provider as ProviderLike);
          const reader = child.node.id.includes('Reader');
          acknowledge(provider as ProviderLike, `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:${replicaRegion}:${stack.account}:`
            + `parameter/cdk/exports/${reader ? `${stack.stackName}/` : ''}*]`,
          'aws-cdk-lib\'s cross-Region references: values the replica Region\'s stacks use are kept as SSM parameters under '
            + '/cdk/exports/ of that Region, named by aws-cdk-lib at synth; the writer keeps those of every consuming stack, '
            + 'a reader reads its own stack\'s only');
        }
      }
      return [];
    },
  });
}

/** A given key: a multi-Region primary key of the login's Region, when its ARN is known at synth. */
function collectKeyViolations(violations: ViolationCollector, prop: string, key: kms.IKey | undefined, loginRegion: string): void {
  if (key === undefined) {
    return;
  }
  const keyArn: unknown = key.keyArn;
  if (typeof keyArn !== 'string') {
    violations.add(prop, key, 'a kms.IKey, e.g. kms.Key.fromKeyArn(this, \'Key\', \'arn:aws:kms:<region>:<account>:key/mrk-...\')');
    return;
  }
  const cfnKey = key.node.defaultChild;
  if (cfnKey instanceof kms.CfnKey && cfnKey.multiRegion !== true) {
    violations.add(prop, key.node.path, 'a multi-Region key (kms.Key with multiRegion: true): Cognito replicates a pool encrypted with one only');
  }
  if (!isUnresolved(keyArn)) {
    const match = MULTI_REGION_KEY_ARN.exec(keyArn);
    if (match === null) {
      violations.add(prop, keyArn, 'a multi-Region key, whose ARN ends in key/mrk-...: Cognito replicates a pool encrypted with one only');
    } else if (!isUnresolved(loginRegion) && match[1] !== loginRegion) {
      violations.add(prop, keyArn, `the key in the login's Region (${loginRegion}), the primary or a replica of the multi-Region key`);
    }
  }
}

/**
 * The multi-Region key made for a login: its primary in a stack of the
 * login's Region, its replica key in a stack of the replica Region, both
 * kept on deletion (the pool's data is encrypted with it), with rotation.
 */
function makeMultiRegionKey(stage: Construct, base: string, loginStack: Stack, replicaRegion: string): kms.IKey {
  const account = loginStack.account;
  const primaryStack = new Stack(stage, `${base}-PrimaryKey`, {
    env: { account, region: loginStack.region },
    description: 'cdk-cognito-login: the multi-Region KMS key of a replicated user pool',
  });
  const key = new kms.Key(primaryStack, 'Key', {
    multiRegion: true,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
    description: `cdk-cognito-login: encrypts the user pool of ${loginStack.stackName} in ${loginStack.region} and ${replicaRegion}`,
  });
  key.addToResourcePolicy(cognitoKeyStatement(account));
  const replicaStack = new Stack(stage, `${base}-ReplicaKey`, {
    env: { account, region: replicaRegion },
    crossRegionReferences: true,
    description: 'cdk-cognito-login: the replica of the multi-Region KMS key of a replicated user pool',
  });
  const replicaKey = new kms.CfnReplicaKey(replicaStack, 'Key', {
    primaryKeyArn: key.keyArn,
    keyPolicy: new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({ actions: ['kms:*'], principals: [new iam.AccountRootPrincipal()], resources: ['*'] }),
        cognitoKeyStatement(account),
      ],
    }),
    description: `cdk-cognito-login: encrypts the ${replicaRegion} replica of the user pool of ${loginStack.stackName}`,
  });
  replicaKey.applyRemovalPolicy(RemovalPolicy.RETAIN);
  // The replica key must exist before the pool is replicated.
  loginStack.node.addDependency(replicaStack);
  return key;
}

/** Cognito's use of the key, for this account's pools only (the confused-deputy condition of the KMS key policy docs). */
function cognitoKeyStatement(account: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*', 'kms:DescribeKey', 'kms:CreateGrant'],
    principals: [new iam.ServicePrincipal('cognito-idp.amazonaws.com')],
    resources: ['*'],
    conditions: { StringEquals: { 'aws:SourceAccount': account } },
  });
}

/** The L1's camelCase members as CloudFormation's PascalCase (EmailConfiguration and SmsConfiguration have no nested objects). */
function pascalCase(value: object | IResolvable | undefined): unknown {
  if (value === undefined || Token.isUnresolved(value)) {
    return value;
  }
  return Object.fromEntries(Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .map(([name, member]) => [name.charAt(0).toUpperCase() + name.slice(1), member]));
}

/**
 * Cognito allows one replica per user pool (developer guide, "Limitations
 * of multi-Region replication"). The login makes one; this refuses, at
 * synth, any other `AWS::Cognito::UserPoolReplica` of the same pool in the
 * app (one written by hand, or by another construct).
 */
function requireOneReplicaPerPool(scope: IConstruct, pool: cognito.UserPool, own: CfnResource): void {
  scope.node.addValidation({
    validate: () => scope.node.root.node.findAll()
      .filter((construct): construct is CfnResource => construct !== own && CfnResource.isCfnResource(construct)
        && construct.cfnResourceType === REPLICA_TYPE && replicatedPoolId(construct) === pool.userPoolId)
      .map((other) => 'replica: one replica per user pool (Cognito allows one secondary per user directory); '
        + `${other.node.path} replicates the pool of ${own.node.path} a second time`),
  });
}

/** The UserPoolId of a replica written as a plain CfnResource or with aws-cdk-lib's L1 (2.262+). */
function replicatedPoolId(replica: CfnResource): unknown {
  const withProps = replica as unknown as { readonly _cfnProperties?: Record<string, unknown>; readonly userPoolId?: unknown };
  return withProps.userPoolId ?? withProps._cfnProperties?.UserPoolId;
}
