import type { AssetType } from '@aws-sdk/client-cognito-identity-provider';
import { StyleContent } from './content';
import { MAX_BRANDING_REQUEST_BYTES } from '../../src/branding/private/branding-contract';

/**
 * Splitting a style over requests that each stay within Cognito's 2 MB
 * request limit, measured as the SDK sends them.
 *
 * The body of Create/UpdateManagedLoginBranding is JSON (awsJson1_1): the
 * members as given, Settings as the JSON document, every asset's Bytes as
 * base64 (4 characters per 3 bytes, which never need escaping). So the body
 * size is computed, not estimated: JSON of the request with empty Bytes,
 * plus each blob's base64 length. test/lambda/wire-format.test.ts checks the
 * count against the body the real SDK serializer produces.
 */

/** The members that address the style: UserPoolId with ClientId (create) or ManagedLoginBrandingId (update). */
export type Envelope = Readonly<Record<string, string>>;

/** The look a request carries: Settings (first request only) and some assets. */
export interface ContentPart {
  readonly Settings?: Record<string, unknown>;
  readonly Assets?: AssetType[];
}

/** Bytes of the body of a request made of `envelope` and `part`, as sent. */
export function requestBytes(envelope: Envelope, part: ContentPart): number {
  const withoutBlobs = {
    ...envelope,
    ...(part.Settings === undefined ? {} : { Settings: part.Settings }),
    ...(part.Assets === undefined ? {} : { Assets: part.Assets.map((asset) => ({ ...asset, Bytes: '' })) }),
  };
  const blobs = (part.Assets ?? []).reduce((sum, asset) => sum + base64Length(asset.Bytes?.byteLength ?? 0), 0);
  return Buffer.byteLength(JSON.stringify(withoutBlobs), 'utf8') + blobs;
}

function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * The parts to send, in order: the first with the Settings and as many
 * assets as fit, then the remaining assets, as many per request as fit. The
 * first goes with `first` (a create, or the first update), the others with
 * `rest` (updates of the style, which Cognito applies as a patch: a new slot
 * is added). Assets keep their declared order.
 *
 * Throws before any request when a part cannot fit at all (a Settings
 * document over the limit on its own): no split could carry it.
 */
export function planParts(first: Envelope, rest: Envelope, content: StyleContent, limit = MAX_BRANDING_REQUEST_BYTES): ContentPart[] {
  const assets = content.Assets ?? [];
  const parts: ContentPart[] = [];
  let next = 0;
  let current: { Settings?: Record<string, unknown>; Assets: AssetType[] } = { Settings: content.Settings, Assets: [] };
  let envelope = first;
  const sizeOf = (part: typeof current) => requestBytes(envelope, compact(part));
  if (sizeOf(current) > limit) {
    throw new Error(`The Settings document makes a ${sizeOf(current)}-byte request on its own, over Cognito's limit of ${limit} bytes per request`);
  }
  while (next < assets.length) {
    const candidate = { ...current, Assets: [...current.Assets, assets[next]] };
    if (sizeOf(candidate) <= limit) {
      current = candidate;
      next++;
      continue;
    }
    if (current.Assets.length === 0 && current.Settings === undefined) {
      const asset = assets[next];
      throw new Error(`Asset ${asset.Category}/${asset.ColorMode} makes a ${sizeOf(candidate)}-byte request on its own, over Cognito's limit of ${limit} bytes per request`);
    }
    parts.push(compact(current));
    current = { Assets: [] };
    envelope = rest;
  }
  parts.push(compact(current));
  return parts;
}

function compact(part: { Settings?: Record<string, unknown>; Assets: AssetType[] }): ContentPart {
  return {
    ...(part.Settings === undefined ? {} : { Settings: part.Settings }),
    ...(part.Assets.length === 0 ? {} : { Assets: part.Assets }),
  };
}
