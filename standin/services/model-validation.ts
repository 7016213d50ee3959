import { serviceModel, ServiceName, Shape } from './botocore-models';
import { javaPatternToRegExp } from './java-pattern';
import { ServiceError, VALIDATION_ERROR_CODE } from './service-error';

/**
 * Checks a request's input against the botocore model of its operation, the
 * way the services' Coral front end does: every violated constraint becomes
 * one clause of `N validation error(s) detected: Value '<v>' at '<path>'
 * failed to satisfy constraint: <constraint>`, joined by `; `. A value of the
 * wrong JSON type is a SerializationException, as Coral's parser raises
 * before any constraint is looked at. Members the model does not know are
 * ignored, as the services do.
 *
 * Paths are Coral's: member names with their first letter lowered, list
 * items as `<list>.<1-based index>.member`.
 */
export function validateInput(service: ServiceName, operation: string, input: unknown): void {
  const model = serviceModel(service);
  const op = model.operations[operation];
  if (!op) {
    throw new ServiceError('UnknownOperationException', `Unknown operation ${operation}`);
  }
  if (!op.input) {
    return;
  }
  const violations: string[] = [];
  checkValue(service, op.input.shape, input ?? {}, '', violations);
  if (violations.length > 0) {
    const count = violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
    throw new ServiceError(VALIDATION_ERROR_CODE[service], `${count}: ${violations.join('; ')}`);
  }
}

const regexps = new Map<string, RegExp>();

/** The JS RegExp of a model pattern, translated once. */
export function patternRegExp(pattern: string): RegExp {
  let re = regexps.get(pattern);
  if (!re) {
    re = javaPatternToRegExp(pattern);
    regexps.set(pattern, re);
  }
  return re;
}

function checkValue(service: ServiceName, shapeName: string, value: unknown, path: string, violations: string[]): void {
  const shape = serviceModel(service).shapes[shapeName];
  const fail = (constraint: string) => {
    const shown = describe(shapeName, shape, value);
    violations.push(`Value${shown === undefined ? '' : ` ${shown}`} at '${path}' failed to satisfy constraint: ${constraint}`);
  };
  switch (shape.type) {
    case 'structure': {
      if (shape.document) {
        return;
      }
      expectType(value, 'object', 'Start of structure or map', path);
      const object = value as Record<string, unknown>;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const memberPath = path === '' ? lowerFirst(name) : `${path}.${lowerFirst(name)}`;
        const member = object[name];
        if (member === undefined || member === null) {
          if (shape.required?.includes(name)) {
            violations.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
          }
          continue;
        }
        checkValue(service, ref.shape, member, memberPath, violations);
      }
      return;
    }
    case 'list': {
      expectType(value, 'array', 'Start of list', path);
      const items = value as unknown[];
      checkLength(shape, items.length, fail);
      items.forEach((item, index) => checkValue(service, shape.member!.shape, item, `${path}.${index + 1}.member`, violations));
      return;
    }
    case 'map': {
      expectType(value, 'object', 'Start of structure or map', path);
      const entries = Object.entries(value as Record<string, unknown>);
      checkLength(shape, entries.length, fail);
      for (const [key, item] of entries) {
        checkValue(service, shape.key!.shape, key, `${path}.key`, violations);
        checkValue(service, shape.value!.shape, item, `${path}.${key}`, violations);
      }
      return;
    }
    case 'string': {
      expectType(value, 'string', 'NUMBER_VALUE or BOOLEAN_VALUE', path);
      const text = value as string;
      // Java measures String length in UTF-16 code units, as JS does.
      checkLength(shape, text.length, fail);
      if (shape.pattern !== undefined && !patternRegExp(shape.pattern).test(text)) {
        fail(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      if (shape.enum && !shape.enum.includes(text)) {
        fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      }
      return;
    }
    case 'blob': {
      expectType(value, 'string', 'A blob', path);
      const text = value as string;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
        throw new ServiceError('SerializationException', `Invalid base64 value at '${path}'`);
      }
      // Blob limits count decoded bytes, not the base64 text that travels.
      checkLength(shape, Buffer.from(text, 'base64').length, fail);
      return;
    }
    case 'boolean':
      expectType(value, 'boolean', 'A non-boolean value', path);
      return;
    case 'integer': case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw new ServiceError('SerializationException', `${jsonKind(value)} can not be converted to an Integer at '${path}'`);
      }
      checkRange(shape, value, fail);
      return;
    case 'float': case 'double':
      expectType(value, 'number', 'A non-numeric value', path);
      checkRange(shape, value as number, fail);
      return;
    case 'timestamp':
      if (typeof value !== 'number' && typeof value !== 'string') {
        throw new ServiceError('SerializationException', `${jsonKind(value)} can not be converted to a Date at '${path}'`);
      }
      return;
  }
}

function checkLength(shape: Shape, length: number, fail: (constraint: string) => void): void {
  if (shape.min !== undefined && length < shape.min) {
    fail(`Member must have length greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && length > shape.max) {
    fail(`Member must have length less than or equal to ${shape.max}`);
  }
}

function checkRange(shape: Shape, value: number, fail: (constraint: string) => void): void {
  if (shape.min !== undefined && value < shape.min) {
    fail(`Member must have value greater than or equal to ${shape.min}`);
  }
  if (shape.max !== undefined && value > shape.max) {
    fail(`Member must have value less than or equal to ${shape.max}`);
  }
}

type JsonKind = 'object' | 'array' | 'string' | 'boolean' | 'number';

function expectType(value: unknown, kind: JsonKind, found: string, path: string): void {
  if (jsonType(value) !== kind) {
    // Coral's parser words it from what it found; the path is the stand-in's addition, to make a test failure readable.
    throw new ServiceError('SerializationException', `${kind === 'object' || kind === 'array' ? `${jsonKind(value)} found where ${found} was expected` : `${jsonKind(value)} can not be converted to ${kind}`} at '${path}'`);
  }
}

function jsonType(value: unknown): JsonKind | 'null' {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  return typeof value as JsonKind;
}

function jsonKind(value: unknown): string {
  const kinds: { [kind: string]: string } = {
    object: 'Start of structure or map',
    array: 'Start of list',
    string: 'STRING_VALUE',
    number: 'NUMBER_VALUE',
    boolean: 'BOOLEAN_VALUE',
    null: 'NULL_VALUE',
  };
  return kinds[jsonType(value)];
}

/**
 * How Coral quotes the offending value: strings in quotes, a blob as the
 * Java ByteBuffer it became, a list as Java's `[a, b]`. A sensitive value is
 * left out (`Value at 'password'`), except ids: messages in the wild quote
 * client ids although the model marks ClientIdType sensitive.
 */
function describe(shapeName: string, shape: Shape, value: unknown): string | undefined {
  switch (shape.type) {
    case 'blob': {
      const length = Buffer.from(value as string, 'base64').length;
      return `'java.nio.HeapByteBuffer[pos=0 lim=${length} cap=${length}]'`;
    }
    case 'list':
      return `'[${(value as unknown[]).map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ')}]'`;
    case 'string':
      return shape.sensitive && !shapeName.endsWith('IdType') ? undefined : `'${value as string}'`;
    default:
      return `'${String(value)}'`;
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
