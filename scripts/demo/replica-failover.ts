/**
 * The demo's failover of the replica example, after its five stacks are
 * deployed: the replica Region's state, what the domain serves while the
 * primary Region is unreachable (nowhere to go while the replica is
 * INACTIVE), the replica activated (`replica.active: true`), and what it
 * serves then: the primary's styles, which Cognito syncs. A deployment
 * during the outage fails and rolls back
 * (test/deploy/scenarios/replica-failover.test.ts plays it; it takes the
 * handler's whole time budget, so the demo does not).
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { Example } from '../../examples';
import { CloudFormationRunner, StackResult, StandIn, synthExample } from '../../standin';

/** The regional configuration's Status as `replica.active: true` writes it. */
function activated(stack: Stack): void {
  const configuration = stack.node.tryFindChild('RegionalConfiguration');
  if (configuration instanceof CfnResource) {
    configuration.addPropertyOverride('Status', 'ACTIVE');
  }
}

/** Plays the failover on the example's deployed stacks; `deploy` is the demo's step that prints events and calls. */
export async function playFailover(runner: CloudFormationRunner, standIn: StandIn, example: Example,
  deploy: (title: string, assemblyDir: string) => Promise<StackResult[]>): Promise<void> {
  const pools = runner.stackNames().flatMap((name) => [...runner.stack(name).resources.values()])
    .filter((resource) => resource.type === 'AWS::Cognito::UserPool')
    .map((resource) => resource.physicalId)
    .filter((poolId) => standIn.replicas.of(poolId) !== undefined);
  const show = (title: string) => {
    console.log(`  ${title}`);
    for (const poolId of pools) {
      const replica = standIn.replicas.of(poolId)!;
      const pool = standIn.snapshot().pools[poolId];
      console.log(`    pool ${poolId}: replica in ${replica.region} ${replica.status}, its triggers: ${Object.keys(replica.triggers).join(', ') || '(none)'}`);
      for (const [clientId, name] of Object.entries(pool?.clients ?? {})) {
        const served = standIn.replicas.servedPage(poolId, clientId);
        const page = typeof served.page === 'string' ? served.page
          : 'styleId' in served.page ? `style ${served.page.styleId}` : `classic customization ${served.page.classic}`;
        console.log(`      ${name}: ${served.servedBy ? `served by ${served.servedBy}: ${page}` : page}`);
      }
    }
  };
  const primary = standIn.region;
  console.log(`\n=== failover of ${example.name}: the primary Region ${primary} unreachable`);
  // The custom domain's certificate, made in us-east-1 and read across Regions by Fn::GetStackOutput.
  runner.stackNames().flatMap((name) => [...runner.stack(name).resources.values()])
    .filter((resource) => resource.type === 'AWS::Cognito::UserPoolDomain' && pools.includes(String(resource.properties.UserPoolId)))
    .forEach((domain) => console.log(`  domain ${domain.physicalId}: certificate ${(domain.properties.CustomDomainConfig as { CertificateArn?: string } | undefined)?.CertificateArn ?? '(none: a prefix domain)'}`));
  show('deployed (replica INACTIVE), primary up:');
  standIn.replicas.setReachable(primary, false);
  show(`primary ${primary} unreachable: an INACTIVE replica takes no traffic`);
  standIn.replicas.setReachable(primary, true);
  await deploy(`change: replica.active: true on ${example.name}`, synthExample(example.createApp, activated));
  standIn.replicas.setReachable(primary, false);
  show(`primary ${primary} unreachable, replica ACTIVE: the secondary serves the styles synced from the primary`);
  standIn.replicas.setReachable(primary, true);
}
