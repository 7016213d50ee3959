import { Template } from './cloud-assembly';
import { references } from './intrinsics';

/** The resources a template creates (those whose Condition holds) and what each depends on. */
export interface TemplateGraph {
  readonly ids: readonly string[];
  dependsOn(id: string): ReadonlySet<string>;
}

/** DependsOn plus every Ref / Fn::GetAtt / Fn::Sub reference to another resource, as CloudFormation derives them. */
export function templateGraph(template: Template, condition: (name: string) => boolean): TemplateGraph {
  const ids = Object.entries(template.Resources)
    .filter(([, resource]) => resource.Condition === undefined || condition(resource.Condition))
    .map(([id]) => id);
  const members = new Set(ids);
  const edges = new Map<string, Set<string>>();
  for (const id of ids) {
    const resource = template.Resources[id];
    const explicit = resource.DependsOn === undefined ? [] : typeof resource.DependsOn === 'string' ? [resource.DependsOn] : resource.DependsOn;
    const deps = new Set([...explicit, ...references(resource.Properties ?? {})].filter((dep) => members.has(dep) && dep !== id));
    edges.set(id, deps);
  }
  return { ids, dependsOn: (id) => edges.get(id) ?? new Set() };
}
