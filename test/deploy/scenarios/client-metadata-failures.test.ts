import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnResource } from 'aws-cdk-lib';
import { AFTER_STYLES, AGENTS_ENV, agentsApp } from './scenario-apps';
import { cognitoCalls, deploy, expectStateMatchesDeclaration, poolIds, statuses } from './state-check';
import { CLIENT_METADATA_POLICY_TYPE } from '../../../src/registration/private/cimd-contract';
import { CloudFormationRunner, readAssembly, StandIn } from '../../../standin';

/**
 * Every write of Custom::CognitoClientMetadataPolicy that can fail, played
 * through CloudFormation with the stand-in's faults, on a stack that exists
 * (so that a rollback keeps the pool and what is left in it can be seen):
 * after each, the pool holds exactly the policies the deployed template
 * declares, none duplicated and none orphaned (a policy outlives its client,
 * so an orphan would stay for good). docs/deployment-sequences.md lists them.
 */
jest.setTimeout(120_000);

const ENV = AGENTS_ENV;
const PATTERNS = ['https://agents.example.com/*.json'];

interface Version {
  /** The Agents client. @default true */
  readonly client?: boolean;
  /** Its metadata documents. @default true */
  readonly documents?: boolean;
  readonly patterns?: string[];
}

function synth(version: Version): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-cimd-faults-'));
  const { app, stack, login } = agentsApp(outdir, 'scenario-cimd-faults',
    version.client === false ? false : version.documents === false ? undefined : { urlPatterns: version.patterns ?? PATTERNS });
  const after = new CfnResource(stack, AFTER_STYLES, {
    type: 'Custom::AfterStyles',
    // The version, so that every deployment sends it an event (and `failResource` can fail it).
    properties: { ServiceToken: `arn:aws:lambda:${ENV.region}:${ENV.account}:function:after-styles`, Version: JSON.stringify(version) },
  });
  after.overrideLogicalId(AFTER_STYLES);
  after.node.addDependency(login);
  app.synth();
  return outdir;
}

let standIn: StandIn;
let cfn: CloudFormationRunner;
let base: string;
let withPolicy: string;
let changed: string;
let clientOnly: string;

beforeAll(async () => {
  standIn = await StandIn.start({ region: ENV.region, account: ENV.account });
  cfn = new CloudFormationRunner(standIn);
  base = synth({ client: false });
  withPolicy = synth({});
  changed = synth({ patterns: ['https://tools.example.org/meta/*'] });
  clientOnly = synth({ documents: false });
  expect(statuses(await deploy(cfn, base))).toEqual(['Agents CREATE_COMPLETE']);
});

afterEach(() => standIn.faults.clear());
afterAll(async () => standIn.stop());

function pool() {
  return standIn.cognito.pool(poolIds(cfn, base)[0]);
}

function policyPhysicalId(): string {
  const [logicalId] = Object.entries(readAssembly(withPolicy)[0].template.Resources).find(([, r]) => r.Type === CLIENT_METADATA_POLICY_TYPE)!;
  return cfn.physicalId('Agents', logicalId);
}

/** Back to the stack without the client: its policy deleted with it, nothing left. */
async function reset(): Promise<void> {
  expect(statuses(await deploy(cfn, base))).toEqual(['Agents UPDATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, base);
  expect(pool().cimdPolicies.size).toBe(0);
}

describe('Create', () => {
  test('CreateCIMDPolicy lands but its answer is lost: the retry finds it, no duplicate', async () => {
    // GIVEN
    standIn.faults.inject({ kind: 'lost-response', operation: 'CreateCIMDPolicy', count: 1 });
    const from = standIn.calls.length;

    // WHEN
    const results = await deploy(cfn, withPolicy);

    // THEN
    expect(statuses(results)).toEqual(['Agents UPDATE_COMPLETE']);
    expect(cognitoCalls(standIn, from, (c) => c.operation.includes('CIMD'))).toEqual([
      'ListCIMDPolicies ok', 'CreateCIMDPolicy InternalErrorException', 'ListCIMDPolicies ok',
    ]);
    expect(pool().cimdPolicies.size).toBe(1);
    expectStateMatchesDeclaration(cfn, standIn, withPolicy);
    await reset();
  });

  test('lost answer, then the retry refused: the Create deletes what landed before it answers FAILED; the rollback removes the client', async () => {
    // GIVEN the retry's look for the landed policy is refused (nothing a retry helps)
    standIn.faults.inject({ kind: 'lost-response', operation: 'CreateCIMDPolicy', count: 1 });
    standIn.faults.inject({ kind: 'refuse', operation: 'ListCIMDPolicies', after: 1, count: 1, code: 'InvalidParameterException', message: 'Refused.' });

    // WHEN
    const results = await deploy(cfn, withPolicy);

    // THEN
    expect(statuses(results)).toEqual(['Agents UPDATE_ROLLBACK_COMPLETE']);
    expect(pool().cimdPolicies.size).toBe(0);
    expectStateMatchesDeclaration(cfn, standIn, base);
  });

  test('lost answer, then a later resource fails: CloudFormation\'s rollback deletes the one policy', async () => {
    // GIVEN
    standIn.faults.inject({ kind: 'lost-response', operation: 'CreateCIMDPolicy', count: 1 });

    // WHEN
    const results = await deploy(cfn, withPolicy, 'Agents');

    // THEN
    expect(statuses(results)).toEqual(['Agents UPDATE_ROLLBACK_COMPLETE']);
    expect(pool().cimdPolicies.size).toBe(0);
    expectStateMatchesDeclaration(cfn, standIn, base);
  });

  test('a policy an earlier Create left without its answer (the client kept): adopted and set as declared, not duplicated', async () => {
    // GIVEN the client without documents, and a policy of its with the resource's name, as a lost Create leaves it
    expect(statuses(await deploy(cfn, clientOnly))).toEqual(['Agents UPDATE_COMPLETE']);
    const [clientLogicalId] = Object.entries(readAssembly(clientOnly)[0].template.Resources)
      .find(([id, r]) => r.Type === 'AWS::Cognito::UserPoolClient' && id.startsWith('LoginAgents'))!;
    const clientId = cfn.physicalId('Agents', clientLogicalId);
    const now = new Date();
    pool().cimdPolicies.set('orphan1', {
      id: 'orphan1', clientId, policyName: 'Agents', urlPatterns: ['https://stale.example.com/*'], creationDate: now, lastModifiedDate: now,
    });
    pool().cimdPolicies.set('orphan2', {
      id: 'orphan2', clientId, policyName: 'Agents', urlPatterns: ['https://stale.example.com/*'], creationDate: now, lastModifiedDate: now,
    });

    // WHEN
    const results = await deploy(cfn, withPolicy);

    // THEN one policy, the first orphan, with the declared patterns
    expect(statuses(results)).toEqual(['Agents UPDATE_COMPLETE']);
    expect(policyPhysicalId()).toBe(`${pool().id}:orphan1`);
    expect([...pool().cimdPolicies.keys()]).toEqual(['orphan1']);
    expectStateMatchesDeclaration(cfn, standIn, withPolicy);
  });
});

describe('Update', () => {
  test('UpdateCIMDPolicy refused: nothing changed, the rollback\'s Update back leaves the previous patterns', async () => {
    // GIVEN
    const before = policyPhysicalId();
    standIn.faults.inject({ kind: 'refuse', operation: 'UpdateCIMDPolicy', count: 1, code: 'InvalidParameterException', message: 'Refused.' });

    // WHEN
    const results = await deploy(cfn, changed);

    // THEN
    expect(statuses(results)).toEqual(['Agents UPDATE_ROLLBACK_COMPLETE']);
    expect(policyPhysicalId()).toBe(before);
    expectStateMatchesDeclaration(cfn, standIn, withPolicy);
  });

  test('the policy deleted outside CloudFormation: the Update makes a new one, the clean-up Delete of the old id finds nothing', async () => {
    // GIVEN
    const before = policyPhysicalId();
    pool().cimdPolicies.delete(before.split(':')[1]);

    // WHEN
    const results = await deploy(cfn, changed);

    // THEN
    expect(statuses(results)).toEqual(['Agents UPDATE_COMPLETE']);
    expect(policyPhysicalId()).not.toBe(before);
    expect(pool().cimdPolicies.size).toBe(1);
    expectStateMatchesDeclaration(cfn, standIn, changed);
  });
});

describe('Delete', () => {
  test('DeleteCIMDPolicy lands but its answer is lost: the retry finds nothing, which is done', async () => {
    // GIVEN
    standIn.faults.inject({ kind: 'lost-response', operation: 'DeleteCIMDPolicy', count: 1 });

    // WHEN / THEN
    await reset();
  });

  test('a policy already gone: the Delete succeeds', async () => {
    // GIVEN
    expect(statuses(await deploy(cfn, withPolicy))).toEqual(['Agents UPDATE_COMPLETE']);
    pool().cimdPolicies.clear();

    // WHEN / THEN
    await reset();
  });
});
