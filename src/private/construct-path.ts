import { IConstruct } from 'constructs';

/** The path users wrote: the L2's for its default child (`Stack/Pool`, not `Stack/Pool/Resource`). */
export function userPathOf(resource: IConstruct): string {
  const owner = resource.node.scope;
  return owner !== undefined && owner.node.defaultChild === resource ? owner.node.path : resource.node.path;
}
