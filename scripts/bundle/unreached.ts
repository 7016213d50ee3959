/**
 * What the Lambda bundles keep of an SDK module they replace (./sdk-trim.ts):
 * its names, and an error naming the file that says why the handler never
 * reaches it, should it ever.
 */
import * as path from 'path';

/** A module of the SDK the bundles replace: the file, as esbuild's onLoad filter matches it, and what the bundle gets instead. */
export interface Substitute {
  readonly file: RegExp;
  readonly contents: string;
}

/** `node_modules/<package>/dist-es/<file>`, on either path separator. */
export function esModuleFile(pkg: string, file: string): RegExp {
  const parts = `node_modules/${pkg}/dist-es/${file}`.split('/').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`[\\\\/]${parts.join('[\\\\/]')}$`);
}

/** The one thrower the substitutes share, so the bundle carries its message once. */
const THROWER = JSON.stringify(path.join(__dirname, 'unreached-runtime.ts'));

/**
 * A module exporting `name`: a class whose construction throws, or, given
 * `method`, a class whose `method` throws (for a class the SDK builds at
 * client construction but calls only on a path the handler never takes).
 * `why` is the file of scripts/bundle/ that says why.
 */
export function unreachedClass(name: string, why: string, method?: string): string {
  const member = method ? `async ${method}()` : 'constructor()';
  return `import { unreached } from ${THROWER};\nexport class ${name} { ${member} { unreached(${JSON.stringify(name)}, ${JSON.stringify(why)}); } }\n`;
}
