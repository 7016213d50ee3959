import { AFTER_STYLES } from './scenario-apps';
import { configurationOf } from '../../../lambda/registration/handler';
import { RESOURCE_TYPES } from '../../../lambda/registry';
import { decodeClaim } from '../../../lambda/shared/claim-record';
import { declaredOf } from '../../../lambda/shared/declared-state';
import { MANAGED_LOGIN_BRANDING_TYPE } from '../../../src/branding/private/branding-contract';
import { CLASSIC_CUSTOMIZATION_TYPE } from '../../../src/classic/private/classic-contract';
import { ALL_CLIENTS, CLAIM_PARAMETER_ROOT, ClaimKind, claimParameterName } from '../../../src/private/custom-resource-contract';
import { CLIENT_METADATA_POLICY, CLIENT_METADATA_POLICY_TYPE } from '../../../src/registration/private/cimd-contract';
import { CLIENT_REGISTRATION, CLIENT_REGISTRATION_TYPE } from '../../../src/registration/private/registration-contract';
import { CallRecord, CloudFormationRunner, DeployedStack, readAssembly, ResourceEvent, sha256, slotKey, StackResult, StandIn } from '../../../standin';
import { stagedBytes } from '../lifecycle-fixture';

/**
 * What every scenario checks after each step: the stand-in holds exactly
 * what the deployed templates declare, and nothing of ours beyond it.
 */

interface S3Ref { readonly Hash: string }
interface AssetRef extends S3Ref { readonly Category: string; readonly ColorMode: string; readonly Extension: string; readonly ResourceId?: string }

export interface DeclarationOptions {
  /**
   * Stacks that hold another assembly's template (a multi-stack deployment
   * stopped half-way): stack name to that assembly's dir.
   */
  readonly stacks?: { readonly [stackName: string]: string };
  /** Clients (by id) whose style is not ours and is left out of the check (a console style on an undeclared client). */
  readonly foreignStyles?: readonly string[];
}

/** The types whose declared state expectStateMatchesDeclaration compares with the stand-in's. */
export const CHECKED_TYPES: ReadonlySet<string> = new Set([
  MANAGED_LOGIN_BRANDING_TYPE, CLASSIC_CUSTOMIZATION_TYPE, CLIENT_REGISTRATION_TYPE, CLIENT_METADATA_POLICY_TYPE,
]);

/** The library's types (lambda/registry.ts) that the check would pass over: a new type must get its comparison. */
export function uncheckedTypes(): string[] {
  return RESOURCE_TYPES.map((entry) => entry.type.resourceType).filter((type) => !CHECKED_TYPES.has(type));
}

/**
 * For every Custom::CognitoManagedLoginBranding,
 * Custom::CognitoClassicLoginCustomization and Custom::CognitoClientRegistration
 * (the pool's DcrConfiguration as the handler writes it) of every deployed stack of the
 * assembly, the stand-in holds exactly what the template declares:
 * - the runner holds the assembly's template for the stack (it is the
 *   declaration in force, after a rollback too);
 * - a style on the declared client with Settings deep-equal to the staged
 *   JSON, the same asset slots, each byte for byte (sha256) the staged file,
 *   UseCognitoProvidedValues as declared, and the ManagedLoginBrandingId
 *   attribute naming the live style;
 * - a classic customization with the staged CSS text and the staged logo;
 * - nothing of ours beyond that on the pools involved: no style on a client
 *   that no template styles, no classic customization on another target, and
 *   exactly one claim parameter per declared target, owned by its resource
 *   and holding its declaration.
 */
export function expectStateMatchesDeclaration(
  runner: CloudFormationRunner, standIn: StandIn, assemblyDir: string, options: DeclarationOptions = {},
): void {
  expect(uncheckedTypes()).toEqual([]);
  const snapshot = standIn.snapshot();
  const pools = new Set<string>();
  const styles = new Map<string, Set<string>>();
  const classic = new Map<string, Set<string>>();
  const claims: { [name: string]: object } = {};
  /** Pools whose registration a deployed resource declares. */
  const registered = new Set<string>();
  /** CIMD policy ids the deployed resources declare, by pool. */
  const policies = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, pool: string, client: string) => {
    pools.add(pool);
    map.set(pool, (map.get(pool) ?? new Set()).add(client));
  };
  for (const artifact of readAssembly(assemblyDir)) {
    const stack = deployedStack(runner, artifact.stackName);
    if (!stack) {
      continue;
    }
    const dir = options.stacks?.[artifact.stackName] ?? assemblyDir;
    const declared = dir === assemblyDir ? artifact.template : readAssembly(dir).find((a) => a.stackName === artifact.stackName)!.template;
    expect({ stack: artifact.stackName, template: stack.template }).toEqual({ stack: artifact.stackName, template: declared });
    for (const [logicalId, resource] of stack.resources) {
      if (resource.type === 'AWS::Cognito::UserPool') {
        pools.add(resource.physicalId);
      }
      const where = `${artifact.stackName}/${logicalId}`;
      const props = resource.properties as { UserPoolId: string; ClientId: string; [name: string]: unknown };
      if (resource.type === MANAGED_LOGIN_BRANDING_TYPE) {
        add(styles, props.UserPoolId, props.ClientId);
        claims[claimName(props.UserPoolId, 'branding', props.ClientId)] = ownedBy(`${stack.stackId}|${logicalId}`, props);
        const style = snapshot.pools[props.UserPoolId]?.styles[props.ClientId];
        const defaults = props.UseCognitoProvidedValues === 'true';
        const assets = (props.Assets ?? []) as AssetRef[];
        expect({ where, style: style && { ...style, id: undefined } }).toEqual({
          where,
          style: {
            id: undefined,
            useCognitoProvidedValues: defaults,
            ...(defaults ? {} : { settings: JSON.parse(stagedBytes(dir, props.Settings as S3Ref).toString('utf8')) }),
            assets: Object.fromEntries(assets.map((asset) => {
              const bytes = stagedBytes(dir, asset);
              return [slotKey(asset), { extension: asset.Extension, sha256: sha256(bytes), bytes: bytes.length }];
            })),
          },
        });
        expect({ where, brandingId: resource.attributes.ManagedLoginBrandingId }).toEqual({ where, brandingId: style.id });
      } else if (resource.type === CLASSIC_CUSTOMIZATION_TYPE) {
        add(classic, props.UserPoolId, props.ClientId);
        claims[claimName(props.UserPoolId, 'classic', props.ClientId)] = ownedBy(`${stack.stackId}|${logicalId}`, props);
        const live = snapshot.pools[props.UserPoolId]?.classic[props.ClientId];
        const css = props.Css === undefined ? undefined : stagedBytes(dir, props.Css as S3Ref).toString('utf8');
        const logo = props.Logo === undefined ? undefined : sha256(stagedBytes(dir, props.Logo as S3Ref));
        expect({ where, css: live?.css, logo: live?.imageSha256 }).toEqual({ where, css, logo });
      } else if (resource.type === CLIENT_REGISTRATION_TYPE) {
        registered.add(props.UserPoolId);
        claims[claimName(props.UserPoolId, 'registration', ALL_CLIENTS)] = ownedBy(`${stack.stackId}|${logicalId}`, props);
        const live = snapshot.pools[props.UserPoolId]?.registration;
        expect({ where, registration: live }).toEqual({ where, registration: configurationOf(CLIENT_REGISTRATION.parse(props)) });
      } else if (resource.type === CLIENT_METADATA_POLICY_TYPE) {
        const declaredPolicy = CLIENT_METADATA_POLICY.parse(props);
        const policyId = resource.physicalId.split(':')[1];
        (policies.get(props.UserPoolId) ?? policies.set(props.UserPoolId, new Set()).get(props.UserPoolId)!).add(policyId);
        expect({ where, policy: snapshot.pools[props.UserPoolId]?.cimdPolicies?.[policyId] }).toEqual({
          where,
          policy: {
            clientId: declaredPolicy.clientId,
            policyName: declaredPolicy.policyName,
            urlPatterns: declaredPolicy.urlPatterns,
            ...(declaredPolicy.cacheSeconds === undefined ? {} : { cacheDuration: declaredPolicy.cacheSeconds }),
          },
        });
      }
    }
  }
  for (const pool of pools) {
    const live = snapshot.pools[pool];
    if (!live) {
      continue;
    }
    const foreign = new Set(options.foreignStyles ?? []);
    const styled = Object.keys(live.styles).filter((c) => !foreign.has(c)).sort();
    expect({ pool, styled }).toEqual({ pool, styled: [...styles.get(pool) ?? []].sort() });
    expect({ pool, classic: Object.keys(live.classic).sort() }).toEqual({ pool, classic: [...classic.get(pool) ?? []].sort() });
    expect({ pool, cimdPolicies: Object.keys(live.cimdPolicies ?? {}).sort() }).toEqual({ pool, cimdPolicies: [...policies.get(pool) ?? []].sort() });
    if (!registered.has(pool)) {
      // No resource declares registration on it: never set, or turned off by a Delete.
      expect({ pool, registration: live.registration?.EnableStatus ?? 'Disabled' }).toEqual({ pool, registration: 'Disabled' });
    }
  }
  const ours = Object.fromEntries(Object.entries(snapshot.parameters)
    .filter(([name]) => name.startsWith(`${CLAIM_PARAMETER_ROOT}/`) && pools.has(name.split('/')[2]))
    .map(([name, p]) => [name, ownership(p.value)]));
  expect(ours).toEqual(claims);
}

/** What a claim must say of its owner: who it is and what it declares (its properties without the ServiceToken). */
function ownedBy(owner: string, properties: Record<string, unknown>): object {
  return { owner, declared: declaredOf(properties) };
}

/** The owner and declaration a claim parameter holds (its previous owners are history, not state). */
function ownership(value: string): object | undefined {
  const claim = decodeClaim(value);
  return claim && { owner: claim.owner, declared: claim.declared };
}

/** Nothing of ours left on these pools: no style, no classic customization, no claim parameter. */
export function expectNothingOfOurs(standIn: StandIn, pools: readonly string[]): void {
  const snapshot = standIn.snapshot();
  for (const pool of pools) {
    const live = snapshot.pools[pool];
    const left = {
      styles: live ? Object.keys(live.styles) : [],
      classic: live ? Object.keys(live.classic) : [],
      registration: live?.registration?.EnableStatus ?? 'Disabled',
      cimdPolicies: Object.keys(live?.cimdPolicies ?? {}),
    };
    expect({ pool, ...left }).toEqual({ pool, styles: [], classic: [], registration: 'Disabled', cimdPolicies: [] });
  }
  expect(Object.keys(snapshot.parameters).filter((name) => name.startsWith(`${CLAIM_PARAMETER_ROOT}/`) && pools.includes(name.split('/')[2]))).toEqual([]);
}

function claimName(userPoolId: string, kind: ClaimKind, clientId: string): string {
  return claimParameterName(userPoolId, kind, clientId);
}

function deployedStack(runner: CloudFormationRunner, stackName: string): DeployedStack | undefined {
  try {
    return runner.stack(stackName);
  } catch {
    return undefined;
  }
}

/** The physical ids of every user pool the assembly's deployed stacks made. */
export function poolIds(runner: CloudFormationRunner, assemblyDir: string): string[] {
  return readAssembly(assemblyDir).flatMap((artifact) => {
    const stack = deployedStack(runner, artifact.stackName);
    return stack ? [...stack.resources.values()].filter((r) => r.type === 'AWS::Cognito::UserPool').map((r) => r.physicalId) : [];
  });
}

/**
 * Deploys every stack of the assembly in order, the one named failing at
 * AfterStyles (after its styles were applied); stops at the first stack that
 * does not complete, as the CDK CLI does.
 */
export async function deploy(runner: CloudFormationRunner, assemblyDir: string, failIn?: string): Promise<StackResult[]> {
  const results: StackResult[] = [];
  for (const artifact of readAssembly(assemblyDir)) {
    const result = await runner.deploy(assemblyDir, artifact.stackName, artifact.stackName === failIn ? { failResource: AFTER_STYLES } : {});
    results.push(result);
    if (result.status.includes('ROLLBACK') || result.status.includes('FAILED')) {
      break;
    }
  }
  return results;
}

/** `phase RequestType LogicalId OUTCOME` of the library's custom resources, in order. */
export function styleEvents(events: readonly ResourceEvent[]): string[] {
  return events.filter((e) => e.custom).map((e) => `${e.phase} ${e.requestType} ${e.logicalId} ${e.outcome}`);
}

/** The Cognito calls since `from` (an index into standIn.calls), as `Operation outcome` lines. */
export function cognitoCalls(standIn: StandIn, from: number, filter: (c: CallRecord) => boolean = () => true): string[] {
  return standIn.calls.slice(from).filter((c) => c.service === 'cognito-idp' && filter(c)).map((c) => `${c.operation} ${c.outcome}`);
}

export function statuses(results: readonly StackResult[]): string[] {
  return results.map((r) => `${r.stackName} ${r.status}`);
}
