import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'aws-cdk-lib';
import { AGENTS_ENV, agentsApp } from './scenario-apps';
import { deploy, expectNothingOfOurs, expectStateMatchesDeclaration, poolIds, statuses } from './state-check';
import { CLIENT_METADATA_POLICY_TYPE } from '../../../src/registration/private/cimd-contract';
import { CloudFormationRunner, readAssembly, StandIn } from '../../../standin';

/**
 * A client with client ID metadata documents (a CIMD policy, sent with the
 * handler's SDK-built commands and checked by the stand-in against botocore's
 * model): created, its patterns and cache changed in place, the client
 * removed with its policy, the stack deleted.
 */
const ENV = AGENTS_ENV;

function synth(version: { patterns?: string[]; days?: number; withClient?: boolean }): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cognito-login-cimd-'));
  const { app } = agentsApp(outdir, 'scenario-cimd', version.withClient === false ? false : {
    urlPatterns: version.patterns ?? ['https://agents.example.com/*.json'],
    ...(version.days === undefined ? {} : { cacheDuration: Duration.days(version.days) }),
  });
  app.synth();
  return outdir;
}

let standIn: StandIn;
let cfn: CloudFormationRunner;
const dirs: string[] = [];

beforeAll(async () => {
  standIn = await StandIn.start({ region: ENV.region, account: ENV.account });
  cfn = new CloudFormationRunner(standIn);
  dirs.push(synth({}), synth({ patterns: ['https://agents.example.com/*.json', 'https://tools.example.org/meta/*'], days: 7 }), synth({ withClient: false }));
});

afterAll(async () => standIn.stop());

function policyPhysicalId(): string {
  const [logicalId] = Object.entries(readAssembly(dirs[0])[0].template.Resources).find(([, r]) => r.Type === CLIENT_METADATA_POLICY_TYPE)!;
  return cfn.physicalId('Agents', logicalId);
}

test('create: one policy for the client, as declared', async () => {
  expect(statuses(await deploy(cfn, dirs[0]))).toEqual(['Agents CREATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[0]);
  expect(policyPhysicalId()).toMatch(/^eu-west-1_\w+:[a-z0-9]+$/);
});

test('patterns and cache duration changed: updated in place, the same policy', async () => {
  const before = policyPhysicalId();
  expect(statuses(await deploy(cfn, dirs[1]))).toEqual(['Agents UPDATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[1]);
  expect(policyPhysicalId()).toBe(before);
});

test('the client removed: its policy is deleted with it', async () => {
  expect(statuses(await deploy(cfn, dirs[2]))).toEqual(['Agents UPDATE_COMPLETE']);
  expectStateMatchesDeclaration(cfn, standIn, dirs[2]);
  expect(standIn.snapshot().pools[poolIds(cfn, dirs[2])[0]].cimdPolicies).toBeUndefined();
});

test('delete the stack: nothing of ours is left', async () => {
  const pools = poolIds(cfn, dirs[2]);
  const [result] = await cfn.destroyAssembly(dirs[2]);
  expect(result.status).toBe('DELETE_COMPLETE');
  expectNothingOfOurs(standIn, pools);
});
