/**
 * An esbuild plugin that leaves out of the Lambda bundles the parts of the
 * AWS SDK clients that tree-shaking keeps although the handler never reaches
 * them. It rewrites, at load time, two kinds of file of each
 * `@aws-sdk/client-*` package (the pinned versions the bundles carry); every
 * other file is bundled as published.
 *
 * 1. `dist-es/schemas/schemas_0.js`, where a client declares the schema of
 *    every operation, structure and error of its service (S3: 66 kB of the
 *    minified bundle; SSM: 32 kB) and registers every error:
 *    - the traits of each schema are object literals with computed keys that
 *      name module constants (`{ [_h]: ["GET", "/{Key+}", 200] }`); esbuild
 *      cannot tell such a key has no side effect (it could be an object with
 *      a `toString`), so it keeps every schema of the service. The constant's
 *      string literal is put in the key's place (`{ ["http"]: ... }`), and
 *      esbuild drops the schemas no bundled command refers to.
 *    - `n0_registry.registerError(X$, X)` keeps each error's schema and its
 *      class (`dist-es/models/errors.js`: SSM's 140 error classes, 40 kB).
 *      The registrations are dropped. An error answer whose code the
 *      registry does not know is raised as the client's service exception
 *      with the answer's code as its `name`, its message, `$metadata`, and a
 *      `$fault` of "server" for a 5xx status, "client" otherwise
 *      (`getErrorSchemaOrThrowBaseException` in @aws-sdk/core's
 *      protocols/ProtocolLib), and that is all the handler reads of an SDK
 *      error (lambda/shared/errors.ts and retry.ts; never `instanceof` an
 *      SDK error class). It is the same as the registered error's wherever
 *      the error's wire code is its shape name and its modeled fault follows
 *      from its status, which holds for every error the operations the
 *      handler sends can answer (not for all of a service's: SSM's
 *      UnsupportedOperationException answers "UnsupportedOperation", but
 *      only to inventory and automation calls).
 *    test/lambda/sdk-trim.test.ts proves both: it sends every command the
 *    handler imports (lambda/shared/sdk.ts) through the trimmed build and
 *    through the SDK as published and compares the requests and the parsed
 *    answers, then answers each command with every error botocore's model
 *    lists for its operation and compares what the handler reads.
 * 2. `package.json`: each client's runtime configuration imports it for
 *    `packageInfo.version` alone (the User-Agent header); esbuild would inline
 *    the whole file (about 2 kB per client). Only the version is kept.
 * 3. `@smithy/core/event-streams` becomes ./event-streams-unbundled.ts (it
 *    says why).
 * 4. The pure JavaScript SHA-256, SHA-1, MD5 and CRC32 (./node-only.ts says
 *    why Lambda's Node.js never reaches them) and S3 Express One Zone's
 *    session code (./no-directory-buckets.ts says why the handler never
 *    reaches it) become classes that throw if they ever are; the Region
 *    lookup from instance metadata becomes one that finds nothing
 *    (./lambda-environment.ts says why a Lambda never reaches it), and the
 *    adaptive retry strategy one that throws (./standard-retry.ts says why
 *    the handler's clients never choose it).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Plugin } from 'esbuild';
import { LAMBDA_ENVIRONMENT } from './lambda-environment';
import { NO_DIRECTORY_BUCKETS } from './no-directory-buckets';
import { NODE_ONLY } from './node-only';
import { STANDARD_RETRY } from './standard-retry';

/** A client's schemas file, under its ES module build. */
const SCHEMAS = /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[a-z0-9-]+[\\/]dist-es[\\/]schemas[\\/]schemas_0\.js$/;
/** A client's package.json. */
const PACKAGE_JSON = /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[a-z0-9-]+[\\/]package\.json$/;

/** The event streams module, as the S3 client and @smithy/core's protocols import it. */
const EVENT_STREAMS = /^@smithy\/core\/event-streams$/;

/** `const _x = "...";` at the top of a schemas file: the names and strings the schemas use. */
const STRING_CONSTANT = /^const (_[A-Za-z0-9_]+) = "([^"\\]*)";$/gm;

/** One error's registration. */
const REGISTRATION = /^n0_registry\.registerError\(([A-Za-z0-9_]+)\$, \1\);\n/gm;
/** A computed key naming a module constant, `[_h]:`. */
const CONSTANT_KEY = /\[(_[A-Za-z0-9_]+)\]:/g;

/** Rewrites one client's schemas_0.js (see the file comment). */
export function trimSchemas(source: string): string {
  const strings = new Map<string, string>();
  for (const [, name, value] of source.matchAll(STRING_CONSTANT)) strings.set(name, value);
  return source
    .replace(REGISTRATION, '')
    .replace(CONSTANT_KEY, (key, name: string) => {
      const value = strings.get(name);
      return value === undefined ? key : `[${JSON.stringify(value)}]:`;
    });
}

/** The esbuild plugin: trims each client's schemas and package.json as it loads them, and leaves out event streams. */
export function sdkTrim(): Plugin {
  return {
    name: 'sdk-trim',
    setup(build) {
      build.onLoad({ filter: SCHEMAS }, (args) => ({
        contents: trimSchemas(readFileSync(args.path, 'utf8')),
        loader: 'js',
      }));
      build.onResolve({ filter: EVENT_STREAMS }, () => ({ path: path.join(__dirname, 'event-streams-unbundled.ts') }));
      for (const { file, contents } of [...NODE_ONLY, ...NO_DIRECTORY_BUCKETS, ...LAMBDA_ENVIRONMENT, ...STANDARD_RETRY]) {
        build.onLoad({ filter: file }, () => ({ contents, loader: 'js' }));
      }
      build.onLoad({ filter: PACKAGE_JSON }, (args) => ({
        contents: JSON.stringify({ version: JSON.parse(readFileSync(args.path, 'utf8')).version }),
        loader: 'json',
      }));
    },
  };
}
