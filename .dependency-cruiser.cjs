/**
 * Module boundaries (ARCHITECTURE.md, "Rules that keep it easy to change", rule 1).
 * Run: npx depcruise apps libs --config .dependency-cruiser.cjs
 */

// One-way direction, lowest layer first. A module may import any module in a lower layer,
// never one in its own layer (except `sideways`) or above. kernel imports no lib.
const layers = [
  ['kernel'],
  ['platform'],
  ['audit'],
  ['ledger', 'identity'],
  ['catalog', 'precheck', 'problems'],
  ['competition'],
  ['ordering'],
  ['acceptance'],
  ['settlement'],
  ['ranking', 'notifications'], // notifications turn other modules' events into each organisation's inbox
  ['transparency'], // public read models: may read any module, none may import it
];
// Pre-check lists catalogue solutions; problems are classified by the catalogue's category taxonomy.
const sideways = { precheck: ['catalog'], problems: ['catalog'] };

const oneWayRules = layers.flatMap((layer, i) =>
  layer.map((lib) => {
    const allowed = [lib, ...layers.slice(0, i).flat(), ...(sideways[lib] ?? [])];
    return {
      name: `one-way-${lib}`,
      severity: 'error',
      comment: `libs/${lib} may import only: ${allowed.join(', ')}.`,
      from: { path: `^libs/${lib}/` },
      to: { path: '^libs/', pathNot: `^libs/(${allowed.join('|')})/` },
    };
  }),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means an event is missing.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'front-door-only',
      severity: 'error',
      comment: 'Import another module through its front door (@app/<x> = libs/<x>/src/index.ts).',
      from: { path: '^(apps|libs)/([^/]+)/' },
      to: { path: '^libs/[^/]+/(?!src/index\\.ts$)', pathNot: '^$1/$2/' },
    },
    {
      name: 'libs-not-to-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    ...oneWayRules,
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Production code must not import devDependencies (tests may; the web app bundles its libraries at build time).',
      from: { path: '^(apps|libs)/', pathNot: ['[.-]spec\\.ts$', '^apps/web/'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: 'node_modules/@types/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'Also catches deep aliases such as @app/x/src/y, which tsconfig paths do not map.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'],
    },
  },
};
