import { createHash } from 'crypto';
import { CognitoState } from './cognito-state';
import { ParameterStore } from './parameter-store';

/**
 * A plain-data picture of the stand-in's state, for assertions and the demo:
 * bytes appear as sha256 and size, never as content.
 */
export interface StandInSnapshot {
  readonly pools: { readonly [userPoolId: string]: PoolSnapshot };
  /** Every SSM parameter by name. */
  readonly parameters: { readonly [name: string]: ParameterSnapshot };
}

export interface PoolSnapshot {
  readonly name: string;
  /** Client names by client id. */
  readonly clients: { readonly [clientId: string]: string };
  readonly domains: readonly { readonly domain: string; readonly managedLoginVersion: number; readonly customDomain: boolean }[];
  /** The managed login style of each client that has one, by client id. */
  readonly styles: { readonly [clientId: string]: StyleSnapshot };
  /** Classic customizations by client id or 'ALL'. */
  readonly classic: { readonly [clientId: string]: ClassicSnapshot };
  /** The SSM parameters whose name holds this pool's id. */
  readonly parameters: { readonly [name: string]: ParameterSnapshot };
  /** The pool's DcrConfiguration (dynamic client registration), when it has one. */
  readonly registration?: Record<string, unknown>;
  /** Client ID metadata document policies by id, when the pool has any. */
  readonly cimdPolicies?: { readonly [policyId: string]: CimdPolicySnapshot };
}

export interface CimdPolicySnapshot {
  readonly clientId: string;
  readonly policyName: string;
  readonly urlPatterns: readonly string[];
  readonly cacheDuration?: number;
}

export interface StyleSnapshot {
  readonly id: string;
  readonly useCognitoProvidedValues: boolean;
  readonly settings?: Record<string, unknown>;
  /** By slot: `Category/ColorMode[/ResourceId]`. */
  readonly assets: { readonly [slot: string]: AssetSnapshot };
}

export interface AssetSnapshot {
  readonly extension: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ClassicSnapshot {
  readonly css?: string;
  readonly imageSha256?: string;
  readonly imageBytes?: number;
  readonly cssVersion: string;
  readonly creationDate: string;
  readonly lastModifiedDate: string;
}

export interface ParameterSnapshot {
  readonly type: string;
  readonly value: string;
  readonly version: number;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function takeSnapshot(cognito: CognitoState, parameters: ParameterStore): StandInSnapshot {
  const allParameters = Object.fromEntries([...parameters.parameters.values()]
    .map((p) => [p.name, { type: p.type, value: p.value, version: p.version }]));
  const pools = Object.fromEntries([...cognito.pools.values()].map((pool): [string, PoolSnapshot] => [pool.id, {
    name: pool.name,
    clients: Object.fromEntries([...pool.clients.values()].map((c) => [c.clientId, c.name])),
    domains: pool.domains.map((d) => ({ ...d })),
    styles: Object.fromEntries([...pool.styles.values()].map((style): [string, StyleSnapshot] => [style.clientId, {
      id: style.id,
      useCognitoProvidedValues: style.useCognitoProvidedValues,
      ...(style.settings === undefined ? {} : { settings: structuredClone(style.settings) }),
      assets: Object.fromEntries([...style.assets].map(([slot, asset]) => [slot, {
        extension: asset.Extension, sha256: sha256(asset.bytes), bytes: asset.bytes.length,
      }])),
    }])),
    classic: Object.fromEntries([...pool.classic].map(([clientId, c]): [string, ClassicSnapshot] => [clientId, {
      ...(c.css === undefined ? {} : { css: c.css }),
      ...(c.image === undefined ? {} : { imageSha256: sha256(c.image), imageBytes: c.image.length }),
      cssVersion: c.cssVersion,
      creationDate: c.creationDate.toISOString(),
      lastModifiedDate: c.lastModifiedDate.toISOString(),
    }])),
    parameters: Object.fromEntries(Object.entries(allParameters).filter(([name]) => name.includes(pool.id))),
    ...(pool.settings.DcrConfiguration === undefined
      ? {} : { registration: structuredClone(pool.settings.DcrConfiguration as Record<string, unknown>) }),
    ...(pool.cimdPolicies.size === 0 ? {} : {
      cimdPolicies: Object.fromEntries([...pool.cimdPolicies.values()].map((p): [string, CimdPolicySnapshot] => [p.id, {
        clientId: p.clientId,
        policyName: p.policyName,
        urlPatterns: [...p.urlPatterns],
        ...(p.cacheDuration === undefined ? {} : { cacheDuration: p.cacheDuration }),
      }])),
    }),
  }]));
  return { pools, parameters: allParameters };
}
