/** What an SDK module the Lambda bundles left out does if it is ever reached (./unreached.ts). */
export function unreached(name: string, why: string): never {
  throw new Error(`${name} is not in this Lambda bundle: scripts/bundle/${why} says why`);
}
