import { CloudFormationRunner } from '../runner';
import { Template } from '../runner/cloud-assembly';
import { resolve, ResolveContext } from '../runner/intrinsics';
import { StandIn } from '../services';
import { handWrittenAssembly } from './hand-written-assembly';

/** The runner's CloudFormation semantics on small hand-written templates (no Lambda involved). */

let standIn: StandIn;
beforeEach(async () => {
  standIn = await StandIn.start();
});
afterEach(async () => standIn.stop());

/** A cloud assembly of hand-written templates, one stack each, the later depending on the earlier. */
function assembly(stacks: { readonly [name: string]: Template }): string {
  const names = Object.keys(stacks);
  return handWrittenAssembly(Object.fromEntries(names.map((name, i) => [name, { template: stacks[name], dependsOn: names.slice(0, i) }])));
}

const POOL_STACK: Template = {
  Resources: {
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'p' }, DeletionPolicy: 'Retain' },
    Domain: { Type: 'AWS::Cognito::UserPoolDomain', Properties: { Domain: 'acme', UserPoolId: { Ref: 'Pool' }, ManagedLoginVersion: 2 } },
    Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, ClientName: 'Web' } },
    Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Sub': '${AWS::StackName}-${Client}' } }, DependsOn: 'Domain' },
  },
  Outputs: { PoolArn: { Value: { 'Fn::GetAtt': ['Pool', 'Arn'] }, Export: { Name: 'PoolArn' } } },
};

test('Cognito resources exist in the stand-in with the ids Ref and GetAtt give, across stacks through exports', async () => {
  // GIVEN a second stack importing the pool's ARN
  const dir = assembly({
    Pools: POOL_STACK,
    Consumer: { Resources: { Param: { Type: 'AWS::SSM::Parameter', Properties: { Value: { 'Fn::ImportValue': 'PoolArn' } } } } },
  });
  const cfn = new CloudFormationRunner(standIn);

  // WHEN
  const results = await cfn.deployAssembly(dir);

  // THEN
  expect(results.map((r) => r.status)).toEqual(['CREATE_COMPLETE', 'CREATE_COMPLETE']);
  const poolId = cfn.physicalId('Pools', 'Pool');
  expect(poolId).toMatch(/^eu-central-1_[0-9a-zA-Z]{9}$/);
  expect(standIn.snapshot().pools[poolId]).toMatchObject({ clients: { [cfn.physicalId('Pools', 'Client')]: 'Web' }, domains: [{ domain: 'acme', managedLoginVersion: 2 }] });
  expect(cfn.stack('Consumer').resources.get('Param')!.properties.Value).toBe(`arn:aws:cognito-idp:eu-central-1:111122223333:userpool/${poolId}`);
  expect(cfn.stack('Pools').resources.get('Topic')!.properties.DisplayName).toBe(`Pools-${cfn.physicalId('Pools', 'Client')}`);
  await expect(cfn.deleteStack('Pools')).rejects.toThrow(/in use by Consumer/);
});

test('a renamed resource is created, and the old one deleted in clean-up after every other change', async () => {
  // GIVEN
  const cfn = new CloudFormationRunner(standIn);
  await cfn.deployAssembly(assembly({ Pools: POOL_STACK }));
  const oldClient = cfn.physicalId('Pools', 'Client');
  const { Client, ...others } = POOL_STACK.Resources;

  // WHEN the client's logical id changes
  const [result] = await cfn.deployAssembly(assembly({ Pools: { Resources: { ...others, RenamedClient: Client } } }));

  // THEN
  expect(result.events.map((e) => `${e.phase} ${e.requestType} ${e.logicalId}`)).toEqual(['deploy Create RenamedClient', 'cleanup Delete Client']);
  expect(Object.keys(standIn.snapshot().pools[cfn.physicalId('Pools', 'Pool')].clients)).toEqual([cfn.physicalId('Pools', 'RenamedClient')]);
  expect(oldClient).not.toBe(cfn.physicalId('Pools', 'RenamedClient'));
});

test('a pool whose user name case sensitivity changes is replaced, as Cognito cannot change it in place', async () => {
  // GIVEN a pool alone
  const cfn = new CloudFormationRunner(standIn);
  const pool = (config?: object): Template => ({
    Resources: { Pool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'p', ...(config && { UsernameConfiguration: config }) } } },
  });
  await cfn.deployAssembly(assembly({ Pools: pool() }));
  const before = cfn.physicalId('Pools', 'Pool');

  // WHEN its UsernameConfiguration is set
  await cfn.deployAssembly(assembly({ Pools: pool({ CaseSensitive: false }) }));
  const replaced = cfn.physicalId('Pools', 'Pool');

  // THEN the first change made a new pool; the old one is gone
  expect(replaced).not.toBe(before);
  expect(Object.keys(standIn.snapshot().pools)).toEqual([replaced]);
});

test('a failed create rolls the new stack back: what was created is deleted, dependents first', async () => {
  // GIVEN
  const cfn = new CloudFormationRunner(standIn);

  // WHEN the topic (after the domain) fails
  const [result] = await cfn.deployAssembly(assembly({ Pools: POOL_STACK }), { failResource: 'Topic' });

  // THEN
  expect(result.status).toBe('ROLLBACK_COMPLETE');
  const rollback = result.events.filter((e) => e.phase === 'rollback').map((e) => `${e.requestType} ${e.logicalId}`);
  expect(rollback).toEqual(expect.arrayContaining(['Delete Domain', 'Delete Client']));
  expect(rollback).not.toContain('Delete Pool');
  expect(() => cfn.stack('Pools')).toThrow(/does not exist/);
});

test('a second prefix domain on one pool fails, as Cognito allows one per pool (a domain rename replaces create-first)', async () => {
  // GIVEN
  const cfn = new CloudFormationRunner(standIn);
  await cfn.deployAssembly(assembly({ Pools: POOL_STACK }));
  const renamed = { ...POOL_STACK.Resources.Domain, Properties: { ...POOL_STACK.Resources.Domain.Properties, Domain: 'acme-two' } };

  // WHEN
  const [result] = await cfn.deployAssembly(assembly({ Pools: { ...POOL_STACK, Resources: { ...POOL_STACK.Resources, Domain: renamed } } }));

  // THEN
  expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(result.failure).toMatch(/^Domain: User pool .* already has a prefix domain/);
  expect(standIn.snapshot().pools[cfn.physicalId('Pools', 'Pool')].domains.map((d) => d.domain)).toEqual(['acme']);
});

test('a pool that requires MFA with a one-time code as first factor fails, as in Cognito; optional MFA takes it', async () => {
  // GIVEN a pool allowing email codes beside optional MFA
  const cfn = new CloudFormationRunner(standIn);
  const pool = (mfa: string) => ({
    Pools: {
      Resources: {
        Pool: {
          Type: 'AWS::Cognito::UserPool',
          Properties: { UserPoolName: 'p', MfaConfiguration: mfa, Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } } },
        },
      },
    },
  });
  const [created] = await cfn.deployAssembly(assembly(pool('OPTIONAL')));

  // WHEN the update makes MFA required, and a new stack starts with it required
  const [updated] = await cfn.deployAssembly(assembly(pool('ON')));
  const [refused] = await new CloudFormationRunner(standIn).deployAssembly(assembly(pool('ON')));

  // THEN
  expect(created.status).toBe('CREATE_COMPLETE');
  const cognitoSays = 'Pool: Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled';
  expect(updated.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(updated.failure).toBe(cognitoSays);
  expect(refused.status).toBe('ROLLBACK_COMPLETE');
  expect(refused.failure).toBe(cognitoSays);
});

test('independent resources run concurrently (a DAG walk, not levels)', async () => {
  // GIVEN A -> B (slow chain) next to C; C must not wait for B's level
  const cfn = new CloudFormationRunner(standIn);
  const dir = assembly({
    S: {
      Resources: {
        A: { Type: 'AWS::SNS::Topic' },
        B: { Type: 'AWS::SNS::Topic', DependsOn: 'A' },
        C: { Type: 'AWS::SNS::Topic' },
        D: { Type: 'AWS::SNS::Topic', DependsOn: ['B', 'C'] },
      },
    },
  });

  // WHEN
  const [result] = await cfn.deployAssembly(dir);

  // THEN A and C start together, D last
  expect(result.events.map((e) => e.logicalId)).toEqual(['A', 'C', 'B', 'D']);
});

describe('intrinsics', () => {
  const ctx: ResolveContext = {
    region: 'eu-west-1',
    ref: (name) => ({ 'AWS::Region': 'eu-west-1', 'Res': 'phys-1', 'Param': 'p' } as Record<string, string>)[name],
    getAtt: (id, attribute) => `${id}.${attribute}`,
    condition: (name) => name === 'Yes',
    importValue: (name) => `imported-${name}`,
    stackOutput: (stackName, outputName, region) => `${region}/${stackName}.${outputName}`,
  };

  test.each([
    [{ 'Fn::Sub': 'a-${Res}-${Res.Arn}-${!Literal}-${AWS::Region}' }, 'a-phys-1-Res.Arn-${Literal}-eu-west-1'],
    [{ 'Fn::Sub': ['${X}/${Param}', { X: { Ref: 'Res' } }] }, 'phys-1/p'],
    [{ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] }, 'b'],
    [{ 'Fn::Join': ['', ['x', { Ref: 'Res' }]] }, 'xphys-1'],
    [{ 'Fn::If': ['Yes', 'y', 'n'] }, 'y'],
    [{ 'Fn::If': ['No', 'y', { Ref: 'AWS::NoValue' }] }, undefined],
    [{ A: { 'Fn::If': ['No', 1, { Ref: 'AWS::NoValue' }] }, B: 2 }, { B: 2 }],
    [{ 'Fn::ImportValue': { 'Fn::Sub': '${Param}-out' } }, 'imported-p-out'],
    [{ 'Fn::GetAtt': 'Res.Arn' }, 'Res.Arn'],
    [{ 'Fn::GetStackOutput': { StackName: { Ref: 'Param' }, OutputName: 'Out', Region: 'us-east-1' } }, 'us-east-1/p.Out'],
    [{ 'Fn::GetStackOutput': { StackName: 'S', OutputName: 'Out' } }, 'eu-west-1/S.Out'],
  ])('%j resolves to %j', (value, expected) => {
    expect(resolve(value, ctx)).toEqual(expected);
  });
});
