import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { synthesizeExample } from './synth';
import { exampleAsset } from '../../examples/house-style';
import * as triggerSdk from '../../lambda/account-linking/sdk';
import { RESOURCE_TYPES } from '../../lambda/registry';
import * as sdk from '../../lambda/shared/sdk';
import { BrandingCategory, BrandingColorMode, CognitoLogin, LoginDomain, LoginPages } from '../../src';
import { policyCharactersPerRole } from '../../standin/runner/iam-rendering';
import { examplesOnThisCdk } from '../util/compat';

/**
 * The custom-resource role of every example, read from the synthesized
 * template and asset manifest (test/branding covers the same rules construct
 * by construct): nothing on `*`, Cognito actions on the stack's own pools
 * only and only the actions of the resource types the pool's styles use (a
 * classic-only pool gets nothing of managed login and the other way round),
 * each pool in an AWS::IAM::Policy of its own that every style of the
 * pool depends on, SSM on the pool's own claim path (one per claim kind in
 * use), s3:GetObject on exactly the staged objects the resources name,
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

/** aws-cdk-lib's cross-Region reference providers (a replica's stacks): functions of aws-cdk-lib's, not triggers. */
const CROSS_REGION_PREFIX = 'CustomCrossRegionExport';

/** Whether a stack holds the library's custom-resource handler (the key and replica Region stacks of a replica do not). */
function hasHandler(stack: Stack): boolean {
  return ofType(Template.fromStack(stack).toJSON().Resources, 'AWS::Lambda::Function').some(([id]) => id.startsWith(HANDLER_PREFIX));
}

describe.each(examplesOnThisCdk())('example %s: the custom-resource role', (_name, example) => {
  const { stacks: allStacks, outdir } = synthesizeExample(example);
  const stacks = allStacks.filter(hasHandler);

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
    const withoutLookups = [...statements, ...poolStatements]
      .filter((s) => !lookups.includes(s) && !actionsOf(s).includes('s3:GetObject') && !actionsOf(s).includes('ssm:GetParameter'));
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
      // SSM on the pool's own record path, one per claim kind of the types used on it: not one ARN per client
      expect(actionsOf(ssmStatement)).toEqual(SSM_ACTIONS);
      const claims = [ssmStatement.Resource].flat().map(render).sort();
      const expected = stylesOfPool.map(([, r]) => `:parameter/cdk-cognito-login/${render(r.Properties.UserPoolId)}/${CLAIM_KIND_OF_TYPE.get(r.Type)}/*`);
      expect(claims.map((arn) => arn.replace(/^arn:<AWS::Partition>:ssm:[^:]+:[^:]+/, '')).sort()).toEqual([...new Set(expected)].sort());
      expect(claims.every((arn) => arn.startsWith(`arn:<AWS::Partition>:ssm:${stack.region}:${stack.account}:parameter/cdk-cognito-login/<`))).toBe(true);
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

describe.each(examplesOnThisCdk())('example %s: aws-cdk-lib\'s cross-Region reference providers', (_name, example) => {
  const { stacks } = synthesizeExample(example);

  test.each(stacks.map((stack) => [stack.stackName, stack] as const))('in %s log into their own group, nothing managed, SSM under /cdk/exports/ only', (_stackName, stack) => {
    // GIVEN
    const resources: Resources = Template.fromStack(stack).toJSON().Resources;
    const providers = ofType(resources, 'AWS::Lambda::Function').filter(([id]) => id.startsWith(CROSS_REGION_PREFIX));

    for (const [, provider] of providers) {
      // WHEN
      const role = resources[provider.Role['Fn::GetAtt'][0]].Properties;
      const statements: Statement[] = role.Policies.flatMap((p: any) => p.PolicyDocument.Statement);

      // THEN
      expect(role.ManagedPolicyArns).toBeUndefined();
      expect(provider.DependsOn).toBeUndefined();
      const logs = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logs).toEqual([{ Effect: 'Allow', Action: LOG_ACTIONS, Resource: { 'Fn::GetAtt': [provider.LoggingConfig.LogGroup.Ref, 'Arn'] } }]);
      const others = statements.filter((s) => !logs.includes(s));
      expect(others.flatMap((s) => [s.Action].flat()).every((a) => a.startsWith('ssm:'))).toBe(true);
      expect(others.flatMap((s) => [s.Resource].flat()).map(render).every((arn) => /^arn:<AWS::Partition>:ssm:[a-z0-9-]+:\d+:parameter\/cdk\/exports\//.test(arn)))
        .toBe(true);
    }
  });
});

/** The regional settings of a replica, where its Region's triggers are named. */
const REGIONAL_CONFIGURATION = 'AWS::Cognito::UserPoolRegionalConfigurationAttachment';

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
    const triggers = ofType(resources, 'AWS::Lambda::Function').filter(([id]) => !id.startsWith(HANDLER_PREFIX) && !id.startsWith(CROSS_REGION_PREFIX));

    for (const [triggerId, trigger] of triggers) {
      // WHEN
      const roleId: string = trigger.Role['Fn::GetAtt'][0];
      const role = resources[roleId].Properties;
      const policies = ofType(resources, 'AWS::IAM::Policy').filter(([, p]) => p.Roles.some((r: any) => r.Ref === roleId));
      const statements: Statement[] = policies.flatMap(([, p]) => p.PolicyDocument.Statement);
      // The pool that calls it: the stack's pool, or in a replica Region's stack the replica, whose settings name the trigger
      const callers = Object.entries(resources).filter(([, r]) => ['AWS::Cognito::UserPool', REGIONAL_CONFIGURATION].includes(r.Type)
        && Object.values(r.Properties.LambdaConfig ?? {}).some((v: any) => v['Fn::GetAtt']?.[0] === triggerId));
      const pools = callers.map(([id]) => id);
      const poolArn = callers[0]?.[1].Type === REGIONAL_CONFIGURATION
        ? `arn:<AWS::Partition>:cognito-idp:${stack.region}:${stack.account}:userpool/${render(callers[0][1].Properties.UserPoolId)}`
        : undefined;

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
      if (poolArn === undefined) {
        expect(cognitoStatements[0].Resource).toEqual({ 'Fn::GetAtt': [pools[0], 'Arn'] });
      } else {
        expect(render(cognitoStatements[0].Resource)).toBe(poolArn);
      }
      const actions = [cognitoStatements[0].Action].flat().sort();
      expect([TRIGGER_ACTIONS, [...TRIGGER_ACTIONS, 'cognito-idp:AdminCreateUser'].sort()]).toContainEqual(actions);
      expect(statements).toHaveLength(logs.length + 1);
    }
  });
});

describe('the handler role\'s size', () => {
  /**
   * A stack of `pools` logins with `clients` clients each, every client
   * styled (Cognito's defaults), in `region` (none: an environment-agnostic
   * stack).
   */
  function loginsWithClients(pools: number, clients: number, region: string | null = 'eu-west-1'): { app: App; stack: Stack; synth: () => void } {
    const app = new App();
    const stack = new Stack(app, 'Stack', region ? { env: { account: '123456789012', region } } : {});
    for (let p = 0; p < pools; p++) {
      const login = new CognitoLogin(stack, pools === 1 ? 'Login' : `Login${p}`, { domain: LoginDomain.cognitoPrefix(`acme-test-${p}`) });
      // The aws-cdk-lib way, which the login styles all the same: addClient's
      // sign-in URL outputs would pass CloudFormation's 200 per template.
      for (let i = 0; i < clients; i++) {
        login.userPool.addClient(`Client${i}`, { oAuth: { callbackUrls: ['https://app.example.com/callback'] } });
      }
    }
    return { app, stack, synth: () => app.synth() };
  }

  /**
   * What IAM would count for the handler role of that stack deployed in
   * `region`, from its template (synthesized unvalidated), but for the random
   * end of the log group's generated name, whose length CloudFormation does
   * not document.
   */
  function iamCount(pools: number, clients: number, region: string): number {
    const { app, stack } = loginsWithClients(pools, clients, region);
    const template = app.synth({ skipValidation: true }).getStackArtifact(stack.artifactId).template;
    const role = Object.keys(template.Resources).find((id) => id.startsWith('CdkCognitoLoginHandlerCustomResourceProviderRole'))!;
    return policyCharactersPerRole(template, { region, account: '123456789012', stackName: stack.stackName, generatedSuffix: '' }).get(role)!;
  }

  test('does not grow with the styled clients: 1 and 240 clients of a pool cost the same characters', () => {
    // GIVEN a pool with 1 styled client, and one with 240 (one ARN per client's record passed IAM's limit at about 77)
    const one = iamCount(1, 1, 'eu-west-1');

    // WHEN
    const many = iamCount(1, 240, 'eu-west-1');

    // THEN
    expect(many).toBe(one);
    const { stack, synth } = loginsWithClients(1, 240);
    expect(synth).not.toThrow();
    expect(Object.keys(Template.fromStack(stack).findResources('Custom::CognitoManagedLoginBranding'))).toHaveLength(240);
  });

  // Each styled pool adds a policy (its Cognito actions, its records' path) of
  // some 530 characters, and region names recur in its ARNs: a role takes 18
  // pools in eu-west-1 and 17 in ap-southeast-2. Synth must refuse what IAM
  // would, counted here from the template with every value filled in (but
  // the log group's random suffix, which synth cannot count either).
  test.each([
    ['eu-west-1', 18, 19],
    ['ap-southeast-2', 17, 18],
  ])('in %s, refused at synth exactly when IAM\'s count is over: %d styled pools pass, %d do not', (region, fits, over) => {
    // GIVEN what IAM would count
    expect(iamCount(fits, 1, region)).toBeLessThanOrEqual(10_240);
    expect(iamCount(over, 1, region)).toBeGreaterThan(10_240);

    // THEN synth agrees
    expect(loginsWithClients(fits, 1, region).synth).not.toThrow();
    expect(loginsWithClients(over, 1, region).synth).toThrow(
      new RegExp(`role policy "0 asset buckets and ${over} user pools" is invalid: at most 10240 characters of inline policy per IAM role, `
        + 'and these need at least 1[0-9]{4}: each styled user pool adds a policy'));
  });

  test('a stack without a region: refused where every region would refuse it, a warning where only some would', () => {
    // GIVEN 18 styled pools: too many in ap-southeast-2, not in us-east-1
    const { app, stack } = loginsWithClients(18, 1, null);

    // WHEN
    const messages = app.synth().getStackArtifact(stack.artifactId).messages;

    // THEN synth passes and says where the deployment would fail
    const warnings = messages.filter((m) => m.level === 'warning' && String(m.entry.data).includes('role policy'));
    expect(warnings.map((m) => m.entry.data)).toEqual([
      expect.stringMatching(/^role policy for 0 asset buckets and 18 user pools: at least 1[0-9]{4} characters in a region named like ap-southeast-2, over IAM's 10240 per role, so deploying this stack there would fail \([0-9]+ in us-east-1\)\. Give the stack an env with its region/),
    ]);
    // and from 19 pools no region could take it
    expect(loginsWithClients(19, 1, null).synth).toThrow(/role policy "0 asset buckets and 19 user pools" is invalid/);
  });
});

describe('with roles the app supplies (iam.Role.customizeRoles)', () => {
  test('the policy report gives the handler role\'s every statement resolved: per pool its actions, the styled pool\'s record path, the asset bucket', () => {
    // GIVEN an app whose roles its security team creates from aws-cdk-lib's policy report,
    // with a managed login pool whose client shows a staged logo, and a pool with a CIMD policy only (classic pages, no style)
    const app = new App();
    const stack = new Stack(app, 'Auth', { env: { account: '123456789012', region: 'eu-west-1' } });
    iam.Role.customizeRoles(stack);
    const styled = new CognitoLogin(stack, 'Styled', {
      domain: LoginDomain.cognitoPrefix('acme-styled'),
      pages: LoginPages.managedLogin({ branding: { assets: [exampleAsset('logo.png', BrandingCategory.FORM_LOGO, BrandingColorMode.LIGHT)] } }),
    });
    styled.addClient('Web', { callbackUrls: ['https://app.example.com/callback'] });
    const agents = new CognitoLogin(stack, 'Agents', { domain: LoginDomain.cognitoPrefix('acme-agents'), pages: LoginPages.classic() });
    agents.addClient('Mcp', {
      callbackUrls: ['https://app.example.com/callback'],
      clientMetadataDocuments: { urlPatterns: ['https://agents.example.com/*.json'] },
    });

    // WHEN
    const assembly = app.synth();

    // THEN the report holds values, not unresolved tokens, and no statement without actions or resources
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'iam-policy-report.json'), 'utf-8'));
    const role = report.roles.find((r: { roleConstructPath: string }) => r.roleConstructPath === `Auth/${HANDLER_PREFIX}/Role`);
    const statements: Statement[] = role.identityPolicyStatements;
    expect(JSON.stringify(statements)).not.toContain('Token[');
    for (const statement of statements) {
      expect([statement.Action].flat().length).toBeGreaterThan(0);
      expect([statement.Resource].flat().length).toBeGreaterThan(0);
    }
    const on = (resource: string) => statements.filter((s) => [s.Resource].flat().some((r) => String(r).includes(resource)));
    // each pool: the actions of its own resource types on its own ARN
    expect(on('Auth/Styled/UserPool/Resource.Arn').flatMap((s) => [s.Action].flat())).toEqual(ACTIONS_OF_TYPE.get('Custom::CognitoManagedLoginBranding'));
    expect(on('Auth/Agents/UserPool/Resource.Arn').flatMap((s) => [s.Action].flat())).toEqual(ACTIONS_OF_TYPE.get('Custom::CognitoClientMetadataPolicy'));
    // the records of the styled pool only: a CIMD policy keeps none
    const claims = statements.filter((s) => [s.Action].flat().includes('ssm:PutParameter'));
    expect(claims.map((s) => [s.Resource].flat())).toEqual([[
      `arn:(PARTITION):ssm:eu-west-1:123456789012:parameter/cdk-cognito-login/(Auth/Styled/UserPool/Resource.Ref)/${CLAIM_KIND_OF_TYPE.get('Custom::CognitoManagedLoginBranding')}/*`,
    ]]);
    // the staged logo's bucket
    expect(statements.filter((s) => [s.Action].flat().includes('s3:GetObject')).map((s) => [s.Resource].flat())).toEqual([[
      expect.stringMatching(/^arn:\(PARTITION\):s3:::cdk-[a-z0-9]+-assets-123456789012-eu-west-1\/\*$/),
    ]]);
  });
});
