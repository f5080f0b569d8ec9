// The architecture's boundaries, checked by a machine (docs/architecture.md): pure rules stay pure,
// the web layer reaches the database only through use cases, `src/shared` knows no feature, and no
// module imports itself back through a cycle; errors are declared in `*.errors.ts`, not built ad hoc. Style is left to the reviewers.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const infrastructure = [
  { name: 'express', message: 'Models hold pure rules: no Express here.' },
  { name: 'better-sqlite3', message: 'Models hold pure rules: the database is reached through *.repository.ts.' },
  { name: 'pg', message: 'Models hold pure rules: the database is reached through *.repository.ts.' },
];
const infrastructurePatterns = [
  { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Models hold pure rules: no drizzle here.' },
  { regex: '\\.(repository|table|pg-table)(\\.ts)?$', message: 'Models hold pure rules: they receive data, they do not fetch it.' },
];
// One `no-restricted-syntax` list per file: a later block replaces an earlier one, so the repositories'
// block repeats this entry.
const declaredErrorsOnly = { selector: "NewExpression[callee.name='AppError']", message: 'Errors are declared with their code, status and wording in the capability’s *.errors.ts (declareErrors).' };
const syncTerminals = { selector: "CallExpression[arguments.length=0] > MemberExpression.callee[property.name=/^(get|all|run)$/]", message: 'Await the query: .get/.all/.run are SQLite-only (src/shared/dialect.ts first/rows).' };
const repositories = { regex: '\\.repository(\\.ts)?$', message: 'Pages, routes and views call use cases (*.usecases.ts), never a repository.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'db/**', 'test-artifacts/**', 'templates/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.js'] } }, 'import-x/extensions': ['.ts', '.js'] },
  },
  // The data port is asynchronous: a promise nobody awaits is a write that may land after the answer,
  // or a failure nobody sees. Type-aware, so that it knows which calls return promises.
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/**/*.models.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: infrastructure, patterns: infrastructurePatterns }] },
  },
  {
    files: ['src/**/*.pages.ts', 'src/**/*.routes.ts', 'src/**/*.views.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [repositories] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./(\\.\\./)*(?!shared/)[a-z-]+/', message: 'src/shared knows no feature: features register themselves with it.' }] }],
    },
  },
  // The code runs on both engines (src/shared/dialect.ts): awaited builders, never SQLite's synchronous
  // terminals; repositories never reach for the raw connection either. What speaks SQLite only on
  // purpose (the SQLite side of the port, file backup/restore, the file checks) is listed.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.errors.ts', 'src/shared/errors.ts', 'src/shared/http.ts'],
    rules: { 'no-restricted-syntax': ['error', declaredErrorsOnly, syncTerminals] },
  },
  {
    files: ['src/shared/db.ts', 'src/ops/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', declaredErrorsOnly] },
  },
  {
    files: ['src/**/*.repository.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        declaredErrorsOnly,
        syncTerminals,
        { selector: "MemberExpression[property.name=/^(\\$client|sqlite)$/]", message: 'The raw connection is SQLite-only: write the query with drizzle or sql`` through rows().' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
