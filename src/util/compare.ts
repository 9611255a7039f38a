// String order by UTF-16 code units: unlike localeCompare it does not depend on the machine's locale, so sorted
// output is the same byte for byte everywhere.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
