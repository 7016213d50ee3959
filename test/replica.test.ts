import { App, CfnResource, SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { AccountLinking, CognitoLogin, CognitoLoginProps, LoginDomain, LoginProvider } from '../src';
import { testStack } from './util/stack';
import { requiresReplacement } from '../standin/runner/native-resources';

const MRK_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab';

function newLogin(stack: Stack, props: Partial<CognitoLoginProps> = {}): CognitoLogin {
  return new CognitoLogin(stack, 'Login', {
    domain: LoginDomain.cognitoPrefix('acme-test'),
    replica: { region: 'eu-central-1' },
    ...props,
  });
}

/** The stack of the app whose construct id ends with `suffix`. */
function stackNamed(app: App, suffix: string): Stack {
  const found = app.node.children.find((child) => child instanceof Stack && child.node.id.endsWith(suffix));
  if (found === undefined) {
    throw new Error(`no stack ending in ${suffix}: ${app.node.children.map((c) => c.node.id).join(', ')}`);
  }
  return found as Stack;
}

function poolOf(stack: Stack): Record<string, any> {
  const [pool] = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::UserPool'));
  return pool.Properties;
}

describe('replica on a CognitoLogin', () => {
  test('the pool gets the multi-Region key and issuer, a replica, a health check and the domain fails over to the replica Region', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack);

    // THEN
    const template = Template.fromStack(stack);
    const pool = poolOf(stack);
    expect(pool.KeyConfiguration).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: { 'Fn::ImportValue': expect.any(String) } });
    expect(pool.IssuerConfiguration).toEqual({ Type: 'UPDATED' });
    template.hasResourceProperties('AWS::Cognito::UserPoolReplica', {
      RegionName: 'eu-central-1', UserPoolId: { Ref: Match.stringLikeRegexp('LoginUserPool') },
    });
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: Match.objectLike({ Type: 'HTTPS', ResourcePath: Match.anyValue(), Port: 443 }),
    });
    template.hasResource('AWS::Cognito::UserPoolDomain', {
      Properties: Match.objectLike({
        Routing: { Failover: { SecondaryRegion: 'eu-central-1', PrimaryRoute53HealthCheckId: { 'Fn::GetAtt': [Match.anyValue(), 'HealthCheckId'] } } },
      }),
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('LoginReplica')]),
    });
  });

  test('the key made by the login: a multi-Region primary in the login\'s Region and its replica key in the replica Region, both kept', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack);

    // THEN
    const app = stack.node.root as App;
    const primary = stackNamed(app, '-PrimaryKey');
    const replicaKey = stackNamed(app, '-ReplicaKey');
    expect([primary.region, replicaKey.region]).toEqual(['eu-west-1', 'eu-central-1']);
    Template.fromStack(primary).hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ MultiRegion: true, EnableKeyRotation: true }),
      DeletionPolicy: 'Retain',
    });
    Template.fromStack(replicaKey).hasResource('AWS::KMS::ReplicaKey', { DeletionPolicy: 'Retain' });
    // The replica key exists before the pool is replicated.
    expect(stack.dependencies).toContain(replicaKey);
  });

  test('the replica Region\'s stack: the regional configuration, INACTIVE, with the pool\'s email settings and the linking trigger of that Region', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, {
      identityProviders: [LoginProvider.google({ clientId: 'g.apps.googleusercontent.com', clientSecret: SecretValue.secretsManager('google') })],
      accountLinking: AccountLinking.byVerifiedEmail(),
      userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1' }) },
    });

    // THEN
    const regional = stackNamed(stack.node.root as App, '-Replica');
    expect(regional.region).toBe('eu-central-1');
    const template = Template.fromStack(regional);
    const [attachment] = Object.values(template.findResources('AWS::Cognito::UserPoolRegionalConfigurationAttachment'));
    expect(attachment.Properties.Status).toBe('INACTIVE');
    expect(attachment.Properties.EmailConfiguration).toEqual(Template.fromStack(stack).findResources('AWS::Cognito::UserPool')[
      Object.keys(Template.fromStack(stack).findResources('AWS::Cognito::UserPool'))[0]].Properties.EmailConfiguration);
    expect(attachment.Properties.EmailConfiguration).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'no-reply@example.com' });
    expect(attachment.Properties.LambdaConfig.PreSignUp).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/AccountLinkingFunction/), 'Arn'] });
    template.resourceCountIs('AWS::Lambda::Function', 1 + Object.keys(template.findResources('AWS::Lambda::Function', {
      Properties: { Handler: Match.not('index.handler') },
    })).length);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
  });

  test('the stacks are named after the login\'s stack and id, with what a stack name cannot hold replaced by hyphens', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    new CognitoLogin(stack, 'My_Login', { domain: LoginDomain.cognitoPrefix('acme-test'), replica: { region: 'eu-central-1' } });

    // THEN
    expect((stack.node.root as App).node.children.filter((c) => c instanceof Stack).map((c) => (c as Stack).stackName).sort())
      .toEqual(['Stack', 'Stack-My-Login-PrimaryKey', 'Stack-My-Login-Replica', 'Stack-My-Login-ReplicaKey']);
  });

  test('active: true activates the replica', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { replica: { region: 'eu-central-1', active: true } });

    // THEN
    Template.fromStack(stackNamed(stack.node.root as App, '-Replica'))
      .hasResourceProperties('AWS::Cognito::UserPoolRegionalConfigurationAttachment', { Status: 'ACTIVE' });
  });

  test('a key of your own is set on the pool and no key stacks are made', () => {
    // GIVEN
    const stack = testStack();
    const key = kms.Key.fromKeyArn(stack, 'Key', MRK_ARN);

    // WHEN
    newLogin(stack, { replica: { region: 'eu-central-1', key, healthCheckId: 'abcdef01-2345-6789-abcd-ef0123456789' } });

    // THEN
    expect(poolOf(stack).KeyConfiguration).toEqual({ KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: MRK_ARN });
    const app = stack.node.root as App;
    expect(app.node.children.filter((c) => c instanceof Stack).map((c) => c.node.id)).toEqual(['Stack', 'Stack-Login-Replica']);
    Template.fromStack(stack).resourceCountIs('AWS::Route53::HealthCheck', 0);
  });

  test('refused, all at once: an env-agnostic stack, the login\'s own Region, a key that is not multi-Region, and the Lite plan', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');

    // WHEN / THEN
    expect(() => newLogin(stack, {
      replica: { region: 'not a region', key },
      userPoolProps: { featurePlan: cognito.FeaturePlan.LITE },
    })).toThrow(/replica "stack Stack with env \(no region\)\/\(no account\)" is invalid: a stack with an explicit env[\s\S]*replica\.region "not a region" is invalid[\s\S]*userPoolProps\.featurePlan "LITE" is invalid: ESSENTIALS or PLUS[\s\S]*replica\.key ".*" is invalid: .*mrk-/);
  });

  test('refused: a replica in the login\'s own Region, a key of another Region, and a pool of the app\'s own', () => {
    // GIVEN
    const stack = testStack();
    const pool = new cognito.UserPool(stack, 'Pool');
    const key = kms.Key.fromKeyArn(stack, 'Key', MRK_ARN.replace('eu-west-1', 'us-east-1'));

    // WHEN / THEN
    expect(() => newLogin(stack, { userPool: pool, replica: { region: 'eu-west-1', key } }))
      .toThrow(/replica\.region "eu-west-1" is invalid: another Region[\s\S]*replica "region: eu-west-1" is invalid: absent with userPool[\s\S]*replica\.key ".*" is invalid: the key in the login.s Region \(eu-west-1\)/);
  });

  test('refused: a kms.Key of the app that is not multi-Region', () => {
    // GIVEN
    const stack = testStack();
    const key = new kms.Key(stack, 'Key');

    // WHEN / THEN
    expect(() => newLogin(stack, { replica: { region: 'eu-central-1', key } })).toThrow(/replica\.key "Stack\/Key" is invalid: .*multiRegion: true/);
  });

  test('refused at synth: a second replica of the same pool (Cognito allows one)', () => {
    // GIVEN
    const stack = testStack();
    const login = newLogin(stack, { replica: { region: 'eu-central-1', key: kms.Key.fromKeyArn(stack, 'Key', MRK_ARN) } });

    // WHEN
    new CfnResource(stack, 'SecondReplica', {
      type: 'AWS::Cognito::UserPoolReplica', properties: { RegionName: 'us-east-1', UserPoolId: login.userPool.userPoolId },
    });

    // THEN
    expect(() => (stack.node.root as App).synth()).toThrow(/one replica per user pool[\s\S]*Stack\/SecondReplica/);
  });

  test('warned: TOTP MFA (the default) with a replica, and the issuer change with the old and new iss', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack);

    // THEN
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Login', Match.stringLikeRegexp('TOTP MFA is not supported on a secondary replica'));
    annotations.hasWarning('/Stack/Login', Match.stringLikeRegexp(
      'from https://cognito-idp.eu-west-1.amazonaws.com/<pool id> to https://issuer-cognito-idp.eu-west-1.amazonaws.com/<pool id>'));
  });

  test('no TOTP warning when the pool offers no authenticator app', () => {
    // GIVEN
    const stack = testStack();

    // WHEN
    newLogin(stack, { userPoolProps: { mfaSecondFactor: { otp: false, sms: false, email: true }, email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'eu-west-1' }) } });

    // THEN
    expect(Annotations.fromStack(stack).findWarning('/Stack/Login', Match.stringLikeRegexp('TOTP'))).toEqual([]);
  });

  test('adding a replica to a pool deployed earlier updates it in place: same logical id, no property CloudFormation replaces it for', () => {
    // GIVEN a login deployed without a replica
    const before = testStack();
    new CognitoLogin(before, 'Login', { domain: LoginDomain.cognitoPrefix('acme-test') });
    const [[oldId, oldPool]] = Object.entries(Template.fromStack(before).findResources('AWS::Cognito::UserPool'));

    // WHEN the replica is added
    const after = testStack();
    newLogin(after);
    const [[newId, newPool]] = Object.entries(Template.fromStack(after).findResources('AWS::Cognito::UserPool'));

    // THEN
    expect(newId).toBe(oldId);
    expect(requiresReplacement('AWS::Cognito::UserPool', oldPool.Properties, newPool.Properties)).toBe(false);
    const changed = Object.keys({ ...oldPool.Properties, ...newPool.Properties })
      .filter((name) => JSON.stringify(oldPool.Properties[name]) !== JSON.stringify(newPool.Properties[name]));
    expect(changed.sort()).toEqual(['IssuerConfiguration', 'KeyConfiguration']);
  });
});

describe('replica in a whole app', () => {
  test('the app synthesizes, values crossing Regions go through aws-cdk-lib\'s cross-Region references, and the stacks deploy in order', () => {
    // GIVEN
    const stack = testStack();
    newLogin(stack, {
      identityProviders: [LoginProvider.google({ clientId: 'g.apps.googleusercontent.com', clientSecret: SecretValue.secretsManager('google') })],
      accountLinking: AccountLinking.byVerifiedEmail(),
    });

    // WHEN
    const assembly = (stack.node.root as App).synth();

    // THEN
    const order = assembly.stacksRecursively.map((artifact) => artifact.stackName);
    const position = (suffix: string) => order.findIndex((name) => name.endsWith(suffix));
    expect(position('-PrimaryKey')).toBeLessThan(position('-ReplicaKey'));
    expect(position('-ReplicaKey')).toBeLessThan(order.indexOf('Stack'));
    expect(order.indexOf('Stack')).toBeLessThan(position('-Replica'));
    const regional = assembly.stacksRecursively.find((artifact) => artifact.stackName.endsWith('-Replica'))!;
    expect(JSON.stringify(regional.template)).toContain('Custom::CrossRegionExportReader');
  });
});
