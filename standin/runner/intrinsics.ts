/**
 * CloudFormation's intrinsic functions, as far as CDK templates use them:
 * Ref (resources, parameters, pseudo parameters), Fn::GetAtt, Fn::Join,
 * Fn::Sub (both forms), Fn::Select, Fn::Split, Fn::If with the condition
 * functions, Fn::ImportValue, Fn::GetStackOutput, Fn::FindInMap, Fn::Base64,
 * Fn::GetAZs.
 */

/** What resolution reads from the stack being deployed. */
export interface ResolveContext {
  readonly mappings?: { readonly [name: string]: { readonly [key: string]: { readonly [key: string]: unknown } } };
  readonly region: string;
  /** A resource's or parameter's Ref value, or a pseudo parameter's. */
  ref(name: string): string;
  getAtt(logicalId: string, attribute: string): unknown;
  condition(name: string): boolean;
  importValue(exportName: string): string;
  /** Fn::GetStackOutput: an output of a deployed stack of this account, in `region`. */
  stackOutput(stackName: string, outputName: string, region: string): string;
}

/** Ref AWS::NoValue: the property is removed. */
const NO_VALUE = Symbol('AWS::NoValue');

export function resolve(value: unknown, ctx: ResolveContext): unknown {
  const resolved = resolveValue(value, ctx);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolveValue(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolveValue(item, ctx)).filter((item) => item !== NO_VALUE);
  }
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [fn, arg] = entries[0];
    if (fn === 'Ref' || fn.startsWith('Fn::') || fn === 'Condition') {
      return intrinsic(fn, arg, ctx);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const resolved = resolveValue(item, ctx);
    if (resolved !== NO_VALUE) {
      out[key] = resolved;
    }
  }
  return out;
}

function intrinsic(fn: string, arg: any, ctx: ResolveContext): unknown {
  const r = (v: unknown) => resolveValue(v, ctx);
  switch (fn) {
    case 'Ref':
      return arg === 'AWS::NoValue' ? NO_VALUE : ctx.ref(arg);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = typeof arg === 'string' ? splitOnce(arg, '.') : (r(arg) as [string, string]);
      return ctx.getAtt(logicalId, attribute);
    }
    case 'Fn::Join': {
      const [separator, items] = arg as [string, unknown];
      return (r(items) as unknown[]).map(String).join(separator);
    }
    case 'Fn::Sub':
      return sub(arg, ctx);
    case 'Fn::Select': {
      const [index, list] = arg as [unknown, unknown];
      const items = r(list) as unknown[];
      const i = Number(r(index));
      if (!(i >= 0 && i < items.length)) {
        throw new Error(`Fn::Select index ${i} is out of bounds of a list of ${items.length}`);
      }
      return items[i];
    }
    case 'Fn::Split': {
      const [separator, text] = arg as [string, unknown];
      return String(r(text)).split(separator);
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = arg as [string, unknown, unknown];
      return ctx.condition(condition) ? r(whenTrue) : r(whenFalse);
    }
    case 'Fn::Equals': {
      const [a, b] = (arg as unknown[]).map(r);
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'Fn::And':
      return (arg as unknown[]).every((c) => r(c) === true);
    case 'Fn::Or':
      return (arg as unknown[]).some((c) => r(c) === true);
    case 'Fn::Not':
      return r((arg as unknown[])[0]) !== true;
    case 'Condition':
      return ctx.condition(arg as string);
    case 'Fn::Contains': {
      const [list, item] = arg as [unknown, unknown];
      return (r(list) as unknown[]).includes(r(item));
    }
    case 'Fn::ImportValue':
      return ctx.importValue(String(r(arg)));
    case 'Fn::GetStackOutput': {
      // StackName and OutputName required, Region defaulting to the Region of the stack being deployed; RoleArn only
      // grants reading a stack of another account, which the runner does not keep apart
      // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html).
      const { StackName, OutputName, Region } = r(arg) as { StackName: string; OutputName: string; Region?: string };
      return ctx.stackOutput(String(StackName), String(OutputName), Region === undefined ? ctx.region : String(Region));
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = (arg as unknown[]).map(r) as [string, string, string];
      const found = ctx.mappings?.[map]?.[top]?.[second];
      if (found === undefined) {
        throw new Error(`Fn::FindInMap: ${map}.${top}.${second} is not in the template's Mappings`);
      }
      return found;
    }
    case 'Fn::Base64':
      return Buffer.from(String(r(arg))).toString('base64');
    case 'Fn::GetAZs':
      return ['a', 'b', 'c'].map((az) => `${ctx.region}${az}`);
    default:
      throw new Error(`The runner does not support the intrinsic ${fn}`);
  }
}

/** Fn::Sub: `${Name}`, `${Resource.Attribute}`, `${!Literal}`, and the variables of the list form. */
function sub(arg: unknown, ctx: ResolveContext): string {
  const [text, variables] = typeof arg === 'string' ? [arg, {}] : (arg as [string, Record<string, unknown>]);
  const vars = resolveValue(variables, ctx) as Record<string, unknown>;
  return text.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) {
      return `\${${name.slice(1)}}`;
    }
    if (name in vars) {
      return String(vars[name]);
    }
    if (name.includes('.') && !name.startsWith('AWS::')) {
      const [logicalId, attribute] = splitOnce(name, '.');
      return String(ctx.getAtt(logicalId, attribute));
    }
    return ctx.ref(name);
  });
}

function splitOnce(text: string, separator: string): [string, string] {
  const i = text.indexOf(separator);
  return [text.slice(0, i), text.slice(i + 1)];
}

/**
 * The logical ids a value refers to (Ref, Fn::GetAtt, Fn::Sub), which
 * CloudFormation turns into dependency edges like DependsOn. Names that are
 * not resources (parameters, pseudo parameters) are filtered by the caller.
 */
export function references(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((item) => references(item, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'Ref' && typeof item === 'string') {
        found.add(item);
      } else if (key === 'Fn::GetAtt') {
        found.add(typeof item === 'string' ? item.split('.')[0] : String((item as unknown[])[0]));
      } else if (key === 'Fn::Sub') {
        const text = typeof item === 'string' ? item : (item as [string, unknown])[0];
        for (const match of text.matchAll(/\$\{([^!}][^}.]*)[^}]*\}/g)) {
          found.add(match[1]);
        }
        if (typeof item !== 'string') {
          references((item as [string, unknown])[1], found);
        }
      } else {
        references(item, found);
      }
    }
  }
  return found;
}
