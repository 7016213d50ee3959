import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { synthesizeExample } from './synth';
import * as triggerSdk from '../../lambda/account-linking/sdk';
import { RESOURCE_TYPES } from '../../lambda/registry';
import * as sdk from '../../lambda/shared/sdk';
import { CognitoLogin, LoginDomain } from '../../src';
import { policyCharactersPerRole } from '../../standin/runner/iam-rendering';
import { examplesOnThisCdk } from '../util/compat';

/**
 * The custom-resource role of every example, read from the synthesized
 * template and asset manifest (test/branding covers the same rules construct
 * by construct): nothing on `*`, Cognito actions on the stack's own pools
 * only and only the actions of the resource types the pool's styles use (a
 * classic-only pool gets nothing of managed login and the other way round),
 * each pool in an AWS::IAM::Policy of its own that every style of the
 * pool depends on, SSM on exactly the claim parameters of the styled
 * targets, s3:GetObject on exactly the staged objects the resources name,
 * logs only into the handler's own log group, and no managed policy.
 */

/** Each registered type's own Cognito actions, by CloudFormation type. */
const ACTIONS_OF_TYPE = new Map(RESOURCE_TYPES.map(({ type }) => [type.resourceType, [...type.poolActions]]));
const CLAIM_KIND_OF_TYPE = new Map(RESOURCE_TYPES.map(({ type }) => [type.resourceType, type.claimKind]));
const COGNITO_ACTIONS = [...new Set(RESOURCE_TYPES.flatMap(({ type }) => type.poolActions))].sort();
/** What the handler asks CloudFormation: whether an earlier owner still exists, and whether its own stack rolls back. */
const CLOUDFORMATION_ACTIONS = ['cloudformation:DescribeStackResource', 'cloudformation:DescribeStacks'];
const SSM_ACTIONS = ['ssm:DeleteParameter', 'ssm:GetParameter', 'ssm:PutParameter'];
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** Logical ids of the stack's custom-resource provider (pinned in logical-ids.test.ts). */
const HANDLER_PREFIX = 'CdkCognitoLoginHandlerCustomResourceProvider';

interface Statement { Effect: string; Action: string | string[]; Resource: unknown }
type Resources = Record<string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: string[]; Properties?: any }>;

/** A template value as text, intrinsics shown as `<Ref>` or `<Resource.Attribute>`, for comparing ARNs built from parts. */
function render(value: any): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value.Ref) {
    return `<${value.Ref}>`;
  }
  if (value['Fn::GetAtt']) {
    return `<${value['Fn::GetAtt'].join('.')}>`;
  }
  if (value['Fn::Join']) {
    return value['Fn::Join'][1].map(render).join(value['Fn::Join'][0]);
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

function ofType(resources: Resources, type: string): Array<[string, any]> {
  return Object.entries(resources).filter(([, r]) => r.Type === type).map(([id, r]) => [id, r.Properties ?? {}]);
}

/** An S3 ARN as written by the library, with the partition as `<partition>`. */
function objectArn(resource: any): string {
  expect(resource['Fn::Join']).toBeDefined();
  return resource['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : '<partition>')).join('');
}

/** `arn:<partition>:s3:::bucket/*` of every bucket the stack's file assets are published to, from its asset manifest. */
function publishedBucketArns(outdir: string, stack: Stack): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, `${stack.artifactId}.assets.json`), 'utf8'));
  return new Set(Object.values<any>(manifest.files ?? {}).flatMap((file) => Object.values<any>(file.destinations)
    .map((d) => `arn:<partition>:s3:::${d.bucketName}/*`)));
}

/** The bucket of every `{ Bucket, Key }` reference the page-style resources pass to the handler, as `arn:<partition>:s3:::bucket/*`. */
function stagedBucketArns(resources: Resources): Set<string> {
  const refs = Object.values(resources).filter((r) => r.Type.startsWith('Custom::Cognito')).flatMap((r) => {
    const p = r.Properties ?? {};
    return [p.Settings, ...(p.Assets ?? []), p.Css, p.Logo].filter((ref) => ref !== undefined);
  });
  return new Set(refs.map((ref: any) => `arn:<partition>:s3:::${ref.Bucket}/*`));
}

test('the registered types\' Cognito actions and the claims\' SSM actions are exactly the commands the handler can send', () => {
  // GIVEN the one module through which the handler imports SDK commands
  const exported = Object.keys(sdk);

  // WHEN
  const operations = exported.filter((name) => name.endsWith('Command') && name !== 'GetObjectCommand').map((name) => name.replace(/Command$/, ''));
  const isSsm = (operation: string) => operation.endsWith('Parameter');
  const isCloudFormation = (operation: string) => operation.startsWith('DescribeStack');

  // THEN a command added to the handler without its IAM action fails here
  expect(exported).toContain('GetObjectCommand');
  expect(operations.filter((o) => !isSsm(o) && !isCloudFormation(o)).map((o) => `cognito-idp:${o}`).sort()).toEqual(COGNITO_ACTIONS);
  expect(operations.filter(isCloudFormation).map((o) => `cloudformation:${o}`).sort()).toEqual(CLOUDFORMATION_ACTIONS);
  expect(operations.filter(isSsm).map((o) => `ssm:${o}`).sort()).toEqual(SSM_ACTIONS);
});

describe.each(examplesOnThisCdk())('example %s: the custom-resource role', (_name, example) => {
  const { stacks, outdir } = synthesizeExample(example);

  test.each(stacks.map((stack) => [stack.stackName, stack] as const))('in %s allows nothing on *, nothing managed, and only what its resources need', (_stackName, stack) => {
    // GIVEN
    const resources: Resources = Template.fromStack(stack).toJSON().Resources;
    // The custom-resource handler's function, role and log group (a Lambda trigger has its own, checked below)
    const [[, handler], ...otherHandlers] = ofType(resources, 'AWS::Lambda::Function').filter(([id]) => id.startsWith(HANDLER_PREFIX));
    const roleId: string = handler.Role['Fn::GetAtt'][0];
    const role = resources[roleId].Properties;
    const logGroupId: string = handler.LoggingConfig.LogGroup.Ref;
    const poolPolicies = ofType(resources, 'AWS::IAM::Policy').filter(([, p]) => p.Roles.some((r: any) => r.Ref === roleId));
    const styles = Object.entries(resources).filter(([, r]) => r.Type.startsWith('Custom::Cognito'));

    // WHEN
    const statements: Statement[] = role.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    const poolStatements: Statement[] = poolPolicies.flatMap(([, p]) => p.PolicyDocument.Statement);
    const actionsOf = (s: Statement) => [s.Action].flat().sort();

    // THEN: one handler with its own role, assumed by Lambda only, without managed policies
    expect(otherHandlers).toEqual([]);
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    expect(role.ManagedPolicyArns).toBeUndefined();
    // The one wildcard: DescribeStackResource on this account's stacks in this Region, read-only, which cdk-nag
    // finds acknowledged (an earlier owner of a client may be in any stack); DescribeStacks on this stack only.
    const lookups = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cloudformation:')));
    expect(lookups.map((s) => [actionsOf(s), render(s.Resource as any)])).toEqual([
      [['cloudformation:DescribeStackResource'], `arn:<AWS::Partition>:cloudformation:${stack.region}:${stack.account}:stack/*`],
      [['cloudformation:DescribeStacks'], '<AWS::StackId>'],
    ]);
    const withoutLookups = [...statements, ...poolStatements].filter((s) => !lookups.includes(s) && !actionsOf(s).includes('s3:GetObject'));
    expect(JSON.stringify(withoutLookups)).not.toMatch(/"\*"|[:/]\*"/);
    expect([...statements, ...poolStatements].every((s) => s.Effect === 'Allow')).toBe(true);

    // Each pool: one policy attached to the role, Cognito on that pool, SSM on its styled targets' claims;
    // every style depends on its pool's policy, so a clean-up Delete runs before the policy goes
    const pools = ofType(resources, 'AWS::Cognito::UserPool').map(([id]) => id);
    expect(poolPolicies).toHaveLength(pools.length);
    for (const [policyId, policy] of poolPolicies) {
      expect(policy.Roles).toEqual([{ Ref: roleId }]);
      const [cognitoStatement, ssmStatement, ...others] = policy.PolicyDocument.Statement as Statement[];
      expect(others).toEqual([]);
      const poolId = cognitoStatement.Resource as any;
      expect(pools.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }))).toContainEqual(poolId);
      const stylesOfPool = styles.filter(([, r]) => r.Properties.UserPoolId.Ref === poolId['Fn::GetAtt'][0]);
      expect(stylesOfPool.length).toBeGreaterThan(0);
      // Only the actions of the types used on this pool
      const typesUsed = new Set(stylesOfPool.map(([, r]) => r.Type));
      expect(actionsOf(cognitoStatement)).toEqual([...new Set([...typesUsed].flatMap((t) => ACTIONS_OF_TYPE.get(t)!))].sort());
      for (const [, style] of stylesOfPool) {
        expect(style.DependsOn).toContain(policyId);
      }
      expect(actionsOf(ssmStatement)).toEqual(SSM_ACTIONS);
      const claims = [ssmStatement.Resource].flat().map(render).sort();
      const expected = stylesOfPool.map(([, r]) => {
        // A pool-wide type (client registration) has no ClientId: its record is the pool's, ALL.
        const clientId = r.Properties.ClientId === undefined ? 'ALL' : render(r.Properties.ClientId);
        return `:parameter/cdk-cognito-login/${render(r.Properties.UserPoolId)}/${CLAIM_KIND_OF_TYPE.get(r.Type)}/${clientId}`;
      });
      expect(claims.map((arn) => arn.replace(/^arn:<AWS::Partition>:ssm:[^:]+:[^:]+/, '')).sort()).toEqual([...new Set(expected)].sort());
      expect(claims.every((arn) => arn.startsWith('arn:<AWS::Partition>:ssm:'))).toBe(true);
    }

    // Logs: into the handler's own group only
    const logs = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
    expect(logs.map(actionsOf)).toEqual([LOG_ACTIONS]);
    expect(logs[0].Resource).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    expect(handler.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
    expect(resources[logGroupId]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { RetentionInDays: 365 } });

    // The role's own policy: nothing on Cognito or SSM
    expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:') || a.startsWith('ssm:')))).toEqual([]);

    // S3: the objects of the buckets the resources' files are staged to (an earlier owner's files, staged by
    // another stack of the same bootstrap, must be readable to apply its declaration again), each a bucket this
    // stack publishes assets to; no statement at all when every style is Cognito's defaults
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    const staged = stagedBucketArns(resources);
    expect(s3.map(actionsOf)).toEqual(staged.size > 0 ? [['s3:GetObject']] : []);
    const readable = new Set(s3.flatMap((s) => [s.Resource].flat()).map(objectArn));
    expect(readable).toEqual(staged);
    const published = publishedBucketArns(outdir, stack);
    expect([...readable].filter((arn) => !published.has(arn))).toEqual([]);

    // and nothing else
    expect(statements).toHaveLength(logs.length + lookups.length + s3.length);
  });
});

/** The account linking trigger's Cognito actions, by whether it may create native users. */
const TRIGGER_ACTIONS = ['cognito-idp:AdminLinkProviderForUser', 'cognito-idp:ListUsers'];

test('the account linking trigger\'s actions are exactly the commands it can send', () => {
  const commands = Object.keys(triggerSdk).filter((name) => name.endsWith('Command')).map((name) => `cognito-idp:${name.replace(/Command$/, '')}`);
  expect(commands.sort()).toEqual([...TRIGGER_ACTIONS, 'cognito-idp:AdminCreateUser'].sort());
});

describe.each(examplesOnThisCdk())('example %s: a Lambda trigger\'s role', (_name, example) => {
  const { stacks } = synthesizeExample(example);

  test.each(stacks.map((stack) => [stack.stackName, stack] as const))('in %s logs into its own group and acts on its own pool only', (_stackName, stack) => {
    // GIVEN every function that is not the custom-resource handler: the triggers
    const resources: Resources = Template.fromStack(stack).toJSON().Resources;
    const triggers = ofType(resources, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith(HANDLER_PREFIX));

    for (const [triggerId, trigger] of triggers) {
      // WHEN
      const roleId: string = trigger.Role['Fn::GetAtt'][0];
      const role = resources[roleId].Properties;
      const policies = ofType(resources, 'AWS::IAM::Policy').filter(([, p]) => p.Roles.some((r: any) => r.Ref === roleId));
      const statements: Statement[] = policies.flatMap(([, p]) => p.PolicyDocument.Statement);
      const pools = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Cognito::UserPool'
        && Object.values(r.Properties.LambdaConfig ?? {}).some((v: any) => v['Fn::GetAtt']?.[0] === triggerId)).map(([id]) => id);

      // THEN: a role of its own, nothing managed, nothing on *
      expect(role.ManagedPolicyArns).toBeUndefined();
      expect(role.Policies).toBeUndefined();
      expect(JSON.stringify(statements)).not.toMatch(/"\*"|[:/]\*"/);
      // logs into its own group
      const logs = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logs).toEqual([{ Effect: 'Allow', Action: LOG_ACTIONS, Resource: { 'Fn::GetAtt': [trigger.LoggingConfig.LogGroup.Ref, 'Arn'] } }]);
      // Cognito on the one pool that calls it
      expect(pools).toHaveLength(1);
      const cognitoStatements = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
      expect(cognitoStatements).toHaveLength(1);
      expect(cognitoStatements[0].Resource).toEqual({ 'Fn::GetAtt': [pools[0], 'Arn'] });
      const actions = [cognitoStatements[0].Action].flat().sort();
      expect([TRIGGER_ACTIONS, [...TRIGGER_ACTIONS, 'cognito-idp:AdminCreateUser'].sort()]).toContainEqual(actions);
      expect(statements).toHaveLength(logs.length + 1);
    }
  });
});

describe('the handler role\'s size', () => {
  /** A login with `count` clients, each styled (Cognito's defaults), in `region` (none: an environment-agnostic stack). */
  function loginWithClients(count: number, region: string | null = 'eu-west-1'): { app: App; stack: Stack; synth: () => void } {
    const app = new App();
    const stack = new Stack(app, 'Stack', region ? { env: { account: '123456789012', region } } : {});
    const login = new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test') });
    for (let i = 0; i < count; i++) {
      login.addClient(`Client${i}`, { callbackUrls: ['https://app.example.com/callback'] });
    }
    return { app, stack, synth: () => app.synth() };
  }

  /**
   * What IAM would count for the handler role of that login deployed in
   * `region`, from its template (synthesized unvalidated), but for the random
   * end of the log group's generated name, whose length CloudFormation does
   * not document.
   */
  function iamCount(count: number, region: string): number {
    const { app, stack } = loginWithClients(count, region);
    const template = app.synth({ skipValidation: true }).getStackArtifact(stack.artifactId).template;
    const role = Object.keys(template.Resources).find((id) => id.startsWith('CdkCognitoLoginHandlerCustomResourceProviderRole'))!;
    return policyCharactersPerRole(template, { region, account: '123456789012', stackName: stack.stackName, generatedSuffix: '' }).get(role)!;
  }

  test('counts each styled client\'s ownership record at the length of the ids Cognito generates: 100 clients are refused at synth', () => {
    // IAM would refuse the role at deploy: 100 claim ARNs of ~100 characters each pass its 10,240-character limit
    expect(loginWithClients(100).synth).toThrow(/role policy "0 asset buckets and 1 user pool" is invalid: at most 10240 characters of inline policy per IAM role, and these need at least 1[0-9]{4}: .*ownership record of each styled client/);
  });

  test('70 styled clients fit', () => {
    expect(loginWithClients(70).synth).not.toThrow();
  });

  // Region names recur in every ARN: a role can name about 77 clients in
  // eu-west-1 and 71 in ap-southeast-2. Synth must refuse what IAM would,
  // counted here from the template with every value filled in (but the log
  // group's random suffix, which synth cannot count either).
  test.each([
    ['eu-west-1', 77, 78],
    ['ap-southeast-2', 71, 72],
  ])('in %s, refused at synth exactly when IAM\'s count is over: %d clients pass, %d do not', (region, fits, over) => {
    // GIVEN what IAM would count
    expect(iamCount(fits, region)).toBeLessThanOrEqual(10_240);
    expect(iamCount(over, region)).toBeGreaterThan(10_240);

    // THEN synth agrees
    expect(loginWithClients(fits, region).synth).not.toThrow();
    expect(loginWithClients(over, region).synth).toThrow(/role policy "0 asset buckets and 1 user pool" is invalid/);
  });

  test('a stack without a region: refused where every region would refuse it, a warning where only some would', () => {
    // GIVEN 73 clients: too many in ap-southeast-2, not in us-east-1
    const { app, stack } = loginWithClients(73, null);

    // WHEN
    const messages = app.synth().getStackArtifact(stack.artifactId).messages;

    // THEN synth passes and says where the deployment would fail
    const warnings = messages.filter((m) => m.level === 'warning' && String(m.entry.data).includes('role policy'));
    expect(warnings.map((m) => m.entry.data)).toEqual([
      expect.stringMatching(/^role policy for 0 asset buckets and 1 user pool: at least 1[0-9]{4} characters in a region named like ap-southeast-2, over IAM's 10240 per role, so deploying this stack there would fail \([0-9]+ in us-east-1\)\. Give the stack an env with its region/),
    ]);
    // and from 80 clients no region could take it
    expect(loginWithClients(80, null).synth).toThrow(/role policy "0 asset buckets and 1 user pool" is invalid/);
  });
});
