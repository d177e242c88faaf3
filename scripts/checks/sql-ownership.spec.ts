import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A module's SQL names only its own schema's tables, or the read views other modules publish
 * (`<schema>.<name>_view`, made by migrations and kept stable); never another module's tables.
 */
const ROOT = path.resolve(__dirname, '../..');
const SCHEMAS = [
  ...new Set(
    readdirSync(path.join(ROOT, 'migrations'))
      .map((f) => readFileSync(path.join(ROOT, 'migrations', f), 'utf8'))
      .flatMap((text) => [...text.matchAll(/CREATE SCHEMA IF NOT EXISTS "([a-z_]+)"/g)].map((m) => m[1])),
  ),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** `schema.name` inside the string literals of a file (SQL lives in template and quoted strings). */
function tablesNamed(text: string): string[] {
  const strings = text.match(/`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g) ?? [];
  const pattern = new RegExp(`(?<![\\w.])"?(${SCHEMAS.join('|')})"?\\."?([a-z_]+)"?(?![\\w(-])`, 'g');
  return strings.flatMap((s) => [...s.matchAll(pattern)].map((m) => `${m[1]}.${m[2]}`));
}

describe('SQL ownership', () => {
  it('finds the schemas the migrations create', () => {
    expect(SCHEMAS).toEqual(expect.arrayContaining(['acceptance', 'ordering', 'ranking', 'ledger']));
  });

  const modules = readdirSync(path.join(ROOT, 'libs'));
  it.each(modules)('libs/%s names only its own schema or published read views', (module) => {
    const foreign = sourceFiles(path.join(ROOT, 'libs', module, 'src')).flatMap((file) =>
      tablesNamed(readFileSync(file, 'utf8'))
        .filter((table) => !table.startsWith(`${module}.`) && !table.endsWith('_view'))
        .map((table) => `${path.relative(ROOT, file)}: ${table}`),
    );
    expect([...new Set(foreign)]).toEqual([]);
  });
});
