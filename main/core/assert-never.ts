/** Marks a branch the type checker proves unreachable, e.g. the default of an exhaustive switch. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${String(value)}`);
}
