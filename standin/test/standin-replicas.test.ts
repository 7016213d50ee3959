import { CreateManagedLoginBrandingCommand, DescribeManagedLoginBrandingByClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { rejectionOf, standInFixture } from './standin-fixture';
import { sdkClients } from '../services/sdk-clients';

/** Multi-Region replication as the stand-in plays it (standin/README.md, "Replicas and Regions"). */
const f = standInFixture();

test('one replica per pool, in another Region, created INACTIVE', () => {
  // WHEN
  const replica = f.standIn.replicas.create(f.poolId, 'eu-central-1');

  // THEN
  expect(replica).toEqual({ region: 'eu-central-1', status: 'INACTIVE', triggers: {} });
  expect(() => f.standIn.replicas.create(f.poolId, 'eu-north-1')).toThrow(/already has a replica in eu-central-1/);
});

test('a replica in the pool\'s own Region is refused', () => {
  expect(() => f.standIn.replicas.create(f.poolId, 'us-east-1')).toThrow(/us-east-1 is the primary Region/);
});

test('the regional configuration sets the replica\'s status and triggers; a Region without a replica is refused', () => {
  // GIVEN
  f.standIn.replicas.create(f.poolId, 'eu-central-1');

  // WHEN
  f.standIn.replicas.configure(f.poolId, 'eu-central-1', { status: 'ACTIVE', triggers: { PreSignUp: 'arn:aws:lambda:eu-central-1:123456789012:function:f' } });

  // THEN
  expect(f.standIn.replicas.of(f.poolId)).toMatchObject({ status: 'ACTIVE', triggers: { PreSignUp: expect.any(String) } });
  expect(() => f.standIn.replicas.configure(f.poolId, 'eu-north-1', {})).toThrow(/has no replica in eu-north-1/);
});

test('what the domain serves: the primary, then an ACTIVE replica with the styles synced from the primary, else nothing', async () => {
  // GIVEN a style written in the primary, and an INACTIVE replica
  await f.clients.cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId: f.poolId, ClientId: f.clientId, UseCognitoProvidedValues: true }));
  const styleId = f.standIn.snapshot().pools[f.poolId].styles[f.clientId].id;
  f.standIn.replicas.create(f.poolId, 'eu-central-1');

  // WHEN / THEN
  expect(f.standIn.replicas.servedPage(f.poolId, f.clientId)).toEqual({ servedBy: 'us-east-1', page: { styleId } });
  f.standIn.replicas.setReachable('us-east-1', false);
  expect(f.standIn.replicas.servedPage(f.poolId, f.clientId)).toEqual({ page: 'unreachable' });
  f.standIn.replicas.configure(f.poolId, 'eu-central-1', { status: 'ACTIVE' });
  expect(f.standIn.replicas.servedPage(f.poolId, f.clientId)).toEqual({ servedBy: 'eu-central-1', page: { styleId } });
  f.standIn.replicas.setReachable('eu-central-1', false);
  expect(f.standIn.replicas.servedPage(f.poolId, f.clientId)).toEqual({ page: 'unreachable' });
});

test('a request signed for an unreachable Region gets no answer (the connection drops); other Regions still answer', async () => {
  // GIVEN
  f.standIn.replicas.setReachable('us-east-1', false);
  const elsewhere = sdkClients(f.standIn, 'eu-central-1');

  try {
    // WHEN
    const describe = () => new DescribeManagedLoginBrandingByClientCommand({ UserPoolId: f.poolId, ClientId: f.clientId });
    const dropped = await rejectionOf(f.clients.cognito.send(describe()));
    const answered = await rejectionOf(elsewhere.cognito.send(describe()));

    // THEN
    expect(dropped.$metadata?.httpStatusCode).toBeUndefined();
    expect(answered.name).toBe('ResourceNotFoundException');
    expect(f.standIn.calls.map((call) => [call.region, call.outcome])).toEqual([['us-east-1', 'RegionUnreachable'], ['eu-central-1', 'ResourceNotFoundException']]);
  } finally {
    elsewhere.cognito.destroy();
    elsewhere.ssm.destroy();
    elsewhere.s3.destroy();
    elsewhere.cloudFormation.destroy();
  }
});
