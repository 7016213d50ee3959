import * as triggerSdk from '../../lambda/account-linking/sdk';
import * as handlerSdk from '../../lambda/shared/sdk';
import { isWrite } from '../services/write-operations';

/**
 * What each operation the handler and the trigger can send does, as the
 * API reference describes it: the writes the per-pool limit, the benchmarks
 * and the demo count, and the reads they do not.
 */
const EXPECTED: Record<string, 'read' | 'write'> = {
  DescribeManagedLoginBrandingByClient: 'read',
  DescribeUserPool: 'read',
  GetUICustomization: 'read',
  ListCIMDPolicies: 'read',
  ListUsers: 'read',
  GetObject: 'read',
  GetParameter: 'read',
  DescribeStackResource: 'read',
  DescribeStacks: 'read',
  CreateManagedLoginBranding: 'write',
  UpdateManagedLoginBranding: 'write',
  DeleteManagedLoginBranding: 'write',
  SetUICustomization: 'write',
  UpdateUserPool: 'write',
  CreateCIMDPolicy: 'write',
  UpdateCIMDPolicy: 'write',
  DeleteCIMDPolicy: 'write',
  PutParameter: 'write',
  DeleteParameter: 'write',
  AdminCreateUser: 'write',
  AdminLinkProviderForUser: 'write',
};

/** The operations of the commands a bundle's one SDK module exports. */
function operationsOf(sdk: object): string[] {
  return Object.keys(sdk).filter((name) => name.endsWith('Command')).map((name) => name.slice(0, -'Command'.length));
}

test('every operation the handler and the trigger can send is listed here (a new one needs its class stated)', () => {
  expect([...operationsOf(handlerSdk), ...operationsOf(triggerSdk)].sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(Object.entries(EXPECTED))('%s is a %s', (operation, expected) => {
  expect(isWrite(operation) ? 'write' : 'read').toBe(expected);
});

test.each(['AdminGetUser', 'AdminListGroupsForUser', 'HeadObject', 'ListTagsForResource'])('%s, read-only in its model, is a read', (operation) => {
  expect(isWrite(operation)).toBe(false);
});
