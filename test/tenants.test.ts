import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { testFromCdk } from './util/compat';
import { LOGIN_STACK, TENANTS_ENV, tenantsApp, TenantsApp } from '../scripts/bench/tenants-app';
import { policyCharactersPerRole } from '../standin/runner/iam-rendering';

/**
 * Issue 20's third target, as far as CI can afford it: a multi-tenant app of
 * one pool and one styled client per tenant (each its own logo and colors),
 * the login's stack holding 240 of them and one tenant stack 190 more, the
 * way 1,000 tenants are spread over five stacks. The full 1,000 are
 * synthesized and deployed by the benchmark (scripts/bench/tenants.ts).
 * Before the handler's role named each client's ownership record, the
 * login's stack was refused at synth from about 77 styled clients.
 */
jest.setTimeout(180_000);

const IN_LOGIN_STACK = 240;
const IN_TENANT_STACK = 190;
/** CloudFormation's quotas per template: resources, outputs, and bytes of a template read from S3. */
const MAX_RESOURCES = 500;
const MAX_OUTPUTS = 200;
const MAX_TEMPLATE_BYTES = 1_000_000;

interface Resources { [id: string]: { Type: string; Properties?: any; DependsOn?: string[] } }

function build(inLoginStack: number, inTenantStack: number): { tenants: TenantsApp; assembly: CloudAssembly } {
  const tenants = tenantsApp({
    outdir: mkdtempSync(path.join(tmpdir(), 'cognito-login-tenants-out-')),
    imagesDir: mkdtempSync(path.join(tmpdir(), 'cognito-login-tenants-images-')),
    inLoginStack,
    tenantStacks: [inTenantStack],
  });
  return { tenants, assembly: tenants.app.synth() };
}

/** The characters IAM counts for the handler role of a stack (its own inline policy and each policy attached to it). */
function handlerRoleCharacters(assembly: CloudAssembly, stack: Stack): number {
  const template = assembly.getStackByName(stack.stackName).template;
  const role = Object.keys(template.Resources).find((id) => id.startsWith('CdkCognitoLoginHandlerCustomResourceProviderRole'))!;
  return policyCharactersPerRole(template, { ...TENANTS_ENV, stackName: stack.stackName, generatedSuffix: '' }).get(role)!;
}

describe(`a pool of ${IN_LOGIN_STACK + IN_TENANT_STACK} styled tenants: ${IN_LOGIN_STACK} in the login's stack, ${IN_TENANT_STACK} in a tenant stack`, () => {
  let tenants: TenantsApp;
  let assembly: CloudAssembly;
  let stacks: Stack[];
  const resourcesOf = (stack: Stack): Resources => assembly.getStackByName(stack.stackName).template.Resources;

  beforeAll(() => {
    // WHEN
    ({ tenants, assembly } = build(IN_LOGIN_STACK, IN_TENANT_STACK));
    stacks = [tenants.loginStack, ...tenants.tenantStacks];
  });

  test('synthesizes, each stack within CloudFormation\'s quotas on resources, outputs and template size', () => {
    // THEN
    for (const stack of stacks) {
      const artifact = assembly.getStackByName(stack.stackName);
      expect(Object.keys(artifact.template.Resources).length).toBeLessThanOrEqual(MAX_RESOURCES);
      expect(Object.keys(artifact.template.Outputs ?? {}).length).toBeLessThanOrEqual(MAX_OUTPUTS);
      expect(JSON.stringify(artifact.template).length).toBeLessThan(MAX_TEMPLATE_BYTES);
    }
  });

  test('every tenant\'s client gets its own style, in the client\'s stack, served by that stack\'s one handler', () => {
    // THEN
    const counts = stacks.map((stack) => {
      const resources = Object.values(resourcesOf(stack));
      const clients = resources.filter((r) => r.Type === 'AWS::Cognito::UserPoolClient');
      const styles = resources.filter((r) => r.Type === 'Custom::CognitoManagedLoginBranding');
      expect(new Set(styles.map((s) => JSON.stringify(s.Properties.ClientId))).size).toBe(styles.length);
      expect(new Set(styles.map((s) => JSON.stringify(s.Properties.Settings))).size).toBe(styles.length);
      return [clients.length, styles.length, resources.filter((r) => r.Type === 'AWS::Lambda::Function').length];
    });
    expect(counts).toEqual([[IN_LOGIN_STACK, IN_LOGIN_STACK, 1], [IN_TENANT_STACK, IN_TENANT_STACK, 1]]);
  });

  test('each handler role is as large as with one tenant per stack: it grows with neither the clients nor the files', () => {
    // GIVEN the same app with one tenant in each stack
    const small = build(1, 1);

    // THEN
    expect(handlerRoleCharacters(assembly, tenants.loginStack)).toBe(handlerRoleCharacters(small.assembly, small.tenants.loginStack));
    expect(handlerRoleCharacters(assembly, tenants.tenantStacks[0])).toBe(handlerRoleCharacters(small.assembly, small.tenants.tenantStacks[0]));
  });

  test('the handler may touch the records under the login pool\'s own path only, in the tenant stack through the login stack\'s export', () => {
    // THEN
    const ssmResources = stacks.map((stack) => Object.values(resourcesOf(stack))
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement)
      .filter((s: { Action: string[] }) => s.Action.includes('ssm:PutParameter'))
      .map((s: { Resource: unknown }) => s.Resource));
    const poolId = Object.entries(resourcesOf(tenants.loginStack)).find(([, r]) => r.Type === 'AWS::Cognito::UserPool')![0];
    const arn = (pool: unknown) => [{
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm:${TENANTS_ENV.region}:${TENANTS_ENV.account}:parameter/cdk-cognito-login/`, pool, '/branding/*']],
    }];
    expect(ssmResources[0]).toEqual([arn({ Ref: poolId })]);
    expect(ssmResources[1]).toEqual([arn({ 'Fn::ImportValue': expect.stringMatching(new RegExp(`^${LOGIN_STACK}:ExportsOutputRef${poolId}`)) })]);
  });

  testFromCdk('2.257.0', 'cdk-nag 3 is a validation plugin of aws-cdk-lib (Validations)',
    'cdk-nag finds every wildcard of the handlers\' policies acknowledged, in both stacks', () => {
      // WHEN: the synthesized app, where the tenant stack's pool is an import
      const report = new AwsSolutionsChecks().validateScope(tenants.app);

      // THEN
      const iam = report.violations.filter((v) => v.ruleName.startsWith('AwsSolutions-IAM'));
      expect(iam.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))).toEqual([]);
    });
});
