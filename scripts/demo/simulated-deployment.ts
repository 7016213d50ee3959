/**
 * The demo's simulated deployment: every example deployed through the bundled
 * handler (on the Node.js of the Lambda runtime, in processes of its own)
 * against the stateful Cognito stand-in (standin/), then one change
 * and one rolled-back change of the branded example. Prints, per custom
 * resource, the events CloudFormation sent and the calls the handler made, and
 * per pool the state Cognito ends up holding. No AWS account is needed.
 */
import * as path from 'path';
import { CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { playFailover } from './replica-failover';
import type { Example } from '../../examples';
import { RESOURCE_TYPES } from '../../lambda/registry';
import { CognitoLogin } from '../../src';
import { LAMBDA_NODEJS_RUNTIME } from '../../src/private/lambda-runtime';
import { CallRecord, CloudFormationRunner, DeployedResource, isWrite, ResourceEvent, StackResult, StandIn, synthExample } from '../../standin';
import { lambdaNodeVersion } from '../../standin/runner/lambda-node';

/** The library's custom-resource types: the list the handler dispatches on (lambda/registry.ts). */
const OUR_TYPES = RESOURCE_TYPES.map((entry) => entry.type.resourceType);

/** Deploys every example's assembly (already synthesized under `root/<name>`), then changes and rolls back the branded one. */
export async function simulateDeployments(examples: readonly Example[], root: string): Promise<void> {
  const standIn = await StandIn.start({ seed: 7, region: 'eu-west-1' });
  const runner = new CloudFormationRunner(standIn);
  try {
    console.log('\n=== simulated deployment: every example through the bundled handler, against the Cognito stand-in');
    console.log(`(the handler runs as in Lambda's ${LAMBDA_NODEJS_RUNTIME}: on Node.js v${lambdaNodeVersion()}, in processes of its own)`);
    for (const example of examples) {
      const results = await step(runner, standIn, `deploy ${example.name}`, () => runner.deployAssembly(path.join(root, example.name)));
      printState(runner, standIn, results);
      failUnlessDeployed(results);
    }

    const branded = examples.find((example) => example.name === 'branded-login');
    if (branded) {
      await changeAndRollBack(runner, standIn, branded);
    }
    const replicated = examples.find((example) => example.name === 'replica');
    if (replicated) {
      await playFailover(runner, standIn, replicated, async (title, dir) => {
        const results = await step(runner, standIn, title, () => runner.deployAssembly(dir));
        printState(runner, standIn, results);
        failUnlessDeployed(results);
        return results;
      });
    }
  } finally {
    await standIn.stop();
  }
}

/** A deployment meant to succeed that did not (a stack rolled back, or stopped before it): said, and the demo exits non-zero. */
function failUnlessDeployed(results: readonly StackResult[]): void {
  const failed = results.filter((result) => result.status !== 'CREATE_COMPLETE' && result.status !== 'UPDATE_COMPLETE');
  if (failed.length > 0) {
    console.log(`  DEPLOYMENT FAILED: ${failed.map((result) => `${result.stackName} ${result.status}`).join(', ')}`);
    process.exitCode = 1;
  }
}

/** One change (a client added) and one rolled-back change (another client whose style fails) of the branded example. */
async function changeAndRollBack(runner: CloudFormationRunner, standIn: StandIn, example: Example): Promise<void> {
  const addClient = (id: string) => (stack: Stack) => {
    const login = stack.node.tryFindChild('Login');
    if (login instanceof CognitoLogin) {
      login.addClient(id, { callbackUrls: [`https://${id.toLowerCase()}.acme.example.com/callback`] });
    }
  };
  const changed = synthExample(example.createApp, addClient('Kiosk'));
  printState(runner, standIn, await step(runner, standIn, 'change: a Kiosk client added to branded-login', () => runner.deployAssembly(changed)));

  // A resource after the new style fails, so CloudFormation rolls the style and its client back.
  const failing = synthExample(example.createApp, (stack) => {
    addClient('Kiosk')(stack);
    addClient('Support')(stack);
    const login = stack.node.findChild('Login');
    new CfnWaitConditionHandle(stack, 'AfterStyles').node.addDependency(login.node.findChild('SupportBranding'));
  });
  const results = await step(runner, standIn, 'rollback: a Support client added, a resource after its style fails',
    () => runner.deployAssembly(failing, { failResource: 'AfterStyles' }));
  printState(runner, standIn, results);
}

/** Runs one operation and prints its events and calls, attributed to our resources. */
async function step(runner: CloudFormationRunner, standIn: StandIn, title: string, run: () => Promise<StackResult[]>): Promise<StackResult[]> {
  const firstCall = standIn.calls.length;
  // A resource this operation deletes (clean-up, rollback) is gone afterwards: remember what it was.
  const before = new Map<string, DeployedResource>();
  for (const name of runner.stackNames()) {
    runner.stack(name).resources.forEach((resource, id) => before.set(`${name}/${id}`, resource));
  }
  const started = Date.now();
  const results = await run();
  const calls = standIn.calls.slice(firstCall);
  const attributed = new Set<CallRecord>();
  console.log(`\n--- ${title} (${Date.now() - started} ms)`);
  for (const result of results) {
    const stack = existing(runner, result.stackName);
    const ours = result.events.filter((event) => OUR_TYPES.includes(event.resourceType));
    const byResource = new Map<string, ResourceEvent[]>();
    for (const event of ours) {
      byResource.set(event.logicalId, [...(byResource.get(event.logicalId) ?? []), event]);
    }
    const ownCalls: CallRecord[] = [];
    for (const [logicalId, events] of byResource) {
      const resource = stack?.resources.get(logicalId) ?? before.get(`${result.stackName}/${logicalId}`);
      const own = resource ? calls.filter((call) => concerns(call, resource)) : [];
      own.forEach((call) => attributed.add(call));
      ownCalls.push(...own);
      console.log(`  ${logicalId}: ${events.map((e) => `${e.phase === 'deploy' ? '' : `${e.phase} `}${e.requestType} ${e.outcome}`).join(', ')}`);
      console.log(`    calls: ${summarize(own) || '(none)'}`);
    }
    // One stack: every call of the operation is its own. Several (a replica's stacks): each counts the calls of its resources,
    // and those of no resource are listed once, after the last.
    const last = result === results[results.length - 1];
    const others = calls.filter((call) => !attributed.has(call));
    if (others.length > 0 && (results.length === 1 || last)) {
      console.log(`  calls for resources created and removed within this operation: ${summarize(others)}`);
    }
    const counted = results.length === 1 ? calls : ownCalls;
    const writes = counted.filter((call) => isWrite(call.operation));
    console.log(`  ${result.stackName}: ${result.status}${result.failure ? ` (${result.failure})` : ''}; `
      + `${ours.length} events to our handler, ${counted.length} calls (${writes.length} writes)`);
  }
  return results;
}

function existing(runner: CloudFormationRunner, stackName: string) {
  return runner.stackNames().includes(stackName) ? runner.stack(stackName) : undefined;
}

/** The ids of the deployed app clients of these stacks that sign users in on the hosted pages. */
function withHostedPages(runner: CloudFormationRunner, results: readonly StackResult[]): Set<string> {
  const ids = new Set<string>();
  for (const result of results) {
    for (const resource of existing(runner, result.stackName)?.resources.values() ?? []) {
      const flows = resource.properties.AllowedOAuthFlows;
      if (resource.type === 'AWS::Cognito::UserPoolClient' && Array.isArray(flows) && flows.some((f) => f === 'code' || f === 'implicit')) {
        ids.add(resource.physicalId);
      }
    }
  }
  return ids;
}

/** Whether a call was made for this resource: its client (or ALL), its pool's claim for it, or one of its staged files. */
function concerns(call: CallRecord, resource: DeployedResource): boolean {
  const props = resource.properties as Record<string, any>;
  const pool = String(props.UserPoolId);
  if (props.ClientId === undefined) {
    // A pool-wide resource (client registration): its claim is the pool's registration record, its calls name no client.
    return call.service === 'ssm'
      ? (call.resource ?? '').includes(`${pool}/registration/`)
      : call.service === 'cognito-idp' && call.userPoolId === pool && call.clientId === undefined && call.brandingId === undefined;
  }
  const client = String(props.ClientId);
  if (call.service === 's3') {
    const keys = [props.Settings, props.Css, props.Logo, ...(props.Assets ?? [])]
      .filter((ref) => ref !== undefined).map((ref: any) => `s3://${ref.Bucket}/${ref.Key}`);
    return keys.includes(call.resource ?? '');
  }
  if (call.service === 'ssm') {
    return (call.resource ?? '').includes(pool) && (call.resource ?? '').endsWith(`/${client}`) && !(call.resource ?? '').includes('/registration/');
  }
  if (call.userPoolId !== pool) {
    return false;
  }
  return call.clientId === client || (call.clientId === undefined && call.brandingId !== undefined && isStyleOf(call, resource));
}

/** Update and Delete name the style, not the client: the resource's own answer tells which style is its. */
function isStyleOf(call: CallRecord, resource: DeployedResource): boolean {
  return Object.values(resource.attributes).includes(call.brandingId) || resource.physicalId === call.brandingId;
}

/** `Operation xN` per operation, with the failed ones counted apart. */
function summarize(calls: readonly CallRecord[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const key = call.outcome === 'ok' ? call.operation : `${call.operation}->${call.outcome}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} x${n}`).join(', ');
}

/** What Cognito holds for the pools of these stacks: styles by client, asset slots with sizes, classic CSS versions. */
function printState(runner: CloudFormationRunner, standIn: StandIn, results: readonly StackResult[]): void {
  const snapshot = standIn.snapshot();
  for (const result of results) {
    const stack = existing(runner, result.stackName);
    const poolIds = [...(stack?.resources.values() ?? [])]
      .filter((r) => r.type === 'AWS::Cognito::UserPool').map((r) => r.physicalId);
    for (const poolId of poolIds) {
      const pool = snapshot.pools[poolId];
      if (!pool) continue;
      console.log(`  pool ${poolId}: ${Object.keys(pool.clients).length} clients, domain ${pool.domains.map((d) => `${d.domain} (v${d.managedLoginVersion})`).join(', ')}`);
      for (const [clientId, style] of Object.entries(pool.styles)) {
        const slots = Object.entries(style.assets).map(([slot, asset]) => `${slot} ${asset.bytes} B`);
        console.log(`    ${pool.clients[clientId]}: style ${style.id}, `
          + `${style.useCognitoProvidedValues ? "Cognito's defaults" : `settings ${style.settings ? 'set' : 'absent'}, ${slots.length} assets${slots.length ? `: ${slots.join(', ')}` : ''}`}`);
      }
      for (const [clientId, classic] of Object.entries(pool.classic)) {
        console.log(`    classic ${clientId === 'ALL' ? 'ALL' : pool.clients[clientId]}: CSS version ${classic.cssVersion}`
          + `${classic.css !== undefined ? `, ${classic.css.length} characters of CSS` : ''}${classic.imageBytes ? `, logo ${classic.imageBytes} B` : ''}`);
      }
      if (pool.registration !== undefined) {
        const dcr = pool.registration as {
          EnableStatus?: string; OpenDcrEnabled?: boolean; AuthenticatedGrantTypes?: string[]; AllowedScopes?: string[];
        };
        console.log(`    client registration: ${dcr.EnableStatus ?? 'Enabled'}${dcr.EnableStatus === 'Disabled' ? ''
          : `, ${dcr.OpenDcrEnabled ? 'open' : 'authenticated'}, grants ${(dcr.AuthenticatedGrantTypes ?? []).join(' ')}, scopes ${(dcr.AllowedScopes ?? []).join(' ') || '(OIDC only)'}`}`);
      }
      // Only a client with hosted pages (an authorization code or implicit grant) shows "Login pages unavailable" without a style;
      // SDK-only and client-credentials clients never open the pages.
      const unstyled = Object.entries(pool.clients)
        .filter(([id]) => !pool.styles[id] && withHostedPages(runner, results).has(id)).map(([, name]) => name);
      if (pool.domains.some((d) => d.managedLoginVersion === 2) && unstyled.length > 0) {
        console.log(`    WITHOUT A STYLE ("Login pages unavailable"): ${unstyled.join(', ')}`);
      }
    }
  }
}
