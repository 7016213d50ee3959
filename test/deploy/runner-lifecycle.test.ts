import { CfnResource, Stack } from 'aws-cdk-lib';
import { readTemplate, resourcesOfType, stagedBytes } from './lifecycle-fixture';
import { createApp } from '../../examples/branded-login';
import { BrandingAssetProperties, MANAGED_LOGIN_BRANDING_TYPE } from '../../src/branding/private/branding-contract';
import { S3FileRef } from '../../src/private/custom-resource-contract';
import { CloudFormationRunner, ResourceEvent, sha256, slotKey, StandIn, synthExample } from '../../standin';

/**
 * The branded-login example through CloudFormation's lifecycle against the
 * stand-in, its styles applied by the bundled handler as shipped in the
 * assembly (`npm test` bundles before jest runs). The tests run in order and
 * share one deployment: create, a rolled-back update, an update, delete.
 */
const STACK = 'BrandedLogin';
const WEB = 'LoginWebBranding315920DB';
const PARTNER = 'LoginPartnerBrandingF766BD6D';

let standIn: StandIn;
let cfn: CloudFormationRunner;
let v1: string;

beforeAll(async () => {
  v1 = synthExample(createApp);
  standIn = await StandIn.start();
  cfn = new CloudFormationRunner(standIn);
});

afterAll(async () => standIn.stop());

/** The Partner style declared with the Web style's Settings document: an Update of one custom resource. */
function partnerWithWebSettings(stack: Stack): void {
  const web = resourcesOfType(stack, MANAGED_LOGIN_BRANDING_TYPE).get(WEB)!;
  const webSettings = (readTemplate(v1, STACK).Resources[WEB].Properties as { Settings: S3FileRef }).Settings;
  resourcesOfType(stack, MANAGED_LOGIN_BRANDING_TYPE).get(PARTNER)!.addPropertyOverride('Settings', webSettings);
  expect(web).toBeDefined();
}

/** Checks that each declared style is in the stand-in exactly: Settings deep-equal to the staged JSON, assets byte for byte. */
function expectDeclaredStyles(assemblyDir: string): void {
  const template = readTemplate(assemblyDir, STACK);
  const pool = standIn.snapshot().pools[cfn.physicalId(STACK, 'LoginUserPoolA0E1D865')];
  const declared = Object.entries(template.Resources).filter(([, r]) => r.Type === MANAGED_LOGIN_BRANDING_TYPE);
  expect(declared).toHaveLength(2);
  for (const [logicalId, resource] of declared) {
    const props = resource.Properties as { ClientId: { Ref: string }; Settings: S3FileRef; Assets: BrandingAssetProperties[] };
    const clientId = cfn.physicalId(STACK, props.ClientId.Ref);
    const style = pool.styles[clientId];
    expect(style).toBeDefined();
    expect(style.id).toBe(cfn.physicalId(STACK, logicalId));
    expect(style.useCognitoProvidedValues).toBe(false);
    expect(style.settings).toEqual(JSON.parse(stagedBytes(assemblyDir, props.Settings).toString('utf8')));
    expect(style.assets).toEqual(Object.fromEntries(props.Assets.map((asset) => {
      const bytes = stagedBytes(assemblyDir, asset);
      return [slotKey(asset), { extension: asset.Extension, sha256: sha256(bytes), bytes: bytes.length }];
    })));
  }
}

function brandingEvents(events: readonly ResourceEvent[]): string[] {
  return events.filter((e) => e.resourceType === MANAGED_LOGIN_BRANDING_TYPE).map((e) => `${e.phase} ${e.requestType} ${e.logicalId} ${e.outcome}`);
}

test('deploy: the stand-in holds exactly the declared Settings and asset bytes, each style created after its client and domain', async () => {
  // WHEN
  const [result] = await cfn.deployAssembly(v1);

  // THEN
  expect(result.failure).toBeUndefined();
  expect(result.status).toBe('CREATE_COMPLETE');
  expectDeclaredStyles(v1);
  const position = (logicalId: string) => result.events.findIndex((e) => e.logicalId === logicalId);
  expect(position(WEB)).toBeGreaterThan(position('LoginWeb70313B00'));
  expect(position(WEB)).toBeGreaterThan(position('LoginDomainC59F1893'));
  expect(position(PARTNER)).toBeGreaterThan(position('LoginPartner589D4B4A'));
  expect(result.events.filter((e) => e.custom).every((e) => e.outcome === 'SUCCESS')).toBe(true);
});

test('rollback: a failure in a resource ordered after the styles sends the updated style back to its old properties', async () => {
  // GIVEN the Partner style changed, and a new resource that depends on both styles and fails
  const v3 = synthExample(createApp, (stack) => {
    partnerWithWebSettings(stack);
    const after = new CfnResource(stack, 'AfterStyles', { type: 'AWS::SNS::Topic' });
    resourcesOfType(stack, MANAGED_LOGIN_BRANDING_TYPE).forEach((style) => after.node.addDependency(style));
  });
  const afterId = stackLogicalId(v3, 'AWS::SNS::Topic');
  const before = standIn.snapshot();

  // WHEN
  const [result] = await cfn.deployAssembly(v3, { failResource: afterId });

  // THEN the update went deploy -> failure -> Update back, and the previous declaration is what Cognito holds
  expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(result.failure).toBe(`${afterId}: Injected failure`);
  const failedAt = result.events.findIndex((e) => e.logicalId === afterId);
  const updates = result.events.map((e, i) => ({ ...e, i })).filter((e) => e.logicalId === PARTNER);
  expect(updates.map((e) => `${e.phase} ${e.requestType} ${e.outcome}`)).toEqual(['deploy Update SUCCESS', 'rollback Update SUCCESS']);
  expect(updates[0].i).toBeLessThan(failedAt);
  expect(updates[1].i).toBeGreaterThan(failedAt);
  expect(brandingEvents(result.events).filter((e) => e.includes(WEB))).toEqual([]);
  expectDeclaredStyles(v1);
  const poolId = cfn.physicalId(STACK, 'LoginUserPoolA0E1D865');
  expect(Object.keys(standIn.snapshot().pools[poolId].styles).sort()).toEqual(Object.keys(before.pools[poolId].styles).sort());
});

test('update: a changed Settings document reaches Cognito through one Update, the other style untouched', async () => {
  // GIVEN
  const v2 = synthExample(createApp, partnerWithWebSettings);
  const callsBefore = standIn.calls.length;

  // WHEN
  const [result] = await cfn.deployAssembly(v2);

  // THEN
  expect(result.status).toBe('UPDATE_COMPLETE');
  expect(brandingEvents(result.events)).toEqual([`deploy Update ${PARTNER} SUCCESS`]);
  expectDeclaredStyles(v2);
  const cognitoWrites = standIn.calls.slice(callsBefore).filter((c) => c.service === 'cognito-idp' && !c.operation.startsWith('Describe'));
  expect(cognitoWrites.every((c) => c.clientId === undefined || c.clientId === cfn.physicalId(STACK, 'LoginPartner589D4B4A'))).toBe(true);
});

test('delete: the styles are deleted before their clients, and no style is left', async () => {
  // GIVEN
  const poolId = cfn.physicalId(STACK, 'LoginUserPoolA0E1D865');

  // WHEN
  const [result] = await cfn.destroyAssembly(v1);

  // THEN
  expect(result.status).toBe('DELETE_COMPLETE');
  const position = (logicalId: string) => result.events.findIndex((e) => e.logicalId === logicalId);
  expect(position(WEB)).toBeLessThan(position('LoginWeb70313B00'));
  expect(position(PARTNER)).toBeLessThan(position('LoginPartner589D4B4A'));
  expect(brandingEvents(result.events)).toEqual(expect.arrayContaining([`delete Delete ${WEB} SUCCESS`, `delete Delete ${PARTNER} SUCCESS`]));
  // The pool is retained (RemovalPolicy.RETAIN), so what is left in it can be looked at: no style, no client.
  expect(standIn.snapshot().pools[poolId]).toMatchObject({ styles: {}, clients: {} });
  expect(standIn.calls.filter((c) => c.operation === 'DeleteManagedLoginBranding' && c.outcome === 'ok')).not.toHaveLength(0);
});

function stackLogicalId(assemblyDir: string, type: string): string {
  return Object.entries(readTemplate(assemblyDir, STACK).Resources).find(([, r]) => r.Type === type)![0];
}
