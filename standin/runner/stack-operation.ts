import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { crossRegionReference } from './cross-region-references';
import { RESOURCE_TYPES } from '../../lambda/registry';
import { ResourceStatus, StackRecord, StackResourceRecord, StandIn } from '../services';
import { StackArtifact, Template } from './cloud-assembly';
import { ConcurrencyLimit } from './concurrency';
import { walkGraph, reversed } from './dag';
import { DeployedResource, DeployedStack, ResourceEvent, StackStatus } from './deployed-state';
import { customResourceEvent } from './events';
import { resolve, ResolveContext } from './intrinsics';
import { NativeContext, nativeType, recordedAttribute, requiresReplacement } from './native-resources';
import { CfnResponse, LambdaCode, SimulatedLambda } from './simulated-lambda';
import { templateGraph, TemplateGraph } from './template-graph';

/**
 * The library's custom-resource types: the one list the handler dispatches on
 * (lambda/registry.ts). The runner's one tie to the library: it runs that
 * handler as shipped, and a list of its own would be a second one to forget.
 */
const HANDLER_TYPES: ReadonlySet<string> = new Set(RESOURCE_TYPES.map((entry) => entry.type.resourceType));

/** CloudFormation refuses custom-resource response data over 4,096 bytes. */
const MAX_RESPONSE_DATA_BYTES = 4096;

/** SSM-typed parameters CDK templates carry, as a bootstrapped account answers them. */
const BOOTSTRAP_SSM_VALUES: { readonly [name: string]: string } = { '/cdk-bootstrap/hnb659fds/version': '30' };

export type ReplacementRollback = 'delete-new' | 'update-back';

export interface OperationSettings {
  readonly standIn: StandIn;
  readonly events: ResourceEvent[];
  readonly replacementRollback: ReplacementRollback;
  readonly defaultAccount: string;
  readonly defaultRegion: string;
  /**
   * The runner's functions by their configuration: kept across operations,
   * so an operation's first invocation may find a warm environment, as
   * Lambda keeps them between invocations minutes apart.
   */
  readonly lambdas: Map<string, SimulatedLambda>;
  /** The account's Lambda concurrency, when limited (RunnerOptions.lambdaConcurrency). */
  readonly lambdaConcurrency?: ConcurrencyLimit;
  /** aws-cdk-lib's cross-Region reference values, `<region>:<parameter name>` to value (cross-region-references.ts). */
  readonly crossRegionValues: Map<string, string>;
  /** Export name to value, across the runner's stacks. */
  importValue(name: string): string;
  /** An output of a deployed stack of the runner, by stack name, output name and Region (Fn::GetStackOutput). */
  stackOutput(stackName: string, outputName: string, region: string): string;
}

export interface DeployOptions {
  /** A resource whose Create or Update this deployment fails (injected), so the stack rolls back. */
  readonly failResource?: string;
  /** Values of template parameters (defaults otherwise). */
  readonly parameters?: { readonly [name: string]: string };
}

/** How a create or update ended. */
export interface DeployOutcome {
  readonly status: StackStatus;
  /** The stack as it stands afterwards; undefined after a new stack rolled back. */
  readonly stack?: DeployedStack;
  /** `<LogicalId>: <reason>` of the first resource that failed. */
  readonly failure?: string;
}

/** A failure of one resource, as the stack's events would show it. */
class ResourceFailure extends Error {}

type Change =
  | { readonly kind: 'create' }
  | { readonly kind: 'create-failed'; readonly failed: DeployedResource }
  | { readonly kind: 'update'; readonly previous: DeployedResource; readonly newProperties: { readonly [name: string]: unknown } }
  | { readonly kind: 'replace'; readonly previous: DeployedResource; readonly replacement: DeployedResource };

/**
 * One stack operation (create, update or delete) of CloudFormation against
 * the stand-in, with the events, ordering, rollback and clean-up CloudFormation
 * would produce.
 */
export class StackOperation {
  private readonly current: Map<string, DeployedResource>;
  /**
   * Every function this operation has known, kept after it leaves `current`:
   * a style whose function is removed in the same update (the last style of a
   * stack) or rolled back (the first) is deleted before its function, and
   * CloudFormation still invokes that function for the Delete.
   */
  private readonly functions: DeployedResource[] = [];
  private readonly stackId: string;
  private readonly account: string;
  private readonly region: string;
  /**
   * Each logical resource as DescribeStackResource shows it, changed as its
   * events happen: `*_IN_PROGRESS` while CloudFormation waits for the
   * resource (for a custom resource: while its handler runs), then
   * `*_COMPLETE` or `*_FAILED`; a resource removed from the stack leaves the
   * map once its Delete is done.
   */
  private readonly statuses: Map<string, StackResourceRecord>;
  private parameters: { [name: string]: string } = {};
  private conditions = new Map<string, boolean>();
  /** The stack's status as DescribeStacks shows it while this operation runs (the statuses of the stack-level events). */
  private stackStatus = 'CREATE_IN_PROGRESS';

  constructor(
    private readonly settings: OperationSettings,
    private readonly artifact: StackArtifact,
    private readonly previous: DeployedStack | undefined,
  ) {
    this.current = new Map(previous?.resources ?? []);
    this.statuses = new Map(previous?.resourceStatuses ?? []);
    this.functions.push(...[...this.current.values()].filter((r) => r.lambda !== undefined));
    this.account = previous?.account ?? artifact.account ?? settings.defaultAccount;
    this.region = previous?.region ?? artifact.region ?? settings.defaultRegion;
    this.stackId = previous?.stackId ?? `arn:aws:cloudformation:${this.region}:${this.account}:stack/${artifact.stackName}/${randomUUID()}`;
  }

  /** Create or update the stack from the artifact's template. */
  async deploy(options: DeployOptions): Promise<DeployOutcome> {
    this.stackStatus = this.previous ? 'UPDATE_IN_PROGRESS' : 'CREATE_IN_PROGRESS';
    this.stageFileAssets();
    const template = this.artifact.template;
    this.useTemplate(template, options.parameters);
    const graph = templateGraph(template, (name) => this.condition(template, name));
    const changes = new Map<string, Change>();
    let failure: string | undefined;
    if (options.failResource && this.previous?.resources.has(options.failResource) === false && !graph.ids.includes(options.failResource)) {
      throw new Error(`failResource ${options.failResource} is not a resource of ${this.artifact.stackName}`);
    }
    const { failed } = await walkGraph(graph.ids, graph.dependsOn, async (id) => {
      try {
        await this.apply(template, id, changes, options.failResource === id);
        return true;
      } catch (error) {
        if (!(error instanceof ResourceFailure)) {
          throw error;
        }
        failure ??= `${id}: ${error.message}`;
        return false;
      }
    }, true);
    if (failed.size === 0) {
      const state = this.stackState(template, this.previous ? 'UPDATE_COMPLETE' : 'CREATE_COMPLETE');
      this.stackStatus = this.previous ? 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS' : 'CREATE_COMPLETE';
      await this.cleanUp(changes);
      return { status: state.status, stack: { ...state, resources: new Map(this.current), resourceStatuses: this.settledStatuses() } };
    }
    return { ...await this.rollBack(changes), failure: failure! };
  }

  /** Deletes every resource in reverse dependency order; retained ones stay. */
  async delete(): Promise<StackStatus> {
    const stack = this.previous!;
    this.stackStatus = 'DELETE_IN_PROGRESS';
    this.conditions = new Map();
    this.parameters = { ...stack.parameters };
    const graph = templateGraph(stack.template, (name) => this.condition(stack.template, name));
    const ids = graph.ids.filter((id) => this.current.has(id));
    const { failed } = await walkGraph(ids, reversed(ids, graph.dependsOn), async (id) => {
      const resource = this.current.get(id)!;
      if (isRetained(resource.deletionPolicy)) {
        // No Delete event: CloudFormation keeps the resource (DeletionPolicy attribute, CloudFormation User Guide,
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html), and
        // DELETE_SKIPPED is the status botocore's model (ResourceStatus) has for a resource left out of a deletion.
        this.current.delete(id);
        this.mark(resource, 'DELETE_SKIPPED');
        return true;
      }
      this.mark(resource, 'DELETE_IN_PROGRESS');
      const ok = await this.deleteResource(resource, 'delete');
      this.mark(resource, ok ? 'DELETE_COMPLETE' : 'DELETE_FAILED');
      if (ok) {
        this.current.delete(id);
      }
      return ok;
    }, false);
    return failed.size === 0 && [...this.current.keys()].every((id) => !ids.includes(id)) ? 'DELETE_COMPLETE' : 'DELETE_FAILED';
  }

  /** What is left of the stack after a failed deletion. */
  remainingResources(): ReadonlyMap<string, DeployedResource> {
    return new Map(this.current);
  }

  /** The stack as DescribeStackResource finds it while this operation runs (a copy of it once the operation is over). */
  view(deleted = false): StackRecord {
    return {
      stackId: this.stackId,
      stackName: this.artifact.stackName,
      deleted,
      stackStatus: deleted ? 'DELETE_COMPLETE' : this.stackStatus,
      resources: deleted ? new Map(this.statuses) : this.statuses,
    };
  }

  // ---- the deploy phase ----

  private async apply(template: Template, id: string, changes: Map<string, Change>, injectFailure: boolean): Promise<void> {
    const declared = template.Resources[id];
    const properties = this.resolveProperties(template, id);
    const previous = this.previous?.resources.get(id);
    if (previous && previous.type === declared.Type && sameJson(previous.properties, properties)) {
      if (injectFailure) {
        throw new Error(`failResource ${id} is unchanged by this deployment, so CloudFormation would send it no event`);
      }
      return;
    }
    const verb = previous ? 'UPDATE' : 'CREATE';
    this.mark({ logicalId: id, type: declared.Type, physicalId: previous?.physicalId }, `${verb}_IN_PROGRESS`);
    try {
      await this.change(template, id, properties, previous, changes, injectFailure);
      this.mark(this.current.get(id)!, `${verb}_COMPLETE`);
    } catch (error) {
      if (error instanceof ResourceFailure) {
        this.mark({ logicalId: id, type: declared.Type, physicalId: previous?.physicalId }, `${verb}_FAILED`);
      }
      throw error;
    }
  }

  /** The Create, Update or replacement of one changed resource. */
  private async change(template: Template, id: string, properties: { readonly [name: string]: unknown }, previous: DeployedResource | undefined,
    changes: Map<string, Change>, injectFailure: boolean): Promise<void> {
    const declared = template.Resources[id];
    const requestType = previous ? 'Update' : 'Create';
    if (injectFailure) {
      this.record({ logicalId: id, resourceType: declared.Type, requestType, phase: 'deploy', physicalId: previous?.physicalId, outcome: 'FAILED', reason: 'Injected failure', custom: false });
      throw new ResourceFailure('Injected failure');
    }
    const base = { logicalId: id, type: declared.Type, deletionPolicy: declared.DeletionPolicy, updateReplacePolicy: declared.UpdateReplacePolicy };
    if (!previous || previous.type !== declared.Type) {
      const created = await this.createResource({ ...base, physicalId: '', properties, attributes: {} }, 'deploy');
      if (created.ok) {
        changes.set(id, previous ? { kind: 'replace', previous, replacement: created.resource } : { kind: 'create' });
        this.current.set(id, created.resource);
        return;
      }
      if (isCustom(declared.Type)) {
        changes.set(id, { kind: 'create-failed', failed: created.resource });
      }
      throw new ResourceFailure(created.reason);
    }
    if (isCustom(declared.Type)) {
      const response = await this.invoke('deploy', 'Update', { ...previous, properties }, previous.physicalId, previous.properties);
      if (response.Status === 'FAILED') {
        // CloudFormation sends the failed resource an Update back to its old properties on rollback.
        changes.set(id, { kind: 'update', previous, newProperties: properties });
        throw new ResourceFailure(response.Reason);
      }
      const updated: DeployedResource = {
        ...previous, ...base, properties, physicalId: response.PhysicalResourceId, attributes: response.Data ?? {},
      };
      changes.set(id, updated.physicalId === previous.physicalId ? { kind: 'update', previous, newProperties: properties } : { kind: 'replace', previous, replacement: updated });
      this.current.set(id, updated);
      return;
    }
    if (requiresReplacement(declared.Type, previous.properties, properties)) {
      const created = await this.createResource({ ...base, physicalId: '', properties, attributes: {} }, 'deploy', true);
      if (!created.ok) {
        throw new ResourceFailure(created.reason);
      }
      changes.set(id, { kind: 'replace', previous, replacement: created.resource });
      this.current.set(id, created.resource);
      return;
    }
    const updated = this.updateNative(previous, { ...base, properties }, 'deploy');
    if (!updated.ok) {
      throw new ResourceFailure(updated.reason);
    }
    changes.set(id, { kind: 'update', previous, newProperties: properties });
    this.current.set(id, updated.resource);
  }

  // ---- after the deploy phase ----

  /** UPDATE_COMPLETE_CLEANUP_IN_PROGRESS: old ids of replacements and removed resources get Delete; a failure there is only a warning. */
  private async cleanUp(changes: Map<string, Change>): Promise<void> {
    if (!this.previous) {
      return;
    }
    const oldGraph = this.previousGraph();
    const doomed = new Map<string, DeployedResource>();
    const removed = new Set<string>();
    for (const [id, resource] of this.previous.resources) {
      const change = changes.get(id);
      if (change?.kind === 'replace' && !isRetained(resource.updateReplacePolicy)) {
        doomed.set(id, resource);
      } else if (!this.artifact.template.Resources[id] || !this.current.has(id)) {
        this.current.delete(id);
        removed.add(id);
        if (isRetained(resource.deletionPolicy)) {
          this.statuses.delete(id);
        } else {
          doomed.set(id, resource);
        }
      }
    }
    const ids = oldGraph.ids.filter((id) => doomed.has(id));
    await walkGraph(ids, reversed(ids, oldGraph.dependsOn), (id) => this.deleteRemoved(doomed.get(id)!, 'cleanup', removed.has(id)), false);
  }

  /**
   * UPDATE_ROLLBACK_IN_PROGRESS: resources updated in place (the failed one
   * included) get an Update back to their old properties, in the old
   * template's order; replacements, per `replacementRollback`, either keep
   * the old id untouched ('delete-new') or get that Update back too
   * ('update-back'). Then UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS deletes
   * what the update created, in reverse order. A new stack's rollback deletes
   * everything it created.
   */
  private async rollBack(changes: Map<string, Change>): Promise<Omit<DeployOutcome, 'failure'>> {
    this.stackStatus = this.previous ? 'UPDATE_ROLLBACK_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS';
    const extraDeletes = new Map<string, DeployedResource>();
    let rollbackFailed = false;
    if (this.previous) {
      const backIds = [...changes].filter(([, change]) => change.kind === 'update'
        || (change.kind === 'replace' && this.settings.replacementRollback === 'update-back' && isCustom(change.previous.type))).map(([id]) => id);
      const oldGraph = this.previousGraph();
      const ids = oldGraph.ids.filter((id) => backIds.includes(id));
      const { failed } = await walkGraph(ids, oldGraph.dependsOn, async (id) => {
        const change = changes.get(id)!;
        if (change.kind === 'update') {
          return this.updateBack(change.previous, change.newProperties, this.current.get(id)!.physicalId, extraDeletes);
        }
        if (change.kind === 'replace') {
          changes.delete(id);
          const sent = change.replacement.physicalId;
          const ok = await this.updateBack(change.previous, change.replacement.properties, sent, extraDeletes);
          const kept = this.current.get(id)!.physicalId;
          if (ok && kept !== change.previous.physicalId && !isRetained(change.previous.updateReplacePolicy)) {
            extraDeletes.set(`${id}#old`, change.previous);
          }
          return ok;
        }
        return true;
      }, true);
      rollbackFailed = failed.size > 0;
    }
    const graph = templateGraph(this.artifact.template, (name) => this.condition(this.artifact.template, name));
    const doomed = new Map<string, DeployedResource>(extraDeletes);
    const removed = new Set<string>();
    for (const [id, change] of changes) {
      if (change.kind === 'create') {
        // Retain keeps even what this very operation created; RetainExceptOnCreate exists to delete it.
        if (this.current.get(id)!.deletionPolicy !== 'Retain') {
          doomed.set(id, this.current.get(id)!);
          removed.add(id);
        } else {
          this.mark(this.current.get(id)!, 'DELETE_SKIPPED');
        }
        this.current.delete(id);
      } else if (change.kind === 'create-failed') {
        doomed.set(id, change.failed);
        removed.add(id);
      } else if (change.kind === 'replace') {
        doomed.set(id, change.replacement);
        this.current.set(id, change.previous);
      }
    }
    // Keys are logical ids, with a `#...` suffix for a second physical id of the same resource; order follows the logical id.
    const logical = (key: string) => key.split('#')[0];
    const ids = [...doomed.keys()];
    const dependsOn = (key: string) => new Set([...graph.dependsOn(logical(key))].flatMap((dep) => ids.filter((k) => logical(k) === dep)));
    const phase = this.previous ? 'rollback-cleanup' : 'rollback';
    const { failed } = await walkGraph(ids, reversed(ids, dependsOn), (key) => this.deleteRemoved(doomed.get(key)!, phase, removed.has(key)), false);
    rollbackFailed ||= failed.size > 0;
    if (!this.previous) {
      // A resource whose Create failed is not found in a rolled-back stack (LocalStack's AWS-validated test_describe_failed_resource).
      [...this.statuses.values()].filter((r) => r.resourceStatus === 'CREATE_FAILED').forEach((r) => this.statuses.delete(r.logicalResourceId));
      // ROLLBACK_COMPLETE: the stack can only be deleted; the CDK CLI deletes it before the next deploy, so the runner keeps it as a deleted stack.
      return { status: rollbackFailed ? 'ROLLBACK_FAILED' : 'ROLLBACK_COMPLETE' };
    }
    const status = rollbackFailed ? 'UPDATE_ROLLBACK_FAILED' : 'UPDATE_ROLLBACK_COMPLETE';
    return { status, stack: { ...this.previous, resources: new Map(this.current), resourceStatuses: this.settledStatuses(), status } };
  }

  /** Sends a resource back to `previous`'s properties; a custom resource answering another id leaves the sent id to be deleted. */
  private async updateBack(previous: DeployedResource, newProperties: { readonly [name: string]: unknown }, sentId: string,
    extraDeletes: Map<string, DeployedResource>): Promise<boolean> {
    this.mark({ ...previous, physicalId: sentId }, 'UPDATE_IN_PROGRESS');
    if (!isCustom(previous.type)) {
      const restored = this.updateNative({ ...previous, physicalId: sentId, properties: newProperties }, previous, 'rollback');
      this.current.set(previous.logicalId, { ...previous });
      this.mark(previous, restored.ok ? 'UPDATE_COMPLETE' : 'UPDATE_FAILED');
      return restored.ok;
    }
    const response = await this.invoke('rollback', 'Update', previous, sentId, newProperties);
    if (response.Status === 'FAILED') {
      this.mark({ ...previous, physicalId: sentId }, 'UPDATE_FAILED');
      return false;
    }
    const restored: DeployedResource = { ...previous, physicalId: response.PhysicalResourceId, attributes: response.Data ?? previous.attributes };
    if (restored.physicalId !== sentId) {
      extraDeletes.set(`${previous.logicalId}#sent`, { ...previous, physicalId: sentId, properties: newProperties });
    }
    this.current.set(previous.logicalId, restored);
    this.mark(restored, 'UPDATE_COMPLETE');
    return true;
  }

  // ---- one resource ----

  private async createResource(resource: DeployedResource, phase: ResourceEvent['phase'], replacement = false):
  Promise<{ ok: true; resource: DeployedResource } | { ok: false; reason: string; resource: DeployedResource }> {
    if (isCustom(resource.type)) {
      const response = await this.invoke(phase, 'Create', resource);
      const created = { ...resource, physicalId: response.PhysicalResourceId, attributes: response.Data ?? {} };
      return response.Status === 'SUCCESS' ? { ok: true, resource: created } : { ok: false, reason: response.Reason, resource: created };
    }
    try {
      const provisioned = nativeType(resource.type).create(this.nativeContext(), resource.logicalId, resource.properties);
      const created: DeployedResource = { ...resource, ...provisioned, lambda: this.lambdaCode(resource, provisioned.physicalId) };
      this.rememberFunction(created);
      this.record({ logicalId: resource.logicalId, resourceType: resource.type, requestType: 'Create', phase, physicalId: created.physicalId, outcome: 'SUCCESS', custom: false, ...(replacement ? { replacement } : {}) });
      return { ok: true, resource: created };
    } catch (error) {
      const reason = (error as Error).message;
      this.record({ logicalId: resource.logicalId, resourceType: resource.type, requestType: 'Create', phase, outcome: 'FAILED', reason, custom: false });
      return { ok: false, reason, resource };
    }
  }

  private updateNative(previous: DeployedResource, next: Omit<DeployedResource, 'physicalId' | 'attributes'>, phase: ResourceEvent['phase']):
  { ok: true; resource: DeployedResource } | { ok: false; reason: string } {
    try {
      nativeType(previous.type).update?.(this.nativeContext(), previous.physicalId, next.properties, previous.properties);
      const resource: DeployedResource = { ...previous, ...next, physicalId: previous.physicalId, attributes: previous.attributes };
      const updated = { ...resource, lambda: this.lambdaCode(resource, resource.physicalId) };
      this.rememberFunction(updated);
      this.record({ logicalId: previous.logicalId, resourceType: previous.type, requestType: 'Update', phase, physicalId: previous.physicalId, outcome: 'SUCCESS', custom: false });
      return { ok: true, resource: updated };
    } catch (error) {
      const reason = (error as Error).message;
      this.record({ logicalId: previous.logicalId, resourceType: previous.type, requestType: 'Update', phase, physicalId: previous.physicalId, outcome: 'FAILED', reason, custom: false });
      return { ok: false, reason };
    }
  }

  private async deleteResource(resource: DeployedResource, phase: ResourceEvent['phase']): Promise<boolean> {
    if (isCustom(resource.type)) {
      const response = await this.invoke(phase, 'Delete', resource, resource.physicalId);
      return response.Status === 'SUCCESS';
    }
    try {
      nativeType(resource.type).delete(this.nativeContext(), resource.physicalId, resource.properties);
    } catch (error) {
      // CloudFormation counts a resource that is already gone as deleted.
      if ((error as { code?: string }).code !== 'ResourceNotFoundException') {
        const reason = (error as Error).message;
        this.record({ logicalId: resource.logicalId, resourceType: resource.type, requestType: 'Delete', phase, physicalId: resource.physicalId, outcome: 'FAILED', reason, custom: false });
        return false;
      }
    }
    this.record({ logicalId: resource.logicalId, resourceType: resource.type, requestType: 'Delete', phase, physicalId: resource.physicalId, outcome: 'SUCCESS', custom: false });
    return true;
  }

  /**
   * The Delete of a resource; `removed`: the logical resource leaves the
   * stack with it (DELETE_IN_PROGRESS while it runs), rather than an old
   * physical id of a resource the stack keeps. A new stack's rollback keeps
   * what it deleted as DELETE_COMPLETE (the stack is deleted next); an
   * update forgets it, as DescribeStackResource does a resource removed by
   * an update.
   */
  private async deleteRemoved(resource: DeployedResource, phase: ResourceEvent['phase'], removed: boolean): Promise<boolean> {
    if (!removed) {
      return this.deleteResource(resource, phase);
    }
    this.mark(resource, 'DELETE_IN_PROGRESS');
    const ok = await this.deleteResource(resource, phase);
    if (this.previous) {
      this.statuses.delete(resource.logicalId);
    } else {
      this.mark(resource, ok ? 'DELETE_COMPLETE' : 'DELETE_FAILED');
    }
    return ok;
  }

  private mark(resource: { readonly logicalId: string; readonly type: string; readonly physicalId?: string }, status: ResourceStatus): void {
    this.statuses.set(resource.logicalId, {
      logicalResourceId: resource.logicalId,
      resourceType: resource.type,
      ...(resource.physicalId ? { physicalResourceId: resource.physicalId } : {}),
      resourceStatus: status,
      lastUpdatedTimestamp: new Date(),
    });
  }

  /** The statuses of the resources the stack keeps after this operation, with their final physical ids. */
  private settledStatuses(): ReadonlyMap<string, StackResourceRecord> {
    return new Map([...this.current.values()].map((resource) => {
      const known = this.statuses.get(resource.logicalId);
      return [resource.logicalId, {
        logicalResourceId: resource.logicalId,
        resourceType: resource.type,
        physicalResourceId: resource.physicalId,
        resourceStatus: known?.resourceStatus ?? 'CREATE_COMPLETE',
        lastUpdatedTimestamp: known?.lastUpdatedTimestamp ?? new Date(),
      }];
    }));
  }

  /**
   * One custom-resource event. An event for the library's handler (its
   * ServiceToken names the function the registered types go to) goes through
   * that function, as shipped, and must be of a type lambda/registry.ts lists:
   * a new type left out of it is an error here, never a scenario that passes
   * without its handler running. Other custom types are recorded as
   * succeeding, with no behaviour.
   */
  private async invoke(phase: ResourceEvent['phase'], requestType: 'Create' | 'Update' | 'Delete', resource: DeployedResource,
    physicalId?: string, oldProperties?: { readonly [name: string]: unknown }): Promise<CfnResponse> {
    const serviceToken = String(resource.properties.ServiceToken);
    const target = { stackId: this.stackId, region: this.region, logicalId: resource.logicalId, resourceType: resource.type, serviceToken };
    const event = customResourceEvent(target, requestType, resource.properties, physicalId, oldProperties);
    const ours = HANDLER_TYPES.has(resource.type) || this.namesLibraryHandler(serviceToken);
    if (ours && !HANDLER_TYPES.has(resource.type)) {
      throw new Error(`${this.artifact.stackName}/${resource.logicalId}: ${resource.type} is sent to this library's handler, `
        + `but lambda/registry.ts does not list it (it lists ${[...HANDLER_TYPES].join(', ')}): register the type`);
    }
    let response: CfnResponse;
    if (ours) {
      const lambda = this.lambdaFor(serviceToken);
      response = await (this.settings.lambdaConcurrency ? this.settings.lambdaConcurrency.run(() => lambda.invoke(event)) : lambda.invoke(event));
    } else {
      const data = crossRegionReference(this.settings.crossRegionValues, resource.type, requestType, resource.properties);
      response = {
        Status: 'SUCCESS',
        Reason: 'SUCCESS',
        PhysicalResourceId: physicalId ?? `${resource.logicalId}-${randomUUID()}`,
        StackId: this.stackId,
        RequestId: event.RequestId,
        LogicalResourceId: resource.logicalId,
        ...(data ? { Data: data } : {}),
      };
    }
    if (response.Status === 'SUCCESS' && response.Data && Buffer.byteLength(JSON.stringify(response.Data)) > MAX_RESPONSE_DATA_BYTES) {
      response = { ...response, Status: 'FAILED', Reason: 'Response object is too long.' };
    }
    this.record({
      logicalId: resource.logicalId,
      resourceType: resource.type,
      requestType,
      phase,
      physicalId: response.PhysicalResourceId,
      outcome: response.Status,
      ...(response.Status === 'FAILED' ? { reason: response.Reason } : {}),
      ...(requestType === 'Update' && response.Status === 'SUCCESS' && response.PhysicalResourceId !== physicalId ? { replacement: true } : {}),
      custom: ours,
    });
    return response;
  }

  /** Whether a ServiceToken names the library's handler: a function of this stack that the template sends a registered type to. */
  private namesLibraryHandler(serviceToken: string): boolean {
    const handlers = Object.values(this.artifact.template.Resources)
      .filter((declared) => HANDLER_TYPES.has(declared.Type))
      .map((declared) => (declared.Properties?.ServiceToken as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt']?.[0]);
    const fn = this.functionNamed(serviceToken);
    return fn !== undefined && handlers.includes(fn.logicalId);
  }

  /** The newest function of this stack a ServiceToken names: an update of the function replaces the entry before it. */
  private functionNamed(serviceToken: string): DeployedResource | undefined {
    return [...this.functions].reverse().find((r) => r.physicalId === serviceToken
      || recordedAttribute(this.nativeContext(), r.type, r.physicalId, 'Arn') === serviceToken);
  }

  /** The function a ServiceToken names, with its code and configuration as this operation declares them. */
  private lambdaFor(serviceToken: string): SimulatedLambda {
    const fn = this.functionNamed(serviceToken);
    if (!fn?.lambda) {
      throw new Error(`ServiceToken ${serviceToken} names no Lambda function of ${this.artifact.stackName} with code in the assembly`);
    }
    const variables = (fn.properties.Environment as { Variables?: { [name: string]: string } } | undefined)?.Variables ?? {};
    const memorySize = Number(fn.properties.MemorySize ?? 128);
    const config = { ...fn.lambda, memorySize, region: this.region, variables };
    // A change of the function's code or configuration makes Lambda start new environments.
    const key = JSON.stringify(config);
    let lambda = this.settings.lambdas.get(key);
    if (!lambda) {
      lambda = new SimulatedLambda(config, this.settings.standIn.endpoint);
      this.settings.lambdas.set(key, lambda);
    }
    return lambda;
  }

  private rememberFunction(resource: DeployedResource): void {
    if (resource.lambda !== undefined) {
      this.functions.push(resource);
    }
  }

  /** A function's code: the zip asset its Code.S3Key names, unpacked in the assembly as `asset.<hash>/`. */
  private lambdaCode(resource: DeployedResource, physicalId: string): LambdaCode | undefined {
    if (resource.type !== 'AWS::Lambda::Function') {
      return undefined;
    }
    const props = resource.properties as { Code?: { S3Key?: string }; Handler?: string; Timeout?: number };
    const asset = this.artifact.assets.find((a) => a.packaging === 'zip' && a.destinations.some((d) => this.placeholders(d.objectKey) === props.Code?.S3Key));
    if (!asset?.sourcePath || !fs.existsSync(path.join(asset.sourcePath, '__entrypoint__.js'))) {
      return undefined;
    }
    return { codeDir: asset.sourcePath, handler: props.Handler ?? 'index.handler', timeoutSeconds: Number(props.Timeout ?? 3), functionName: physicalId };
  }

  // ---- resolution ----

  private useTemplate(template: Template, given: { readonly [name: string]: string } = {}): void {
    this.conditions = new Map();
    this.parameters = {};
    for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
      const value = given[name] ?? (parameter.Default === undefined ? undefined : String(parameter.Default));
      if (value === undefined) {
        throw new Error(`${this.artifact.stackName}: parameter ${name} has no value and no default`);
      }
      this.parameters[name] = parameter.Type.startsWith('AWS::SSM::Parameter::Value') ? this.ssmValue(value) : value;
    }
  }

  private ssmValue(name: string): string {
    const stored = this.settings.standIn.parameters.parameters.get(name)?.value ?? BOOTSTRAP_SSM_VALUES[name];
    if (stored === undefined) {
      throw new Error(`${this.artifact.stackName}: SSM parameter ${name} does not exist`);
    }
    return stored;
  }

  private condition(template: Template, name: string): boolean {
    let value = this.conditions.get(name);
    if (value === undefined) {
      const definition = template.Conditions?.[name];
      if (definition === undefined) {
        throw new Error(`${this.artifact.stackName}: condition ${name} is not defined`);
      }
      value = resolve(definition, this.resolveContext(template)) === true;
      this.conditions.set(name, value);
    }
    return value;
  }

  private resolveProperties(template: Template, id: string): { readonly [name: string]: unknown } {
    try {
      return resolve(template.Resources[id].Properties ?? {}, this.resolveContext(template)) as { [name: string]: unknown };
    } catch (error) {
      throw new ResourceFailure((error as Error).message);
    }
  }

  private resolveContext(template: Template): ResolveContext {
    const pseudo: { readonly [name: string]: string } = {
      'AWS::AccountId': this.account,
      'AWS::Region': this.region,
      'AWS::Partition': 'aws',
      'AWS::URLSuffix': 'amazonaws.com',
      'AWS::StackName': this.artifact.stackName,
      'AWS::StackId': this.stackId,
    };
    return {
      region: this.region,
      mappings: template.Mappings,
      ref: (name) => {
        const value = pseudo[name] ?? this.parameters[name] ?? this.current.get(name)?.physicalId;
        if (value === undefined) {
          throw new Error(`Ref ${name}: no such parameter or resource (or it is not created yet)`);
        }
        return value;
      },
      getAtt: (logicalId, attribute) => this.attribute(logicalId, attribute),
      condition: (name) => this.condition(template, name),
      importValue: (name) => this.settings.importValue(name),
      stackOutput: (stackName, outputName, region) => this.settings.stackOutput(stackName, outputName, region),
    };
  }

  private attribute(logicalId: string, attribute: string): unknown {
    const resource = this.current.get(logicalId);
    if (!resource) {
      throw new Error(`Fn::GetAtt ${logicalId}.${attribute}: no such resource (or it is not created yet)`);
    }
    if (attribute in resource.attributes) {
      return resource.attributes[attribute];
    }
    if (isCustom(resource.type)) {
      throw new Error(`CustomResource attribute error: Vendor response doesn't contain ${attribute} key in object ${this.stackId}|${logicalId}`);
    }
    return recordedAttribute(this.nativeContext(), resource.type, resource.physicalId, attribute);
  }

  private stackState(template: Template, status: StackStatus): DeployedStack {
    const context = this.resolveContext(template);
    const outputs: { [name: string]: string } = {};
    const exports: { [name: string]: string } = {};
    for (const [name, output] of Object.entries(template.Outputs ?? {})) {
      if (output.Condition !== undefined && !this.condition(template, output.Condition)) {
        continue;
      }
      const value = String(resolve(output.Value, context));
      outputs[name] = value;
      if (output.Export) {
        exports[String(resolve(output.Export.Name, context))] = value;
      }
    }
    return {
      artifact: this.artifact,
      stackName: this.artifact.stackName,
      stackId: this.stackId,
      account: this.account,
      region: this.region,
      template,
      resources: this.current,
      resourceStatuses: this.settledStatuses(),
      parameters: this.parameters,
      outputs,
      exports,
      status,
    };
  }

  private previousGraph(): TemplateGraph {
    const template = this.previous!.template;
    return templateGraph(template, (name) => resolve(template.Conditions?.[name], this.resolveContext(template)) === true);
  }

  /** CDK file assets are published before the deployment: each lands in the stand-in's S3 (kept afterwards, as CDK leaves them). */
  private stageFileAssets(): void {
    for (const asset of this.artifact.assets.filter((a) => a.packaging === 'file')) {
      if (asset.sourcePath === undefined) {
        throw new Error(`${this.artifact.stackName}: file asset ${asset.hash} (${asset.source}) is not staged in the assembly`);
      }
      const bytes = fs.readFileSync(asset.sourcePath);
      for (const destination of asset.destinations) {
        this.settings.standIn.putObject(this.placeholders(destination.bucketName), this.placeholders(destination.objectKey), bytes);
      }
    }
  }

  private placeholders(text: string): string {
    return text.replace(/\$\{AWS::AccountId\}/g, this.account).replace(/\$\{AWS::Region\}/g, this.region).replace(/\$\{AWS::Partition\}/g, 'aws');
  }

  private nativeContext(): NativeContext {
    return { standIn: this.settings.standIn, stackName: this.artifact.stackName, region: this.region, account: this.account };
  }

  private record(event: Omit<ResourceEvent, 'stackName'>): void {
    this.settings.events.push({ stackName: this.artifact.stackName, ...event });
  }
}

function isCustom(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

function isRetained(policy: string | undefined): boolean {
  return policy === 'Retain' || policy === 'RetainExceptOnCreate';
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}
