/** The tables the benchmarks print and write to docs/benchmarks.md. */

export interface Table {
  readonly title: string;
  /** What the table measures and how, in a sentence or two. */
  readonly method: string;
  readonly header: string[];
  readonly rows: string[][];
  /** Targets and findings under the table: one line each. */
  readonly notes: string[];
}

export function markdown(table: Table): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${table.title}`,
    '',
    table.method,
    '',
    line(table.header),
    line(table.header.map(() => '---')),
    ...table.rows.map(line),
    '',
    ...table.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

/** The table as aligned plain text for the terminal. */
export function plain(table: Table): string {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [
    `== ${table.title}`,
    line(table.header),
    line(widths.map((w) => '-'.repeat(w))),
    ...table.rows.map(line),
    ...table.notes.map((n) => `  * ${n.replace(/`/g, '')}`),
    '',
  ].join('\n');
}

/** "met" / "MISSED" with the reason, for a target line. */
export function verdict(met: boolean, target: string, measured: string, whyMissed?: string): string {
  return met
    ? `Target met: ${target} (measured: ${measured}).`
    : `Target MISSED: ${target} (measured: ${measured}).${whyMissed ? ` Why: ${whyMissed}` : ''}`;
}
