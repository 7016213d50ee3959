import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cfninc from 'aws-cdk-lib/cloudformation-include';
import { AwsSolutionsChecks } from 'cdk-nag';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { acknowledgementsIn, freshOutdir, synthesizeExample } from './synth';
import { exampleApp } from '../../examples/app';
import { CognitoLogin, LoginDomain } from '../../src';
import { describeFromCdk, examplesOnThisCdk } from '../util/compat';

const describeNag = describeFromCdk('2.257.0', 'cdk-nag 3 is a validation plugin of aws-cdk-lib (Validations), and declares', 'test/security/nag.test.ts');

/**
 * cdk-nag 3 is an aws-cdk-lib validation plugin: its findings go to the
 * validation report (not to Annotations), and it honours acknowledgements made
 * with aws-cdk-lib's `Validations.of(construct).acknowledge()`.
 *
 * It walks the construct tree and checks typed L1 resources (`instanceof
 * CfnRole`, `CfnFunction`, ...). The Lambda and role of aws-cdk-lib's
 * CustomResourceProvider are plain CfnResources, so the walk never checks
 * them; the "typed view" below reads every example's synthesized template
 * back with cloudformation-include, where every resource is typed, and runs
 * the same checks over it.
 */

/**
 * Every cdk-nag acknowledgement of every example: construct path and rule.
 * Each is the app owner's decision, made in the example, except the one the
 * library makes itself (LIBRARY_ACKNOWLEDGED). A new example must be listed
 * here, even with none.
 */
const ACKNOWLEDGED: Record<string, Array<[string, string]>> = {
  'prefix-google-saml': [
    ['PrefixGoogleSaml/Login/UserPool/Resource', 'AwsSolutions-COG2'],
    ['PrefixGoogleSaml/Login/UserPool/Resource', 'AwsSolutions-COG8'],
  ],
  'custom-domain': [],
  'managed-login-branding': [['ManagedLoginBranding/Pool/Resource', 'AwsSolutions-COG8']],
  'branded-login': [['BrandedLogin/Login/UserPool/Resource', 'AwsSolutions-COG8']],
  'classic-pages': [['ClassicPages/Pool/Resource', 'AwsSolutions-COG8']],
  'exported-style': [['ExportedStyle/Pool/Resource', 'AwsSolutions-COG8']],
  'passkeys-and-terms': [
    ['PasskeysAndTerms/Login/UserPool/Resource', 'AwsSolutions-COG2'],
    ['PasskeysAndTerms/Login/UserPool/Resource', 'AwsSolutions-COG8'],
  ],
  'account-linking': [
    ['AccountLinking/Login/UserPool/Resource', 'AwsSolutions-COG2'],
    ['AccountLinking/Login/UserPool/Resource', 'AwsSolutions-COG8'],
  ],
  'api-clients': [
    ['ApiClients/Login/UserPool/Resource', 'AwsSolutions-COG2'],
    ['ApiClients/Login/UserPool/Resource', 'AwsSolutions-COG8'],
  ],
  // Made by the library on aws-cdk-lib's cross-Region reference providers (src/replica/private/login-replica.ts).
  'replica': [
    ['Replica/Custom::CrossRegionExportWriterCustomResourceProvider/Role', 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:eu-central-1:123456789012:parameter/cdk/exports/*]'],
    ['Replica-Login-PrimaryKey/Custom::CrossRegionExportWriterCustomResourceProvider/Role', 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:eu-central-1:123456789012:parameter/cdk/exports/*]'],
    ['Replica-Login-ReplicaKey/Custom::CrossRegionExportReaderCustomResourceProvider/Role', 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:eu-central-1:123456789012:parameter/cdk/exports/Replica-Login-ReplicaKey/*]'],
    ['Replica-Login-Replica/Custom::CrossRegionExportReaderCustomResourceProvider/Role', 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:eu-central-1:123456789012:parameter/cdk/exports/Replica-Login-Replica/*]'],
  ],
  'mcp-server-login': [
    ['McpServerLogin/Login/UserPool/Resource', 'AwsSolutions-COG2'],
    ['McpServerLogin/Login/UserPool/Resource', 'AwsSolutions-COG8'],
  ],
};

/**
 * The library's own acknowledgements on its handler's role:
 * cloudformation:DescribeStackResource on the stacks of the account and
 * Region (an earlier owner of a styled client may be in any stack;
 * src/private/handler-provider.ts says why) and, where the stack stages
 * files, s3:GetObject on the asset bucket's objects. The third, on each
 * pool's policy, is claimPathsAcknowledged.
 */
const LIBRARY_ACKNOWLEDGED = (root: string, stagesFiles: boolean): Array<[string, string]> => [
  [`${root}/CdkCognitoLoginHandlerCustomResourceProvider/Role`, 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cloudformation:eu-west-1:123456789012:stack/*]'],
  // s3:GetObject on the asset bucket's objects: an earlier owner's files were staged by another stack (staging.ts)
  ...(stagesFiles ? [[`${root}/CdkCognitoLoginHandlerCustomResourceProvider/Role`,
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-123456789012-eu-west-1/*]']] as Array<[string, string]> : []),
];

/**
 * The library's acknowledgement of its SSM wildcard, on each pool's policy of
 * the handler's role: the ownership records under that pool's own path, one
 * per claim kind used (src/private/pool-grants.ts, claimPathArn), named as
 * cdk-nag names a resource.
 */
function claimPathsAcknowledged(app: App): Array<[string, string]> {
  return app.node.findAll()
    .filter((c): c is iam.CfnPolicy => c instanceof iam.CfnPolicy && /\/CdkCognitoLoginHandlerCustomResourceProvider\/Policy[^/]*$/.test(c.node.path))
    .flatMap((policy) => {
      const statements: Array<{ Action: string[]; Resource: unknown[] }> = Stack.of(policy).resolve(policy.policyDocument).Statement;
      return statements.filter((s) => s.Action.includes('ssm:PutParameter'))
        .flatMap((s) => s.Resource.map((r) => [policy.node.path, `AwsSolutions-IAM5[Resource::${flattenCfnReference(r)}]`] as [string, string]));
    });
}

/** Findings as `rule at construct path`, so a failure names both. */
function findings(report: { violations: Array<{ ruleName: string; violatingResources: Array<{ constructPath?: string }> }> }): string[] {
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)).sort();
}

/**
 * The stack's synthesized template read back into a fresh app with
 * cloudformation-include (every resource a typed L1), with the original
 * acknowledgements carried over by logical id.
 */
function typedView(stack: Stack, outdir: string): App {
  const app = new App({ outdir: freshOutdir() });
  const copy = new Stack(app, stack.stackName, { env: { account: stack.account, region: stack.region } });
  const templateFile = path.join(app.outdir, 'included.template.json');
  fs.writeFileSync(templateFile, JSON.stringify(withoutStackOutputReads(JSON.parse(fs.readFileSync(path.join(outdir, stack.templateFile), 'utf8')))));
  const include = new cfninc.CfnInclude(copy, 'Template', { templateFile });
  for (const acknowledgement of acknowledgementsIn(stack)) {
    const resource = acknowledgement.construct;
    // Narrow: on one resource, never on a scope; else there is no logical id to carry it to.
    if (!CfnResource.isCfnResource(resource)) {
      throw new Error(`${acknowledgement.path}: ${acknowledgement.id} is acknowledged on a scope, not on one resource`);
    }
    Validations.of(include.getResource(stack.getLogicalId(resource)))
      .acknowledge({ id: acknowledgement.id, reason: acknowledgement.reason });
  }
  return app;
}

/**
 * A template with each `Fn::GetStackOutput` (a custom domain's certificate
 * made in us-east-1, src/domain/private/us-east-1-certificate.ts) replaced by
 * a string naming it: cloudformation-include refuses the function
 * (UnsupportedCloudFormationFunction), and no check reads a value another
 * stack makes.
 */
function withoutStackOutputReads(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutStackOutputReads);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const read = (value as { 'Fn::GetStackOutput'?: { StackName: string; OutputName: string } })['Fn::GetStackOutput'];
  if (read !== undefined && Object.keys(value).length === 1) {
    return `output ${read.OutputName} of stack ${read.StackName}`;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutStackOutputReads(item)]));
}

describeNag.each(examplesOnThisCdk())('example %s under AwsSolutionsChecks', (name, example) => {
  test('has no finding left unacknowledged', () => {
    // GIVEN
    const app = example.createApp({ outdir: freshOutdir() });

    // WHEN
    const report = new AwsSolutionsChecks().validateScope(app);

    // THEN
    expect(findings(report)).toEqual([]);
  });

  test('synthesizes with the checks registered as the cdk-nag README shows', () => {
    // WHEN: exampleApp's context fails synth on any error or warning of any plugin
    const { outdir } = synthesizeExample(example, {}, (app) => Validations.of(app).addPlugins(new AwsSolutionsChecks(app)));

    // THEN
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports.flatMap((r: any) => r.violations)).toEqual([]);
  });

  test('has no finding on a typed view of its templates either (the custom-resource Lambda and role included)', () => {
    // GIVEN
    const { stacks, outdir } = synthesizeExample(example);

    for (const stack of stacks) {
      // WHEN
      const report = new AwsSolutionsChecks().validateScope(typedView(stack, outdir));

      // THEN
      expect(findings(report)).toEqual([]);
    }
  });

  test('acknowledges exactly the listed rules, each on one resource, with a reason', () => {
    // WHEN
    const { app } = synthesizeExample(example);

    // THEN
    const acknowledged = acknowledgementsIn(app);
    expect(ACKNOWLEDGED[name]).toBeDefined();
    const root = app.node.children.find((c) => c instanceof Stack)!.node.path;
    const stagesFiles = JSON.stringify(app.synth().stacks.map((s) => s.template)).includes('"s3:GetObject"');
    const expected = [...ACKNOWLEDGED[name], ...LIBRARY_ACKNOWLEDGED(root, stagesFiles), ...claimPathsAcknowledged(app)].sort();
    expect(acknowledged.map((a) => [a.path, a.id.replace(/^Annotation::/, '')]).sort()).toEqual(expected);
    for (const { reason } of acknowledged) {
      expect(reason.length).toBeGreaterThan(40);
    }
  });
});

describeNag('the checks are live', () => {
  test('a CognitoLogin on the library defaults is reported for optional MFA (warning) and the Essentials plan (error)', () => {
    // GIVEN: no acknowledgement
    const app = exampleApp({ outdir: freshOutdir() });
    const stack = new Stack(app, 'Defaults', { env: { account: '123456789012', region: 'eu-west-1' } });
    new CognitoLogin(stack, 'Login', { domain: LoginDomain.cognitoPrefix('acme-defaults') });

    // WHEN
    const report = new AwsSolutionsChecks().validateScope(app);

    // THEN: strong passwords (COG1) are a default; MFA and the plan are the app owner's call
    expect(report.violations.map((v) => [v.ruleName, v.severity])).toEqual([
      ['AwsSolutions-COG2', 'warning'],
      ['AwsSolutions-COG8', 'error'],
    ]);
  });

  test('the typed view sees a plain CfnResource role that the construct walk misses', () => {
    // GIVEN: a role as aws-cdk-lib's CustomResourceProvider writes it (untyped), with a managed policy
    const app = new App({ outdir: freshOutdir() });
    const stack = new Stack(app, 'Raw', { env: { account: '123456789012', region: 'eu-west-1' } });
    new CfnResource(stack, 'Role', {
      type: 'AWS::IAM::Role',
      properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }] },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
    });
    const outdir = freshOutdir();
    fs.writeFileSync(path.join(outdir, stack.templateFile), JSON.stringify(Template.fromStack(stack).toJSON()));

    // WHEN
    const walked = new AwsSolutionsChecks().validateScope(app);
    const typed = new AwsSolutionsChecks().validateScope(typedView(stack, outdir));

    // THEN
    expect(findings(walked)).toEqual([]);
    expect(findings(typed)).toEqual([
      'AwsSolutions-IAM4[Policy::arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole] at Raw/Template/Role',
    ]);
  });
});
