import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import { DeleteParameterCommand, GetParameterCommand, ParameterAlreadyExists, ParameterNotFound, PutParameterCommand } from '@aws-sdk/client-ssm';
import { rejectionOf, standInFixture } from './standin-fixture';

/** SSM Parameter Store (the handler's ownership records) and S3 GetObject (staged assets). */
const f = standInFixture();

test('PutParameter creates, refuses to overwrite without Overwrite, and versions each overwrite', async () => {
  // GIVEN
  await f.clients.ssm.send(new PutParameterCommand({ Name: '/owner', Value: 'a', Type: 'String' }));

  // WHEN
  const refused = await rejectionOf(f.clients.ssm.send(new PutParameterCommand({ Name: '/owner', Value: 'b', Type: 'String' })));
  const put = await f.clients.ssm.send(new PutParameterCommand({ Name: '/owner', Value: 'c', Overwrite: true }));
  const got = await f.clients.ssm.send(new GetParameterCommand({ Name: '/owner' }));

  // THEN
  expect(refused).toBeInstanceOf(ParameterAlreadyExists);
  expect(put.Version).toBe(2);
  expect(got.Parameter).toMatchObject({ Name: '/owner', Value: 'c', Version: 2, Type: 'String' });
});

test('GetParameter and DeleteParameter of a missing parameter are ParameterNotFound', async () => {
  // WHEN
  const get = await rejectionOf(f.clients.ssm.send(new GetParameterCommand({ Name: '/missing' })));
  const del = await rejectionOf(f.clients.ssm.send(new DeleteParameterCommand({ Name: '/missing' })));

  // THEN
  expect(get).toBeInstanceOf(ParameterNotFound);
  expect(del).toBeInstanceOf(ParameterNotFound);
});

test('the snapshot lists parameters, under the pool whose id their name holds', async () => {
  // WHEN
  await f.clients.ssm.send(new PutParameterCommand({ Name: `/lib/${f.poolId}/branding/${f.clientId}`, Value: '{}', Type: 'String' }));

  // THEN
  expect(Object.keys(f.standIn.snapshot().pools[f.poolId].parameters)).toEqual([`/lib/${f.poolId}/branding/${f.clientId}`]);
});

test('GetObject serves a registered object byte for byte (path style), NoSuchKey otherwise', async () => {
  // GIVEN
  const bytes = Buffer.from([0, 1, 2, 255]);
  f.standIn.putObject('cdk-assets-123456789012-us-east-1', 'abc/def.png', bytes);

  // WHEN
  const object = await f.clients.s3.send(new GetObjectCommand({ Bucket: 'cdk-assets-123456789012-us-east-1', Key: 'abc/def.png' }));
  const missing = await rejectionOf(f.clients.s3.send(new GetObjectCommand({ Bucket: 'cdk-assets-123456789012-us-east-1', Key: 'nope.png' })));

  // THEN
  expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(bytes);
  expect(missing).toBeInstanceOf(NoSuchKey);
  expect(f.standIn.calls.map((c) => [c.operation, c.resource, c.outcome])).toEqual([
    ['GetObject', 's3://cdk-assets-123456789012-us-east-1/abc/def.png', 'ok'],
    ['GetObject', 's3://cdk-assets-123456789012-us-east-1/nope.png', 'NoSuchKey'],
  ]);
});
