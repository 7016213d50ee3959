import * as fs from 'fs';
import * as path from 'path';
import { App, Aws, CfnParameter, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { AwsSolutionsChecks } from 'cdk-nag';
import { exampleApp } from '../examples/app';
import { CognitoLogin, CognitoLoginProps, LoginDomain } from '../src';
import { freshOutdir } from './security/synth';
import { describeFromCdk } from './util/compat';

const ACCOUNT = '123456789012';
const ZONE_ID = 'Z0123456789EXAMPLE';

function zone(stack: Stack): route53.IHostedZone {
  return stack.node.tryFindChild('Zone') as route53.IHostedZone | undefined
    ?? route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: ZONE_ID, zoneName: 'example.com' });
}

function loginStack(app: App, region: string | undefined, id = 'Auth'): Stack {
  return new Stack(app, id, region === undefined ? {} : { env: { account: ACCOUNT, region } });
}

function customDomainLogin(stack: Stack, id = 'Login', domainName = 'auth.example.com', props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, id, { ...props, domain: LoginDomain.custom({ domainName, hostedZone: zone(stack) }) });
}

function certificateStackOf(app: App | Stage, id = 'AuthCertificate'): Stack {
  const stack = app.node.tryFindChild(id);
  if (!Stack.isStack(stack)) {
    throw new Error(`no stack ${id} in ${app.node.children.map((c) => c.node.id).join(', ')}`);
  }
  return stack;
}

/** The one custom domain's certificate ARN as the login's template writes it. */
function certificateArnOf(template: Template): unknown {
  const domains = Object.values(template.findResources('AWS::Cognito::UserPoolDomain'));
  expect(domains).toHaveLength(1);
  return domains[0].Properties.CustomDomainConfig.CertificateArn;
}

describe('a custom domain without a certificate, from a login stack outside us-east-1', () => {
  test('makes a DNS-validated certificate in a us-east-1 stack and the domain reads its ARN from there', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');

    // WHEN
    customDomainLogin(stack);

    // THEN the certificate, in its own stack in us-east-1 of the same account, validated in the zone
    const certificateStack = certificateStackOf(app);
    expect([certificateStack.region, certificateStack.account, certificateStack.stackName]).toEqual(['us-east-1', ACCOUNT, 'Auth-Certificate']);
    const certificates = Template.fromStack(certificateStack);
    certificates.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    certificates.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'auth.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'auth.example.com', HostedZoneId: ZONE_ID }],
    });
    const outputs = certificates.findOutputs('*');
    const [outputName] = Object.keys(outputs);
    expect(outputs[outputName].Value).toEqual({ Ref: expect.stringMatching(/^LoginDomainCertificate/) });

    // THEN the domain takes it by Fn::GetStackOutput: no export, no Lambda, no SSM parameter
    const login = Template.fromStack(stack);
    expect(certificateArnOf(login)).toEqual({
      'Fn::GetStackOutput': { StackName: 'Auth-Certificate', OutputName: outputName, Region: 'us-east-1' },
    });
    login.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    for (const template of [login, certificates]) {
      template.resourceCountIs('AWS::Lambda::Function', 0);
      template.resourceCountIs('AWS::SSM::Parameter', 0);
      template.resourceCountIs('Custom::CrossRegionExportWriter', 0);
      template.resourceCountIs('Custom::CrossRegionExportReader', 0);
    }
    // and the alias records still go to the zone
    login.resourceCountIs('AWS::Route53::RecordSet', 2);
  });

  test('the certificate\'s stack is a dependency of the login stack, so `cdk deploy <login stack>` deploys it first', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');

    // WHEN
    customDomainLogin(stack);
    const assembly = app.synth();

    // THEN the CLI deploys an artifact's dependencies before it (and includes them unless --exclusively)
    const certificateStack = certificateStackOf(app);
    expect(assembly.getStackArtifact(stack.artifactId).dependencies.map((d) => d.id)).toContain(certificateStack.artifactId);
    expect(assembly.getStackArtifact(certificateStack.artifactId).dependencies.map((d) => d.id)).not.toContain(stack.artifactId);
    expect(assembly.getStackArtifact(certificateStack.artifactId).environment).toEqual(expect.objectContaining({ region: 'us-east-1' }));
  });

  test('two logins of one stack share its certificate stack, one certificate each', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');

    // WHEN
    customDomainLogin(stack, 'Customers', 'auth.example.com');
    customDomainLogin(stack, 'Staff', 'staff.example.com');

    // THEN
    expect(app.node.children.filter(Stack.isStack).map((s) => s.node.id)).toEqual(['Auth', 'AuthCertificate']);
    const certificates = Template.fromStack(certificateStackOf(app));
    certificates.resourceCountIs('AWS::CertificateManager::Certificate', 2);
    certificates.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'staff.example.com' });
    expect(Object.keys(certificates.findOutputs('*'))).toHaveLength(2);
  });

  test('a login stack in a Stage gets its certificate stack in the same Stage', () => {
    // GIVEN
    const app = new App();
    const stage = new Stage(app, 'Prod', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    const stack = new Stack(stage, 'Auth');

    // WHEN
    customDomainLogin(stack);

    // THEN
    const certificateStack = certificateStackOf(stage);
    expect([certificateStack.region, certificateStack.stackName]).toEqual(['us-east-1', 'Prod-Auth-Certificate']);
    expect(certificateArnOf(Template.fromStack(stack))).toEqual({
      'Fn::GetStackOutput': expect.objectContaining({ StackName: 'Prod-Auth-Certificate', Region: 'us-east-1' }),
    });
  });

  test('refuses a zone or a domain name only known at deploy time, which a stack deployed before this one cannot read', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');
    const made = new route53.PublicHostedZone(stack, 'Made', { zoneName: 'example.com' });
    const parameter = new CfnParameter(stack, 'DomainName').valueAsString;

    // WHEN / THEN
    expect(() => new CognitoLogin(stack, 'A', { domain: LoginDomain.custom({ domainName: 'auth.example.com', hostedZone: made }) }))
      .toThrow('Auth/A: domain.customDomain.hostedZone "Auth/Made" is invalid: a hosted zone whose id is known at synth');
    expect(() => new CognitoLogin(stack, 'B', { domain: LoginDomain.custom({ domainName: parameter, hostedZone: zone(stack) }) }))
      .toThrow(/^Auth\/B: domain.customDomain.domainName ".*" is invalid: a domain name known at synth when the certificate is made for you/);
  });
});

describe('a custom domain without a certificate, from a login stack in us-east-1', () => {
  test('makes the certificate in the login stack itself: no second stack', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'us-east-1');

    // WHEN
    customDomainLogin(stack);

    // THEN
    expect(app.node.children.filter(Stack.isStack)).toEqual([stack]);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'auth.example.com',
      DomainValidationOptions: [{ DomainName: 'auth.example.com', HostedZoneId: ZONE_ID }],
    });
    const [certificateId] = Object.keys(template.findResources('AWS::CertificateManager::Certificate'));
    expect(certificateArnOf(template)).toEqual({ Ref: certificateId });
  });

  test('a zone the stack makes itself is fine there', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'us-east-1');
    const hostedZone = new route53.PublicHostedZone(stack, 'Made', { zoneName: 'example.com' });

    // WHEN
    new CognitoLogin(stack, 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com', hostedZone }) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainValidationOptions: [{ DomainName: 'auth.example.com', HostedZoneId: { Ref: Match.stringLikeRegexp('^Made') } }],
    });
  });
});

describe('a custom domain without a certificate, from an environment-agnostic login stack', () => {
  test('makes the certificate in a us-east-1 stack of the deploying account, read from whatever Region the login lands in', () => {
    // GIVEN a stack with neither account nor region: the CLI's credentials decide both at deploy time
    const app = new App();
    const stack = loginStack(app, undefined);

    // WHEN
    customDomainLogin(stack);

    // THEN
    const certificateStack = certificateStackOf(app);
    expect(certificateStack.region).toBe('us-east-1');
    expect(certificateStack.account).toBe(Aws.ACCOUNT_ID);
    Template.fromStack(certificateStack).resourceCountIs('AWS::CertificateManager::Certificate', 1);
    expect(certificateArnOf(Template.fromStack(stack))).toEqual({
      'Fn::GetStackOutput': expect.objectContaining({ StackName: 'Auth-Certificate', Region: 'us-east-1' }),
    });
    expect(app.synth().getStackArtifact(stack.artifactId).dependencies.map((d) => d.id)).toContain(certificateStack.artifactId);
  });
});

describe('a certificate the app passes', () => {
  test('keeps working: no certificate is made, no stack added', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');
    const arn = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/11111111-2222-3333-4444-555555555555`;

    // WHEN
    new CognitoLogin(stack, 'Login', {
      domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate: acm.Certificate.fromCertificateArn(stack, 'C', arn), hostedZone: zone(stack) }),
    });

    // THEN
    expect(app.node.children.filter(Stack.isStack)).toEqual([stack]);
    expect(certificateArnOf(Template.fromStack(stack))).toBe(arn);
    Template.fromStack(stack).resourceCountIs('AWS::CertificateManager::Certificate', 0);
  });

  test('is refused when it is an acm.Certificate of a stack whose Region is known and not us-east-1', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');
    const certificate = new acm.Certificate(stack, 'Regional', { domainName: 'auth.example.com', validation: acm.CertificateValidation.fromDns(zone(stack)) });

    // WHEN / THEN
    expect(() => new CognitoLogin(stack, 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate }) }))
      .toThrow('Auth/Login: domain.customDomain.certificate "Auth/Regional" is invalid: a certificate in us-east-1: '
        + 'Cognito serves custom domains through CloudFront, which reads certificates from us-east-1 only (its stack Auth is in eu-west-1)');
  });

  test('is refused when its ARN names another Region as a literal, even with tokens elsewhere in it', () => {
    // GIVEN
    const app = new App();
    const stack = loginStack(app, 'eu-west-1');
    const certificate = acm.Certificate.fromCertificateArn(stack, 'C', `arn:aws:acm:eu-west-1:${Aws.ACCOUNT_ID}:certificate/11111111-2222-3333-4444-555555555555`);

    // WHEN / THEN
    expect(() => new CognitoLogin(stack, 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate }) }))
      .toThrow(/^Auth\/Login: domain.customDomain.certificate "arn:aws:acm:eu-west-1:.*" is invalid: a certificate in us-east-1/);
  });

  test('is left to deploy time when nothing about its Region is known: a Certificate of an environment-agnostic stack, an ARN token', () => {
    // GIVEN
    const app = new App();
    const agnostic = loginStack(app, undefined, 'Agnostic');
    const certificate = new acm.Certificate(agnostic, 'Somewhere', { domainName: 'auth.example.com' });
    const arn = new CfnParameter(agnostic, 'Arn').valueAsString;

    // WHEN
    new CognitoLogin(agnostic, 'A', { domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate }) });
    new CognitoLogin(agnostic, 'B', { domain: LoginDomain.custom({ domainName: 'auth.example.org', certificate: acm.Certificate.fromCertificateArn(agnostic, 'C', arn) }) });

    // THEN
    Template.fromStack(agnostic).resourceCountIs('AWS::Cognito::UserPoolDomain', 2);
  });

  test('in a us-east-1 stack of the same app is accepted', () => {
    // GIVEN
    const app = new App();
    const east = loginStack(app, 'us-east-1', 'East');
    const certificate = new acm.Certificate(east, 'Certificate', { domainName: 'auth.example.com' });

    // WHEN
    new CognitoLogin(east, 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com', certificate }) });

    // THEN
    expect(certificateArnOf(Template.fromStack(east))).toEqual({ Ref: expect.stringMatching(/^Certificate/) });
  });
});

describe('neither certificate nor hosted zone', () => {
  test('is refused, saying both ways out', () => {
    // GIVEN
    const stack = loginStack(new App(), 'eu-west-1');

    // WHEN / THEN
    expect(() => new CognitoLogin(stack, 'Login', { domain: LoginDomain.custom({ domainName: 'auth.example.com' }) }))
      .toThrow(/^Auth\/Login: domain.customDomain.certificate "undefined" is invalid: an ACM certificate in us-east-1 .*; or leave it out and give hostedZone, to have one made in us-east-1 and validated in that zone$/);
  });
});

describeFromCdk('2.262.0', 'aws-cdk-lib\'s template validation flags and cdk-nag 3', 'test/domain-certificate.test.ts')('the two templates under the project\'s checks', () => {
  function certificateLessApp(): App {
    const app = exampleApp({ outdir: freshOutdir() });
    const stack = new Stack(app, 'Auth', { env: { account: ACCOUNT, region: 'eu-west-1' } });
    // A production pool, as examples/custom-domain.ts has, so that cdk-nag has nothing to say about the pool either.
    customDomainLogin(stack, 'Login', 'auth.example.com', {
      userPoolProps: {
        featurePlan: cognito.FeaturePlan.PLUS,
        standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
        customThreatProtectionMode: cognito.CustomThreatProtectionMode.FULL_FUNCTION,
        mfa: cognito.Mfa.REQUIRED,
      },
    });
    return app;
  }

  test('synthesize with aws-cdk-lib\'s template validation failing on any finding, and cdk-nag registered', () => {
    // GIVEN
    const app = certificateLessApp();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    // WHEN
    const assembly = app.synth();

    // THEN: aws-cdk-lib's own rules and cdk-nag's find nothing in either stack
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports.flatMap((r: any) => r.violations)).toEqual([]);
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['Auth', 'Auth-Certificate']);
  });
});
