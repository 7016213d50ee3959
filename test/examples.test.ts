import { Stack } from 'aws-cdk-lib';
import { EXAMPLES } from '../examples';
import { MASKED_ASSET_HASH, maskAssetHashes, templateSnapshot } from './util/snapshot';

describe.each(EXAMPLES.map((example) => [example.name, example] as const))('example %s', (_name, example) => {
  test('synthesizes the reviewed templates', () => {
    // GIVEN
    const app = example.createApp();

    // WHEN
    const stacks = app.node.children.filter(Stack.isStack);

    // THEN
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      expect(templateSnapshot(stack)).toMatchSnapshot(stack.stackName);
    }
  });
});

describe('templateSnapshot', () => {
  test('masks 64-hex asset hashes and nothing shorter', () => {
    // GIVEN
    const hash = 'ab'.repeat(32);
    const value = { S3Key: `${hash}.zip`, Id: 'abcdef12', Nested: [hash] };

    // WHEN
    const masked = maskAssetHashes(value);

    // THEN
    expect(masked).toEqual({ S3Key: `${MASKED_ASSET_HASH}.zip`, Id: 'abcdef12', Nested: [MASKED_ASSET_HASH] });
  });
});
