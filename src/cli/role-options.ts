/** `--role` and `--role-map`: the roles an audit governs, and their names on the audited server. */
import type { RoleMapping } from '../kinds/privilege/govern.js';

/** `--role NAME` and `--role-map EXPECTED=LIVE`, each repeatable: the governed roles, validated. */
export function roleFlags(role: unknown, roleMap: unknown): RoleMapping[] {
  const out: RoleMapping[] = [];
  const add = (expected: string, live: string, flag: string): void => {
    const known = out.find((r) => r.expected === expected);
    if (known !== undefined && known.live !== live) throw new RangeError(`${flag}: the role "${expected}" is mapped twice (to "${known.live}" and "${live}")`);
    if (known === undefined) out.push({ expected, live });
  };
  for (const raw of (role as unknown[] | undefined) ?? []) {
    const name = String(raw);
    if (name === '' || /[\u0000\n\r]/.test(name)) throw new RangeError('--role needs a role name');
    add(name, name, '--role');
  }
  for (const raw of (roleMap as unknown[] | undefined) ?? []) {
    const text = String(raw);
    const eq = text.indexOf('=');
    const expected = eq < 0 ? '' : text.slice(0, eq);
    const live = eq < 0 ? '' : text.slice(eq + 1);
    if (expected === '' || live === '' || /[\u0000\n\r]/.test(text)) {
      throw new RangeError(`--role-map takes EXPECTED=LIVE (the role's name in the expected schema, then on the audited server), not "${text.replace(/[^\x20-\x7e]/g, '?').slice(0, 80)}"`);
    }
    add(expected, live, '--role-map');
  }
  return out;
}
