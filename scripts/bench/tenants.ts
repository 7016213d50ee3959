/**
 * Question 6 (issue 20, target 3): 1,000 styled tenants on one pool. The app
 * of scripts/bench/tenants-app.ts, 240 tenants in the login's stack and 760
 * in four tenant stacks, synthesized, then deployed stack by stack through
 * the CloudFormation runner and the stand-in (standin/), with SSM's
 * account-wide throughput and Cognito's per-pool write limit played as
 * throttling; then one tenant's logo changed, and the app deployed again
 * unchanged.
 *
 *   npx ts-node --project scripts/tsconfig.json scripts/bench/tenants.ts [--quick]
 *
 * runs this part alone (printing only); `npm run bench` runs it with the rest.
 */
import { statSync } from 'fs';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { Calls, count, total } from './deploy-calls';
import { RESOURCE_LIMIT, ROLE_POLICY_LIMIT, TEMPLATE_LIMIT_S3, tempDir, templateFacts, TemplateFacts } from './fixtures';
import { plain, Table, verdict } from './report';
import { bytes, timed } from './stats';
import { tenantId, tenantsApp } from './tenants-app';
import { CloudFormationRunner, StackResult, StandIn } from '../../standin';

export interface TenantsConfig {
  readonly inLoginStack: number;
  readonly tenantStacks: readonly number[];
  /** The account's Lambda concurrency the runner plays (each execution is a process on this machine). */
  readonly lambdaConcurrency: number;
}

export const TENANTS_FULL: TenantsConfig = { inLoginStack: 240, tenantStacks: [190, 190, 190, 190], lambdaConcurrency: 32 };
export const TENANTS_QUICK: TenantsConfig = { inLoginStack: 6, tenantStacks: [4, 4], lambdaConcurrency: 8 };

/**
 * SSM's standard throughput: GetParameter, GetParameters and PutParameter
 * together, 40 transactions per second per account and Region by default
 * (AWS Systems Manager endpoints and quotas,
 * https://docs.aws.amazon.com/general/latest/gr/ssm.html). The account's
 * other software shares it; here the deployment has it all.
 */
const SSM_TPS = 40;
const SSM_RATED = ['GetParameter', 'GetParameters', 'PutParameter'];
/**
 * Cognito throttles each category of a pool's requests
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html);
 * the stand-in plays it as at most this many branding writes in flight on
 * one pool, beyond which TooManyRequestsException (the limit the deploy
 * scenarios use).
 */
const POOL_WRITES_IN_FLIGHT = 4;
/**
 * How long the stand-in holds each branding write, so that writes overlap
 * and the per-pool limit bites (the stand-in answers at once otherwise;
 * Cognito publishes no latency).
 */
const WRITE_MS = 200;
const BRANDING_WRITES = ['CreateManagedLoginBranding', 'UpdateManagedLoginBranding', 'DeleteManagedLoginBranding'];

const TITLE_6A = '6a. 1,000 styled tenants on one pool: the stacks';
const TITLE_6B = '6b. 1,000 styled tenants on one pool: first deploy, one logo change, a no-op';

interface StackFacts extends TemplateFacts {
  readonly name: string;
  readonly clients: number;
  readonly outputs: number;
}

function stackFacts(assembly: CloudAssembly, name: string, clients: number): StackFacts {
  const artifact = assembly.getStackByName(name);
  return { name, clients, outputs: Object.keys(artifact.template.Outputs ?? {}).length, ...templateFacts(assembly, name) };
}

/** One deployment of every stack of the app, in order: the calls and wall time of each. */
async function deployAll(runner: CloudFormationRunner, standIn: StandIn, dir: string, names: string[])
  : Promise<{ name: string; calls: Calls; ms: number; result: StackResult }[]> {
  const rows = [];
  for (const name of names) {
    const first = standIn.calls.length;
    const start = process.hrtime.bigint();
    const result = await runner.deploy(dir, name);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!/^(CREATE|UPDATE)_COMPLETE$/.test(result.status)) {
      throw new Error(`${name}: ${result.status} ${result.failure ?? ''}`);
    }
    rows.push({ name, calls: count(standIn.calls.slice(first)), ms, result });
  }
  return rows;
}

/** Calls answered: a throttled call is a retry's cost, not the work's. */
const answered = (c: Calls) => total(c) - c.throttled;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const handlerEvents = (result: StackResult) => result.events.filter((e) => e.custom).length;

/** Tables 6a and 6b. */
export async function tenantsTables(config: TenantsConfig): Promise<Table[]> {
  const imagesDir = tempDir('tenants');
  const build = (newLogo: string[] = []) => tenantsApp({
    outdir: tempDir('out'), imagesDir, inLoginStack: config.inLoginStack, tenantStacks: config.tenantStacks, newLogo, bootstrapRule: false,
  });
  const tenants = config.inLoginStack + config.tenantStacks.reduce((sum, n) => sum + n, 0);

  // Synth: the whole app, once.
  const first = build();
  let assembly: CloudAssembly | undefined;
  const synthTime = timed(() => {
    assembly = first.app.synth();
  });
  const names = [first.loginStack, ...first.tenantStacks].map((s) => s.stackName);
  const counts = [config.inLoginStack, ...config.tenantStacks];
  const facts = names.map((name, i) => stackFacts(assembly!, name, counts[i]));
  const resourcesOf = (name: string) => Object.values(assembly!.getStackByName(name).template.Resources as Record<string, { Type: string }>);
  const styles = names.reduce((sum, name) => sum + resourcesOf(name).filter((r) => r.Type === 'Custom::CognitoManagedLoginBranding').length, 0);
  const assetsBytes = statSync(path.join(imagesDir, `${tenantId(0)}-logo-v1.png`)).size;

  // Deploy: first, then one tenant's logo (the last tenant's, in the last stack), then nothing changed.
  const changed = build([tenantId(tenants - 1)]).app.synth().directory;
  const again = build([tenantId(tenants - 1)]).app.synth().directory;
  const standIn = await StandIn.start({ seed: 20 });
  let deployRows: Awaited<ReturnType<typeof deployAll>>;
  let logoRows: Awaited<ReturnType<typeof deployAll>>;
  let noOpRows: Awaited<ReturnType<typeof deployAll>>;
  try {
    standIn.faults.limitRate({ service: 'ssm', operations: SSM_RATED, perSecond: SSM_TPS });
    standIn.faults.limitConcurrentWrites(POOL_WRITES_IN_FLIGHT);
    standIn.faults.inject({ kind: 'slow', operation: BRANDING_WRITES, delayMs: WRITE_MS });
    const runner = new CloudFormationRunner(standIn, { lambdaConcurrency: config.lambdaConcurrency });
    deployRows = await deployAll(runner, standIn, assembly!.directory, names);
    logoRows = await deployAll(runner, standIn, changed, names);
    noOpRows = await deployAll(runner, standIn, again, names);
  } finally {
    await standIn.stop();
  }

  const sum = (rows: typeof deployRows, of: (c: Calls) => number) => rows.reduce((s, r) => s + of(r.calls), 0);
  const deployMs = deployRows.reduce((s, r) => s + r.ms, 0);
  const deployCalls = sum(deployRows, total);
  const throttled = sum(deployRows, (c) => c.throttled);
  // Linear: every stack's calls per client the same (the first stack's fixed calls are none: the pool, domain and
  // handler are not custom resources), so the running total is a straight line through the five points.
  const perClient = deployRows.map((r, i) => answered(r.calls) / counts[i]);
  const callsLinear = perClient.every((c) => Math.abs(c - perClient[0]) < 0.01);
  const logoCalls = sum(logoRows, total);
  const logoWrites = sum(logoRows, (c) => c.cognitoWrites);
  const logoEvents = logoRows.reduce((s, r) => s + handlerEvents(r.result), 0);
  const noOpWrites = sum(noOpRows, (c) => c.cognitoWrites);
  const noOpCalls = sum(noOpRows, total);

  const largest = (of: (f: StackFacts) => number) => Math.max(...facts.map(of));
  const fits = facts.every((f) => f.resources <= RESOURCE_LIMIT && f.bytes <= TEMPLATE_LIMIT_S3 && f.outputs <= 200
    && f.maxPolicyCharsPerRole <= ROLE_POLICY_LIMIT && f.lambdas === 1);
  const callRow = (event: string, stack: string, clients: string, c: Calls, events: number, ms: number) => [event, stack, clients, String(events),
    String(c.cognitoReads), String(c.cognitoWrites), String(c.s3), String(c.ssm), String(c.throttled), String(total(c)), seconds(ms)];

  return [
    {
      title: TITLE_6A,
      method: `One user pool and ${tenants} app clients, one per tenant, each with a managed login style of its own (its primary `
        + `color and a ${bytes(assetsBytes)} header logo, staged as S3 assets): ${config.inLoginStack} in the login's stack, the rest in `
        + `${config.tenantStacks.length} tenant stacks that add aws-cdk-lib UserPoolClients on the login's pool, which the login styles `
        + `from its pages' perClient. The whole app synthesized once (${seconds(synthTime.wall)} wall, ${seconds(synthTime.cpu)} CPU, `
        + 'template validation on). IAM characters: what IAM counts for the handler role, every inline policy together.',
      header: ['stack', 'clients', 'resources (limit 500)', 'outputs (limit 200)', 'template (limit 1 MB)', 'Lambdas', 'handler role IAM characters (limit 10240)'],
      rows: facts.map((f) => [f.name, String(f.clients), String(f.resources), String(f.outputs), bytes(f.bytes), String(f.lambdas),
        String(f.maxPolicyCharsPerRole)]),
      notes: [
        verdict(fits && styles === tenants, `${tenants} styled tenants on one pool, every stack synthesizes within CloudFormation's and IAM's limits`,
          `${styles} styles in ${facts.length} stacks; at most ${largest((f) => f.resources)} resources, ${bytes(largest((f) => f.bytes))} of template, `
          + `${largest((f) => f.outputs)} outputs, ${largest((f) => f.maxPolicyCharsPerRole)} IAM characters on a handler role and `
          + `${largest((f) => f.lambdas)} Lambda per stack; synth of the whole app ${seconds(synthTime.wall)}`),
      ],
    },
    {
      title: TITLE_6B,
      method: 'The stacks of table 6a deployed in order through the CloudFormation runner and the stand-in, the bundled handler as shipped, with '
        + `SSM's standard throughput (${SSM_TPS} GetParameter, GetParameters and PutParameter calls a second, account-wide) and Cognito's `
        + `per-pool write limit (${POOL_WRITES_IN_FLIGHT} branding writes in flight, each held ${WRITE_MS} ms) played as throttling, and Lambda's concurrency held at `
        + `${config.lambdaConcurrency} executions (each is a process on this machine; an account's default is 1,000). Time is the wall time `
        + 'of the simulated deployment: the handlers\' real backoff included, CloudFormation\'s own pace not. Then the app again with the last '
        + 'tenant\'s logo changed, then once more unchanged; every stack is deployed each time, as `cdk deploy --all` does.',
      header: ['deployment', 'stack', 'clients', 'handler events', 'Cognito reads', 'Cognito writes', 'S3 calls', 'SSM calls', 'of which throttled',
        'calls', 'time'],
      rows: [
        ...deployRows.map((r, i) => callRow('first deploy', r.name, String(counts[i]), r.calls, handlerEvents(r.result), r.ms)),
        ['first deploy', 'all', String(tenants), String(deployRows.reduce((s, r) => s + handlerEvents(r.result), 0)),
          String(sum(deployRows, (c) => c.cognitoReads)), String(sum(deployRows, (c) => c.cognitoWrites)), String(sum(deployRows, (c) => c.s3)),
          String(sum(deployRows, (c) => c.ssm)), String(throttled), String(deployCalls), seconds(deployMs)],
        ...logoRows.filter((r) => total(r.calls) > 0)
          .map((r) => callRow('one tenant\'s logo', r.name, '', r.calls, handlerEvents(r.result), r.ms)),
        ['one tenant\'s logo', 'all', '', String(logoEvents), String(sum(logoRows, (c) => c.cognitoReads)), String(logoWrites),
          String(sum(logoRows, (c) => c.s3)), String(sum(logoRows, (c) => c.ssm)), String(sum(logoRows, (c) => c.throttled)), String(logoCalls),
          seconds(logoRows.reduce((s, r) => s + r.ms, 0))],
        ['no-op (the same app again)', 'all', '', String(noOpRows.reduce((s, r) => s + handlerEvents(r.result), 0)), '', String(noOpWrites), '', '',
          '', String(noOpCalls), seconds(noOpRows.reduce((s, r) => s + r.ms, 0))],
      ],
      notes: [
        verdict(callsLinear, `deploy calls linear up to ${tenants} clients, with SSM's throughput and the per-pool write limit played as throttling`,
          `${perClient.map((c) => c.toFixed(1)).join(', ')} answered calls per client, stack by stack; `
          + `a ${tenants}-tenant first deploy: ${deployCalls - throttled} calls answered and ${throttled} throttled, ${seconds(deployMs)} simulated`),
        verdict(logoEvents === 1 && logoWrites === 1, 'one tenant\'s logo change updates that tenant\'s style only',
          `${logoEvents} handler event, ${logoCalls} calls, ${logoWrites} Cognito write`),
        verdict(noOpWrites === 0, `zero writes on a no-op update at ${tenants} tenants`, `${noOpWrites} Cognito writes, ${noOpCalls} calls`),
      ],
    },
  ];
}

if (require.main === module) {
  const config = process.argv.includes('--quick') ? TENANTS_QUICK : TENANTS_FULL;
  tenantsTables(config).then((tables) => tables.forEach((table) => console.log(plain(table))), (error) => {
    console.error(error);
    process.exit(1);
  });
}
