import * as path from 'path';
import { CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LINKING_POLICY_VARIABLE, LinkingPolicy, parseLinkingPolicy, renderLinkingPolicy } from './linking-contract';
import { LAMBDA_NODEJS_RUNTIME } from '../../private/lambda-runtime';

/**
 * Built by `npx projen bundle` from lambda/account-linking/index.ts. The same
 * relative path works from src/account-linking/private (ts-jest) and
 * lib/account-linking/private (compiled package).
 */
const TRIGGER_CODE_DIRECTORY = path.join(__dirname, '..', '..', '..', 'assets', 'account-linking');

/** What the trigger calls on its pool; AdminCreateUser only when it may create native users. */
export function triggerActions(policy: LinkingPolicy): string[] {
  return [
    'cognito-idp:ListUsers',
    'cognito-idp:AdminLinkProviderForUser',
    ...(policy.createNativeUser ? ['cognito-idp:AdminCreateUser'] : []),
  ];
}

/**
 * The pre sign-up trigger that links accounts, under `scope` with the id
 * `AccountLinking`: its function (Node.js 24, the bundled file), its own
 * role without managed policies, its own log group, and a policy on the
 * pool.
 *
 * The pool's LambdaConfig names the function, so the function must not
 * depend on anything that names the pool, or CloudFormation sees a cycle
 * (pool -> function -> role's default policy -> pool). The Cognito
 * permissions therefore sit in an iam.Policy of their own, attached to the
 * role with attachInlinePolicy: the pattern aws-cdk-lib's aws-cognito README
 * gives under "Trigger Permissions" (aws-cdk issue 7016). The function
 * depends on its role only; the policy depends on the pool and the role. The
 * policy names this pool's ARN, no wildcard over the account's pools.
 */
export function addLinkingTrigger(scope: Construct, userPool: cognito.UserPool, policy: LinkingPolicy): lambda.Function {
  const fn = makeLinkingFunction(scope, userPool.userPoolArn, policy);
  userPool.addTrigger(cognito.UserPoolOperation.PRE_SIGN_UP, fn);
  return fn;
}

/**
 * The trigger's function, role, log group and pool policy under
 * `scope/AccountLinking`, for the pool of `userPoolArn`: the login's pool,
 * or its replica in another Region (the same pool id there), where Cognito
 * calls the trigger of that Region.
 */
export function makeLinkingFunction(scope: Construct, userPoolArn: string, policy: LinkingPolicy): lambda.Function {
  const environment = renderLinkingPolicy(policy);
  // The trigger parses it the same way at its cold start: refuse here what it would refuse there.
  parseLinkingPolicy(environment);

  const construct = new Construct(scope, 'AccountLinking');
  const logGroup = new logs.LogGroup(construct, 'LogGroup', {
    // Decisions without personal data: a year covers an audit of who got linked when.
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const role = new iam.Role(construct, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: 'cdk-cognito-login: the account linking pre sign-up trigger',
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [logGroup.logGroupArn],
  }));
  const fn = new lambda.Function(construct, 'Function', {
    // Named rather than lambda.Runtime.NODEJS_24_X, which aws-cdk-lib's peer floor lacks (lambda-runtime.ts).
    runtime: new lambda.Runtime(LAMBDA_NODEJS_RUNTIME, lambda.RuntimeFamily.NODEJS),
    handler: 'index.handler',
    code: lambda.Code.fromAsset(TRIGGER_CODE_DIRECTORY),
    role,
    logGroup,
    // Cognito waits 5 seconds for a trigger; the function's own calls are bounded below that.
    timeout: Duration.seconds(5),
    memorySize: 256,
    environment: { [LINKING_POLICY_VARIABLE]: environment },
    description: 'cdk-cognito-login: links a first federated sign-in to the native user with the same verified email',
  });
  keepOnlyPolicyDependency(fn, role);
  role.attachInlinePolicy(new iam.Policy(construct, 'PoolPolicy', {
    statements: [new iam.PolicyStatement({ actions: triggerActions(policy), resources: [userPoolArn] })],
  }));
  return fn;
}

/**
 * aws-cdk-lib's Function depends on its role and the role's default policy
 * (the logs statement), although `Role: Fn::GetAtt [role, Arn]` already
 * orders function and role; cfn-lint flags the pair (W3005), and the
 * templates must lint clean. The function keeps its DependsOn on the default
 * policy only, so it is not created before it may log.
 */
function keepOnlyPolicyDependency(fn: lambda.Function, role: iam.Role): void {
  const cfnFunction = fn.node.defaultChild as CfnResource;
  const defaultPolicy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild as CfnResource | undefined;
  cfnFunction.addOverride('DependsOn', defaultPolicy ? [Stack.of(fn).getLogicalId(defaultPolicy)] : undefined);
}
