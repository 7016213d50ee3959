import { CfnResource, Stack } from 'aws-cdk-lib';
import { deploy } from './state-check';
import { createApp } from '../../../examples/replica';
import { CognitoLogin } from '../../../src';
import { CloudFormationRunner, StandIn, synthExample } from '../../../standin';
import { describeFromCdk } from '../../util/compat';

jest.setTimeout(300_000);

/**
 * A failover of the replica example (pool in eu-west-1, replica in
 * eu-central-1), played on the stand-in: Cognito syncs managed login styles
 * from the primary to the secondary (developer guide "Multi-Region
 * replication for user pools": only email, SMS, triggers, tags, log export
 * and WAF are set per Region), so the handler writes each style once, in
 * the primary; a secondary serves them when the domain fails over, once it
 * is ACTIVE.
 */

const PRIMARY = 'eu-west-1';
const SECONDARY = 'eu-central-1';

/** The example with its replica ACTIVE: the regional configuration's Status, as `replica.active: true` writes it. */
function activated(stack: Stack): void {
  const configuration = stack.node.tryFindChild('RegionalConfiguration');
  if (configuration instanceof CfnResource) {
    configuration.addPropertyOverride('Status', 'ACTIVE');
  }
}

// The example's pool uses threat protection (StandardThreatProtectionMode), as examples/index.ts says.
const describeExample = describeFromCdk('2.181.0', 'the replica example (threat protection of the Plus plan)', 'test/deploy/scenarios/replica-failover.test.ts');

describeExample('a failover of the replica example', () => {
  let standIn: StandIn;
  let cfn: CloudFormationRunner;
  let poolId: string;
  let webClientId: string;

  beforeAll(async () => {
    standIn = await StandIn.start({ region: PRIMARY });
    cfn = new CloudFormationRunner(standIn);
  });
  afterAll(async () => standIn?.stop());

  test('deployed: five stacks in order, the domain\'s certificate in us-east-1 first, the replica INACTIVE in eu-central-1, '
    + 'every style written once, in the primary', async () => {
    // WHEN
    const results = await deploy(cfn, synthExample(createApp));

    // THEN
    expect(results.map((r) => [r.stackName, r.status])).toEqual([
      ['Replica-Certificate', 'CREATE_COMPLETE'],
      ['Replica-Login-PrimaryKey', 'CREATE_COMPLETE'],
      ['Replica-Login-ReplicaKey', 'CREATE_COMPLETE'],
      ['Replica', 'CREATE_COMPLETE'],
      ['Replica-Login-Replica', 'CREATE_COMPLETE'],
    ]);
    const login = cfn.stack('Replica');
    poolId = login.resources.get('LoginUserPoolA0E1D865')!.physicalId;
    webClientId = login.resources.get('LoginWeb70313B00')!.physicalId;
    const certificateArn = cfn.physicalId('Replica-Certificate', 'LoginDomainCertificateC3663189');
    expect(certificateArn).toMatch(/^arn:aws:acm:us-east-1:123456789012:certificate\//);
    expect(login.resources.get('LoginDomainC59F1893')?.properties.CustomDomainConfig).toEqual({ CertificateArn: certificateArn });
    expect(standIn.replicas.of(poolId)).toMatchObject({ region: SECONDARY, status: 'INACTIVE', triggers: { PreSignUp: expect.any(String) } });
    const writes = standIn.calls.filter((call) => call.service === 'cognito-idp' && /^(Create|Update|Delete)ManagedLoginBranding/.test(call.operation));
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(writes.map((call) => call.region))).toEqual(new Set([PRIMARY]));
    expect(standIn.replicas.servedPage(poolId, webClientId)).toEqual({ servedBy: PRIMARY, page: { styleId: expect.any(String) } });
  });

  test('primary unreachable, replica still INACTIVE: the domain has nowhere to go, no page is served', () => {
    // WHEN
    standIn.replicas.setReachable(PRIMARY, false);

    // THEN
    expect(standIn.replicas.servedPage(poolId, webClientId)).toEqual({ page: 'unreachable' });
    standIn.replicas.setReachable(PRIMARY, true);
  });

  test('replica.active: the secondary serves the primary\'s style of each client, as synced, while the primary is unreachable', async () => {
    // GIVEN
    const results = await deploy(cfn, synthExample(createApp, activated));
    expect(results.map((r) => r.status)).toEqual(['UPDATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE']);
    expect(standIn.replicas.of(poolId)?.status).toBe('ACTIVE');
    const onPrimary = standIn.replicas.servedPage(poolId, webClientId);

    // WHEN
    standIn.replicas.setReachable(PRIMARY, false);

    // THEN
    const onSecondary = standIn.replicas.servedPage(poolId, webClientId);
    expect(onSecondary).toEqual({ servedBy: SECONDARY, page: onPrimary.page });
  });

  test('during the outage the handler cannot write a new client\'s style: its calls to the primary get no answer, the change rolls back, '
    + 'and the secondary keeps serving what it had', async () => {
    // GIVEN the primary still unreachable
    const before = standIn.replicas.servedPage(poolId, webClientId);
    const firstCall = standIn.calls.length;

    // WHEN a client is added to the login's stack (the handler given a minute rather than its default, to keep the scenario short)
    const changed = synthExample(createApp, (stack) => {
      activated(stack);
      stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === 'AWS::Lambda::Function'
        && c.node.path.includes('CdkCognitoLoginHandler')).forEach((fn) => fn.addPropertyOverride('Timeout', 60));
      const login = stack.node.tryFindChild('Login');
      if (login instanceof CognitoLogin) {
        login.addClient('Kiosk', { callbackUrls: ['https://kiosk.example.com/callback'] });
      }
    });
    const result = await cfn.deploy(changed, 'Replica');

    // THEN
    expect([result.status, result.failure]).toEqual(['UPDATE_ROLLBACK_COMPLETE', expect.any(String)]);
    const attempts = standIn.calls.slice(firstCall).filter((call) => call.operation === 'unreachable');
    expect(attempts.length).toBeGreaterThan(0);
    expect(new Set(attempts.map((call) => call.region))).toEqual(new Set([PRIMARY]));
    expect(standIn.replicas.servedPage(poolId, webClientId)).toEqual(before);
    standIn.replicas.setReachable(PRIMARY, true);
  });
});
