import type { ServiceModel } from '../../standin/services/botocore-models';

/**
 * A value of one shape of a botocore model with every member set, nested
 * structures, lists and maps included: what an answer or a request with
 * everything the model has looks like. A schema the SDK build left out
 * would show as a member missing from the parsed answer, or a member
 * missing from the request. `side` is how the SDK takes the value: an input
 * carries Dates and bytes, an output is JSON as a service writes it.
 */
export function sampleOf(model: ServiceModel, shapeName: string, side: 'input' | 'output', path: readonly string[] = []): unknown {
  const shape = model.shapes[shapeName];
  const next = [...path, shapeName];
  switch (shape.type) {
    case 'structure':
      if (shape.document) return { a: [1, 'b'], c: { d: true } };
      return Object.fromEntries(Object.entries(shape.members ?? {})
        .filter(([, member]) => !path.includes(member.shape))
        .map(([name, member]) => [name, sampleOf(model, member.shape, side, next)]));
    case 'list':
      return [sampleOf(model, shape.member!.shape, side, next)];
    case 'map':
      return { key: sampleOf(model, shape.value!.shape, side, next) };
    case 'string':
      return shape.enum?.[0] ?? `${shapeName}-value`;
    case 'boolean':
      return true;
    case 'integer':
    case 'long':
      return 3;
    case 'float':
    case 'double':
      return 1.5;
    case 'timestamp':
      return side === 'input' ? new Date(1767225600500) : 1767225600.5;
    case 'blob':
      return side === 'input' ? Uint8Array.from([137, 80, 78, 71]) : 'iVBORw0KGgo=';
  }
  throw new Error(`${shapeName}: no sample for type ${String(shape.type)}`);
}
