import { rejectionOf, standInFixture } from './standin-fixture';
import {
  CreateCIMDPolicyCommand, DeleteCIMDPolicyCommand, DescribeCIMDPolicyCommand, ListCIMDPoliciesCommand, UpdateCIMDPolicyCommand,
} from '../../lambda/shared/cimd-commands';

/**
 * CIMD policies (cimd-policies.ts), sent with the handler's own commands
 * (lambda/shared/cimd-commands.ts: the SDK's command builder, signer and
 * JSON protocol): the stand-in checks each request against botocore's model,
 * so a schema written wrong there fails here.
 */
const f = standInFixture();
const PATTERNS = ['https://agents.example.com/*/client.json'];

function create(patterns = PATTERNS) {
  return f.clients.cognito.send(new CreateCIMDPolicyCommand({
    UserPoolId: f.poolId, ClientId: f.clientId, PolicyName: 'Agents', URLPatterns: patterns, CacheDuration: 86_400,
  }));
}

test('create, describe, update in place and delete a policy through the SDK-built commands', async () => {
  // WHEN
  const created = await create();
  const id = created.CIMDPolicy.CIMDPolicyId;
  const updated = await f.clients.cognito.send(new UpdateCIMDPolicyCommand({
    UserPoolId: f.poolId, CIMDPolicyId: id, ClientId: f.clientId, PolicyName: 'Agents', URLPatterns: ['https://tools.example.com/meta.json'], CacheDuration: 604_800,
  }));
  const described = await f.clients.cognito.send(new DescribeCIMDPolicyCommand({ UserPoolId: f.poolId, CIMDPolicyId: id }));
  await f.clients.cognito.send(new DeleteCIMDPolicyCommand({ UserPoolId: f.poolId, CIMDPolicyId: id }));
  const gone = await rejectionOf(f.clients.cognito.send(new DescribeCIMDPolicyCommand({ UserPoolId: f.poolId, CIMDPolicyId: id })));

  // THEN
  expect(id).toMatch(/^[a-z0-9]{1,64}$/);
  expect(created.CIMDPolicy).toMatchObject({ UserPoolId: f.poolId, ClientId: f.clientId, PolicyName: 'Agents', URLPatterns: PATTERNS, CacheDuration: 86_400 });
  expect(created.CIMDPolicy.CreationDate).toBeInstanceOf(Date);
  expect(updated.CIMDPolicy).toMatchObject({ CIMDPolicyId: id, URLPatterns: ['https://tools.example.com/meta.json'], CacheDuration: 604_800 });
  expect(described.CIMDPolicy).toEqual(updated.CIMDPolicy);
  expect(gone.name).toBe('ResourceNotFoundException');
});

test('the model refuses a pattern that is not HTTPS, six patterns, and a cache shorter than a day', async () => {
  // WHEN
  const http = await rejectionOf(create(['http://agents.example.com/client.json']));
  const six = await rejectionOf(create(Array.from({ length: 6 }, (_, i) => `https://agents.example.com/${i}.json`)));
  const short = await rejectionOf(f.clients.cognito.send(new CreateCIMDPolicyCommand({
    UserPoolId: f.poolId, ClientId: f.clientId, PolicyName: 'Agents', URLPatterns: PATTERNS, CacheDuration: 3600,
  })));

  // THEN
  expect([http.name, six.name, short.name]).toEqual(['InvalidParameterException', 'InvalidParameterException', 'InvalidParameterException']);
});

test('a policy outlives its client, which Describe then leaves out', async () => {
  // GIVEN
  const id = (await create()).CIMDPolicy.CIMDPolicyId;

  // WHEN
  f.standIn.deleteUserPoolClient(f.poolId, f.clientId);

  // THEN
  const described = await f.clients.cognito.send(new DescribeCIMDPolicyCommand({ UserPoolId: f.poolId, CIMDPolicyId: id }));
  expect(described.CIMDPolicy.ClientId).toBeUndefined();
});

test('ListCIMDPolicies pages through the pool\'s policies as summaries (no URL patterns), through the SDK-built command', async () => {
  // GIVEN three policies
  const ids = [];
  for (let i = 0; i < 3; i++) {
    ids.push((await create()).CIMDPolicy.CIMDPolicyId);
  }

  // WHEN
  const first = await f.clients.cognito.send(new ListCIMDPoliciesCommand({ UserPoolId: f.poolId, MaxResults: 2 }));
  const second = await f.clients.cognito.send(new ListCIMDPoliciesCommand({ UserPoolId: f.poolId, MaxResults: 2, NextToken: first.NextToken }));
  const tooMany = await rejectionOf(f.clients.cognito.send(new ListCIMDPoliciesCommand({ UserPoolId: f.poolId, MaxResults: 61 })));

  // THEN
  expect([...first.CIMDPolicies, ...second.CIMDPolicies].map((p) => p.CIMDPolicyId)).toEqual(ids);
  expect(first.CIMDPolicies[0]).toEqual({
    CIMDPolicyId: ids[0], ClientId: f.clientId, PolicyName: 'Agents', CacheDuration: 86_400, CreationDate: expect.any(Date), LastModifiedDate: expect.any(Date),
  });
  expect(second.NextToken).toBeUndefined();
  expect(tooMany.name).toBe('InvalidParameterException');
});
