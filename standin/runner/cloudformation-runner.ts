import { readAssembly, StackArtifact } from './cloud-assembly';
import { ConcurrencyLimit } from './concurrency';
import { DeployedStack, ResourceEvent, StackStatus } from './deployed-state';
import { SimulatedLambda } from './simulated-lambda';
import { DeployOptions, ReplacementRollback, StackOperation } from './stack-operation';
import { StackRecord, StandIn } from '../services';

export interface RunnerOptions {
  /**
   * How a rollback treats a custom resource that the update replaced (new
   * physical id): 'delete-new' (aws-cdk's docs/CLOUDFORMATION.md: the new id
   * is deleted, the old one kept with no event) or 'update-back' (aws-cdk
   * issue 17443: an Update back to the old properties, then whatever id it
   * did not answer is deleted). @default 'delete-new'
   */
  readonly replacementRollback?: ReplacementRollback;
  /** For environment-agnostic stacks. @default '123456789012' */
  readonly account?: string;
  /** For environment-agnostic stacks. @default the stand-in's region */
  readonly region?: string;
  /**
   * Lambda's concurrent executions for the account (see ConcurrencyLimit):
   * invocations beyond it wait. Each execution is a process of its own here,
   * so a stack of hundreds of custom resources needs a limit on a small
   * machine. @default no limit
   */
  readonly lambdaConcurrency?: number;
}

/** How one stack operation ended. */
export interface StackResult {
  readonly stackName: string;
  readonly status: StackStatus;
  /** `<LogicalId>: <reason>` of the first resource that failed. */
  readonly failure?: string;
  /** The events of this operation only. */
  readonly events: readonly ResourceEvent[];
}

/**
 * CloudFormation for synthesized cloud assemblies, against a stand-in:
 * deploys (creates or updates), rolls back, cleans up and deletes stacks with
 * CloudFormation's event sequences, and sends the library's custom resources
 * through the bundled handler as shipped in the assembly.
 *
 * It is also the stand-in's CloudFormation for DescribeStackResource: its
 * stacks, the one being operated on as it stands (resources in progress
 * included), and every stack it deleted, found by stack id.
 */
export class CloudFormationRunner {
  /** Every resource event of every operation, in order. */
  readonly events: ResourceEvent[] = [];
  /** aws-cdk-lib's cross-Region reference values, across the runner's stacks and Regions. */
  private readonly crossRegionValues = new Map<string, string>();
  private readonly stacks = new Map<string, DeployedStack>();
  /** Deleted stacks (and new stacks rolled back, which the CDK CLI deletes), kept as DescribeStackResource keeps them for 90 days. */
  private readonly deletedStacks: StackRecord[] = [];
  /** The operation under way, whose stack DescribeStackResource sees as it changes. */
  private running?: StackOperation;
  private readonly lambdas = new Map<string, SimulatedLambda>();
  private readonly lambdaConcurrency?: ConcurrencyLimit;

  constructor(private readonly standIn: StandIn, private readonly options: RunnerOptions = {}) {
    standIn.useCloudFormation({ stacks: () => this.stackRecords() });
    if (options.lambdaConcurrency !== undefined) {
      this.lambdaConcurrency = new ConcurrencyLimit(options.lambdaConcurrency);
    }
  }

  /** Deploys every stack of an assembly in dependency order; stops at the first that does not complete. */
  async deployAssembly(assemblyDir: string, options: DeployOptions = {}): Promise<StackResult[]> {
    const results: StackResult[] = [];
    for (const artifact of readAssembly(assemblyDir)) {
      const result = await this.deployArtifact(artifact, options);
      results.push(result);
      if (!result.status.endsWith('_COMPLETE') || result.status.includes('ROLLBACK')) {
        break;
      }
    }
    return results;
  }

  /** Deploys one stack of an assembly (by stack name): a create, or an update from its previous template. */
  async deploy(assemblyDir: string, stackName: string, options: DeployOptions = {}): Promise<StackResult> {
    const artifact = readAssembly(assemblyDir).find((a) => a.stackName === stackName);
    if (!artifact) {
      throw new Error(`${assemblyDir} has no stack ${stackName}`);
    }
    return this.deployArtifact(artifact, options);
  }

  /** Deletes a stack; refused while another stack imports one of its exports, as CloudFormation does. */
  async deleteStack(stackName: string): Promise<StackResult> {
    const stack = this.stack(stackName);
    for (const [name] of Object.entries(stack.exports)) {
      const importer = [...this.stacks.values()].find((s) => s !== stack && JSON.stringify(s.template).includes(`"Fn::ImportValue":"${name}"`));
      if (importer) {
        throw new Error(`Export ${name} cannot be deleted as it is in use by ${importer.stackName}`);
      }
    }
    const first = this.events.length;
    const operation = new StackOperation(this.settings(), stack.artifact, stack);
    const status = await this.run(operation, () => operation.delete());
    if (status === 'DELETE_COMPLETE') {
      this.stacks.delete(stackName);
      this.deletedStacks.push(operation.view(true));
    } else {
      const resourceStatuses = new Map(operation.view().resources);
      this.stacks.set(stackName, { ...stack, resources: operation.remainingResources(), resourceStatuses, status });
    }
    return { stackName, status, events: this.events.slice(first) };
  }

  /** Deletes every stack of an assembly, dependents first. */
  async destroyAssembly(assemblyDir: string): Promise<StackResult[]> {
    const results: StackResult[] = [];
    for (const artifact of readAssembly(assemblyDir).reverse()) {
      if (this.stacks.has(artifact.stackName)) {
        results.push(await this.deleteStack(artifact.stackName));
      }
    }
    return results;
  }

  /** Names of the stacks that exist now, in the order they were first deployed. */
  stackNames(): string[] {
    return [...this.stacks.keys()];
  }

  /** The deployed stack, for its physical ids, attributes and outputs. */
  stack(stackName: string): DeployedStack {
    const stack = this.stacks.get(stackName);
    if (!stack) {
      throw new Error(`Stack ${stackName} does not exist`);
    }
    return stack;
  }

  /** A resource's physical id in a deployed stack. */
  physicalId(stackName: string, logicalId: string): string {
    const resource = this.stack(stackName).resources.get(logicalId);
    if (!resource) {
      throw new Error(`Stack ${stackName} has no resource ${logicalId}`);
    }
    return resource.physicalId;
  }

  /**
   * Fn::GetStackOutput: the output of a stack of the runner's that exists in
   * `region`. CloudFormation reads it with DescribeStacks (the function's
   * RoleArn must allow cloudformation:DescribeStacks on it), so a stack not
   * there fails as DescribeStacks does; the wording for a missing output is
   * the runner's own, the page gives none
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html,
   * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html).
   */
  private stackOutput(stackName: string, outputName: string, region: string): string {
    const stack = [...this.stacks.values()].find((s) => s.stackName === stackName && s.region === region);
    if (!stack) {
      throw new Error(`Stack with id ${stackName} does not exist`);
    }
    if (!(outputName in stack.outputs)) {
      throw new Error(`Stack ${stackName} (${region}) has no output ${outputName}`);
    }
    return stack.outputs[outputName];
  }

  private async deployArtifact(artifact: StackArtifact, options: DeployOptions): Promise<StackResult> {
    const first = this.events.length;
    const operation = new StackOperation(this.settings(), artifact, this.stacks.get(artifact.stackName));
    const outcome = await this.run(operation, () => operation.deploy(options));
    if (outcome.stack) {
      this.stacks.set(artifact.stackName, outcome.stack);
    } else {
      this.stacks.delete(artifact.stackName);
      this.deletedStacks.push(operation.view(true));
    }
    const failure = outcome.failure ? { failure: outcome.failure } : {};
    return { stackName: artifact.stackName, status: outcome.status, ...failure, events: this.events.slice(first) };
  }

  private async run<T>(operation: StackOperation, body: () => Promise<T>): Promise<T> {
    this.running = operation;
    try {
      return await body();
    } finally {
      this.running = undefined;
    }
  }

  /** Every stack as DescribeStackResource finds it. */
  private stackRecords(): StackRecord[] {
    const running = this.running?.view();
    const settled = [...this.stacks.values()]
      .filter((stack) => stack.stackId !== running?.stackId)
      .map((stack) => ({
        stackId: stack.stackId, stackName: stack.stackName, deleted: false, stackStatus: stack.status, resources: stack.resourceStatuses,
      }));
    return [...settled, ...(running ? [running] : []), ...this.deletedStacks];
  }

  private settings() {
    return {
      standIn: this.standIn,
      events: this.events,
      replacementRollback: this.options.replacementRollback ?? 'delete-new',
      defaultAccount: this.options.account ?? '123456789012',
      defaultRegion: this.options.region ?? this.standIn.region,
      lambdas: this.lambdas,
      lambdaConcurrency: this.lambdaConcurrency,
      crossRegionValues: this.crossRegionValues,
      importValue: (name: string) => {
        for (const stack of this.stacks.values()) {
          if (name in stack.exports) {
            return stack.exports[name];
          }
        }
        throw new Error(`No export named ${name} found`);
      },
      stackOutput: (stackName: string, outputName: string, region: string) => this.stackOutput(stackName, outputName, region),
    };
  }
}
