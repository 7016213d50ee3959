/**
 * CloudFormation's scheduling: a resource starts as soon as everything it
 * depends on is done, so independent resources run concurrently (a DAG walk,
 * not levels). After a failure nothing new starts when `stopOnFailure` is
 * set; what is in flight finishes.
 */
export async function walkGraph(
  ids: readonly string[],
  dependsOn: (id: string) => ReadonlySet<string>,
  visit: (id: string) => Promise<boolean>,
  stopOnFailure: boolean,
): Promise<{ readonly failed: ReadonlySet<string>; readonly done: ReadonlySet<string> }> {
  const members = new Set(ids);
  const done = new Set<string>();
  const failed = new Set<string>();
  const started = new Set<string>();
  let inFlight = 0;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (!(stopOnFailure && failed.size > 0)) {
        for (const id of ids) {
          if (!started.has(id) && [...dependsOn(id)].every((dep) => !members.has(dep) || done.has(dep))) {
            started.add(id);
            inFlight++;
            visit(id).then((ok) => {
              (ok ? done : failed).add(id);
              inFlight--;
              pump();
            }, reject);
          }
        }
      }
      if (inFlight === 0) {
        resolve({ failed, done });
      }
    };
    pump();
  });
}

/** The edges reversed: for deletion, a resource waits for everything that depends on it. */
export function reversed(ids: readonly string[], dependsOn: (id: string) => ReadonlySet<string>): (id: string) => ReadonlySet<string> {
  const dependents = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  for (const id of ids) {
    for (const dep of dependsOn(id)) {
      dependents.get(dep)?.add(id);
    }
  }
  return (id) => dependents.get(id) ?? new Set();
}
