/** A stable facility id from its source and name: `facilityId('hf', 'Helen Joseph Hospital')` is `hf-helen-joseph-hospital`. */
export function facilityId(prefix: 'hf' | 'saps', name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${slug}`;
}
