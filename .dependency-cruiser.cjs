/**
 * The boundaries of ARCHITECTURE.md, checked on every `npm test` (`npm run lint:arch`).
 * Test files (`__tests__/`) may reach across: they build fixtures with the real pipeline.
 */
const TESTS = '(^|/)__tests__/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'scripts-only-via-domain',
      comment: 'The ingest and tools meet the site only in src/domain/ (terms, schemas, release rules, record files).',
      severity: 'error',
      from: { path: '^scripts/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'src-never-imports-scripts',
      comment: 'The site reads content/, never the ingest: what both need lives in src/domain/.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: '^scripts/' },
    },
    {
      name: 'domain-is-the-bottom',
      comment: 'src/domain/ is shared by both sides, so it imports nothing of either.',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TESTS },
      to: { path: '^(scripts|src/(?!domain/))' },
    },
    {
      name: 'components-never-import-pages',
      severity: 'error',
      from: { path: '^src/components/', pathNot: TESTS },
      to: { path: '^src/pages/' },
    },
    {
      name: 'lib-never-imports-components',
      comment: 'src/lib/ is data for pages; markup helpers it needs belong in lib or domain.',
      severity: 'error',
      from: { path: '^src/lib/', pathNot: TESTS },
      to: { path: '^src/components/' },
    },
    {
      name: 'stages-never-import-run',
      comment: 'The stages are pure steps of one document; corpus walks, workers and the dev watcher drive them.',
      severity: 'error',
      from: { path: '^scripts/ingest/(stages|checks|readers|templates)/', pathNot: TESTS },
      to: { path: '^scripts/ingest/run/' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      // Astro's virtual modules (astro:content in src/content.config.ts) exist only inside Astro's Vite.
      to: { couldNotResolve: true, pathNot: '^astro:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-preview|content|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    extraExtensionsToScan: ['.astro'],
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.astro', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
