// Dotted paths (`components.form.logo.enabled`) into a JSON document such as
// a managed login Settings document.

/** A JSON object. */
export type Json = { [key: string]: any };

/** The value at `a.b.c`, or undefined when any step is missing. */
export function getPath(document: unknown, dotted: string): unknown {
  let node: any = document;
  for (const key of dotted.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) {
      return undefined;
    }
    node = node[key];
  }
  return node;
}

/** Sets `a.b.c` in a document, creating the objects on the way. */
export function setPath(document: Json, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = document;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null || Array.isArray(node[key])) {
      node[key] = {};
    }
    node = node[key];
  }
  node[keys[keys.length - 1]] = value;
}
