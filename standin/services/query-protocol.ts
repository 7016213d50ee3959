import { serviceModel, ServiceName } from './botocore-models';
import { ServiceError } from './service-error';

/**
 * The AWS query protocol (botocore metadata `protocol: query`), as
 * CloudFormation speaks it: a form-urlencoded POST of `Action`, `Version` and
 * the input's members flattened into keys (`Member`, `List.member.1`,
 * `Map.entry.1.key`, `Struct.Member`), answered with XML: the output's members
 * inside `<ActionResponse><ActionResult>` (the operation's `resultWrapper`),
 * errors as `<ErrorResponse><Error><Type>Sender</Type><Code>…` (the error
 * response shown in boto3 issue 2807 for CloudFormation,
 * https://github.com/boto/boto3/issues/2807).
 */

/** The services spoken over the query protocol, by the signing name in the Authorization header's credential scope. */
export const QUERY_SERVICES: { readonly [signingName: string]: ServiceName } = {
  cloudformation: 'cloudformation',
};

export interface QueryRequest {
  readonly action?: string;
  readonly version?: string;
  readonly params: URLSearchParams;
}

export function parseQueryRequest(body: Buffer): QueryRequest {
  const params = new URLSearchParams(body.toString('utf8'));
  return { action: params.get('Action') ?? undefined, version: params.get('Version') ?? undefined, params };
}

/**
 * The operation's input object rebuilt from the form, shaped as the JSON
 * protocols carry it, so the one model check (model-validation) serves every
 * protocol: strings stay strings, numbers and booleans are parsed, absent
 * members stay absent.
 */
export function queryInput(service: ServiceName, operation: string, params: URLSearchParams): object {
  const input = serviceModel(service).operations[operation].input;
  return input ? (readValue(service, input.shape, params, '') as object | undefined) ?? {} : {};
}

function readValue(service: ServiceName, shapeName: string, params: URLSearchParams, prefix: string): unknown {
  const shape = serviceModel(service).shapes[shapeName];
  const key = (name: string) => (prefix === '' ? name : `${prefix}.${name}`);
  switch (shape.type) {
    case 'structure': {
      const object: { [name: string]: unknown } = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const value = readValue(service, ref.shape, params, key(ref.locationName ?? name));
        if (value !== undefined) {
          object[name] = value;
        }
      }
      return prefix !== '' && Object.keys(object).length === 0 ? undefined : object;
    }
    case 'list': {
      // An empty list travels as the bare key with an empty value.
      if (params.get(prefix) === '') {
        return [];
      }
      const items: unknown[] = [];
      const member = shape.member!.locationName ?? 'member';
      for (let i = 1; ; i++) {
        const item = readValue(service, shape.member!.shape, params, `${prefix}.${member}.${i}`);
        if (item === undefined) {
          return items.length === 0 ? undefined : items;
        }
        items.push(item);
      }
    }
    case 'map': {
      const map: { [name: string]: unknown } = {};
      for (let i = 1; ; i++) {
        const entry = `${prefix}.entry.${i}`;
        const name = params.get(`${entry}.${shape.key!.locationName ?? 'key'}`);
        if (name === null) {
          return Object.keys(map).length === 0 ? undefined : map;
        }
        map[name] = readValue(service, shape.value!.shape, params, `${entry}.${shape.value!.locationName ?? 'value'}`);
      }
    }
    default: {
      const text = params.get(prefix);
      if (text === null) {
        return undefined;
      }
      if (shape.type === 'boolean') {
        return text === 'true' ? true : text === 'false' ? false : text;
      }
      if (['integer', 'long', 'float', 'double'].includes(shape.type)) {
        return text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
      }
      return text;
    }
  }
}

/** `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`. */
export function queryResponseXml(service: ServiceName, operation: string, output: object, requestId: string): string {
  const model = serviceModel(service);
  const op = model.operations[operation];
  const members = op.output ? memberXml(service, op.output.shape, output) : '';
  const result = op.output?.resultWrapper ? `<${op.output.resultWrapper}>${members}</${op.output.resultWrapper}>` : members;
  return `<${operation}Response xmlns="${model.metadata.xmlNamespace}">${result}`
    + `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
}

/** `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
export function queryErrorXml(service: ServiceName, error: ServiceError, requestId: string): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${serviceModel(service).metadata.xmlNamespace}"><Error><Type>${type}</Type>`
    + `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>`
    + `<RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** A structure's members as elements, in the model's order; timestamps in ISO 8601, as the query protocol sends them. */
function memberXml(service: ServiceName, shapeName: string, value: unknown): string {
  const shape = serviceModel(service).shapes[shapeName];
  switch (shape.type) {
    case 'structure':
      return Object.entries(shape.members ?? {})
        .filter(([name]) => (value as { [name: string]: unknown })[name] !== undefined)
        .map(([name, ref]) => {
          const element = ref.locationName ?? name;
          return `<${element}>${memberXml(service, ref.shape, (value as { [name: string]: unknown })[name])}</${element}>`;
        })
        .join('');
    case 'list': {
      const element = shape.member!.locationName ?? 'member';
      return (value as unknown[]).map((item) => `<${element}>${memberXml(service, shape.member!.shape, item)}</${element}>`).join('');
    }
    case 'map':
      return Object.entries(value as { [name: string]: unknown })
        .map(([key, item]) => `<entry><key>${escapeXml(key)}</key><value>${memberXml(service, shape.value!.shape, item)}</value></entry>`)
        .join('');
    case 'timestamp':
      return (value instanceof Date ? value : new Date(value as string | number)).toISOString();
    default:
      return escapeXml(String(value));
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
