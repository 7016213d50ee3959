import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { examplesOnThisCdk, snapshotTest } from './util/compat';
import { MASKED_ASSET_HASH, maskAssetHashes, templateSnapshot } from './util/snapshot';

describe.each(examplesOnThisCdk())('example %s', (_name, example) => {
  snapshotTest('synthesizes the reviewed templates', () => {
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

describe.each(examplesOnThisCdk())('example %s on managed login', (_name, example) => {
  test('gives every client with hosted pages of a managed login pool a style, so none shows "Login pages unavailable"', () => {
    // GIVEN
    const stacks = example.createApp().node.children.filter(Stack.isStack);

    for (const stack of stacks) {
      // WHEN
      const resources = Object.entries<any>(Template.fromStack(stack).toJSON().Resources);
      const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
      const managedPools = ofType('AWS::Cognito::UserPoolDomain')
        .filter(([, r]) => r.Properties.ManagedLoginVersion === 2)
        .map(([, r]) => JSON.stringify(r.Properties.UserPoolId));
      // A client without OAuth, or with the client credentials grant only, shows no pages (clientAccessOf in src/private/login-feature.ts).
      const hasPages = (r: any) => r.Properties.AllowedOAuthFlowsUserPoolClient === true
        && (r.Properties.AllowedOAuthFlows ?? []).some((flow: string) => flow === 'code' || flow === 'implicit');
      const clients = ofType('AWS::Cognito::UserPoolClient')
        .filter(([, r]) => managedPools.includes(JSON.stringify(r.Properties.UserPoolId)) && hasPages(r))
        .map(([id]) => id);
      const styled = ofType('Custom::CognitoManagedLoginBranding').map(([, r]) => r.Properties.ClientId.Ref);

      // THEN
      expect(styled.sort()).toEqual(clients.sort());
    }
  });
});

test('no two examples claim the same domain, so that all deploy side by side in one account, as `npm run demo` deploys them', () => {
  // GIVEN every example's pool domains (a prefix is unique in its Region, a custom domain across Cognito)
  const claims = examplesOnThisCdk().flatMap(([name, example]) => example.createApp().node.children.filter(Stack.isStack)
    .flatMap((stack) => Object.values<any>(Template.fromStack(stack).findResources('AWS::Cognito::UserPoolDomain')))
    .map((domain) => [String(domain.Properties.Domain), name] as const));

  // WHEN
  const examplesOf = new Map<string, string[]>();
  claims.forEach(([domain, name]) => examplesOf.set(domain, [...(examplesOf.get(domain) ?? []), name]));

  // THEN
  expect([...examplesOf].filter(([, names]) => names.length > 1)).toEqual([]);
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
