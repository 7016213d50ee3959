import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/**
 * botocore's service models (PyPI botocore, pinned in
 * scripts/python-requirements.txt), read from the project's .venv: the
 * stand-in checks every request against them, so nothing of the model is
 * copied by hand and a botocore upgrade is one line in the requirements.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** One shape of a botocore model (only the traits the checks read). */
export interface Shape {
  readonly type: 'structure' | 'list' | 'map' | 'string' | 'blob' | 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'timestamp';
  readonly members?: { readonly [name: string]: MemberRef };
  readonly required?: readonly string[];
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly sensitive?: boolean;
  /** A Smithy document (free JSON), e.g. managed login Settings. */
  readonly document?: boolean;
  readonly exception?: boolean;
  readonly fault?: boolean;
}

export interface MemberRef {
  readonly shape: string;
  readonly location?: 'uri' | 'header' | 'querystring' | 'headers' | 'statusCode';
  readonly locationName?: string;
}

export interface Operation {
  readonly name: string;
  readonly input?: { readonly shape: string };
  /** `resultWrapper`: the element the query protocol wraps the output in. */
  readonly output?: { readonly shape: string; readonly resultWrapper?: string };
  readonly errors?: readonly { readonly shape: string }[];
}

export interface ServiceModel {
  readonly metadata: {
    readonly apiVersion: string;
    readonly targetPrefix?: string;
    readonly protocol: string;
    readonly serviceId: string;
    /** The query protocol's response namespace. */
    readonly xmlNamespace?: string;
  };
  readonly operations: { readonly [name: string]: Operation };
  readonly shapes: { readonly [name: string]: Shape };
}

/** The services the stand-in speaks, by botocore directory and API version. */
export const SERVICES = {
  'cognito-idp': '2016-04-18',
  'ssm': '2014-11-06',
  's3': '2006-03-01',
  'cloudformation': '2010-05-15',
} as const;
export type ServiceName = keyof typeof SERVICES;

const cache = new Map<ServiceName, ServiceModel>();

/** The botocore model of a service; runs scripts/venv.sh first when the venv or botocore is missing. */
export function serviceModel(service: ServiceName): ServiceModel {
  let model = cache.get(service);
  if (!model) {
    const file = path.join(botocoreDataDir(), service, SERVICES[service], 'service-2.json.gz');
    model = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as ServiceModel;
    cache.set(service, model);
  }
  return model;
}

let dataDir: string | undefined;

/** botocore's data directory inside .venv, creating the venv when it is absent. */
export function botocoreDataDir(): string {
  dataDir ??= findDataDir() ?? (createVenv(), findDataDir());
  if (!dataDir) {
    throw new Error('botocore is not in .venv after scripts/venv.sh ran; see scripts/python-requirements.txt');
  }
  return dataDir;
}

function findDataDir(): string | undefined {
  const lib = path.join(REPO_ROOT, '.venv', 'lib');
  if (!fs.existsSync(lib)) {
    return undefined;
  }
  for (const python of fs.readdirSync(lib).filter((name) => name.startsWith('python3')).sort()) {
    const candidate = path.join(lib, python, 'site-packages', 'botocore', 'data');
    if (Object.keys(SERVICES).every((service) => fs.existsSync(path.join(candidate, service, SERVICES[service as ServiceName], 'service-2.json.gz')))) {
      requirePinnedBotocore(path.dirname(candidate));
      return candidate;
    }
  }
  return undefined;
}

/**
 * A venv made before the pin moved holds older models, which lack newer
 * operations (the CIMD ones came with 1.44.8) and would fail tests as
 * "Unknown operation". `npm test` refreshes the venv first; running jest
 * directly does not, so say what to run rather than test against the wrong
 * models.
 */
function requirePinnedBotocore(botocoreDir: string): void {
  const pinned = /^botocore==(.+)$/m.exec(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'python-requirements.txt'), 'utf8'))?.[1]?.trim();
  const installed = /^__version__\s*=\s*['"]([^'"]+)['"]/m.exec(fs.readFileSync(path.join(botocoreDir, '__init__.py'), 'utf8'))?.[1];
  if (pinned !== undefined && installed !== pinned) {
    throw new Error(`.venv holds botocore ${installed ?? '(unknown version)'}, scripts/python-requirements.txt pins ${pinned}: run \`npx projen venv\` (npm test does)`);
  }
}

/** scripts/venv.sh is idempotent and pins botocore; on a fresh clone it takes about 30 s. */
function createVenv(): void {
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'venv.sh')], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
}
