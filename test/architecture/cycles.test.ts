// No circles: a center never reaches itself through other centers (A → B → A, through index.ts or
// anything else), and production code never imports test code. Imports are read from the source
// with the TypeScript parser; see import-graph.ts.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { centerCycles, describeCycle, isTestFile, projectImports, resolve, specifiersOf, type Import } from './import-graph.js';

const root = path.resolve(import.meta.dirname, '../..');
const imports = projectImports(root);

describe('the import graph of src/', () => {
  it('has no cycle between centers', () => {
    const cycles = centerCycles(imports);
    const report = cycles.map(describeCycle).join('\n\n');
    expect(cycles.length, `centers that reach themselves through other centers:\n\n${report}\n`).toBe(0);
  });

  it('never imports test code', () => {
    const intoTests = imports.filter((edge) => isTestFile(edge.to)).map((edge) => `${edge.from}:${edge.line} imports ${edge.to}`);
    expect(intoTests).toEqual([]);
  });

  it('is read in full: platform.ts reaches every center, and the fakes through its dynamic import', () => {
    const fromPlatform = imports.filter((edge) => edge.from === 'src/platform.ts').map((edge) => edge.to);
    expect(fromPlatform).toContain('src/centers/auth/module.ts');
    expect(fromPlatform).toContain('fakes/index.ts');
  });
});

describe('the import reader', () => {
  it('finds every way a file names another', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import { type C } from './c.js';",
      "import './side-effect.js';",
      "export { d } from './d.js';",
      "export type { E } from './e.js';",
      "export * as f from './f.js';",
      "const g = await import('./g.js');",
      "const h = require('./h.js');",
      "type I = typeof import('./i.js');",
      "import j = require('./j.js');",
      "const k = await import(name);",
    ].join('\n');
    expect(specifiersOf('src/x.ts', text)).toEqual([
      { specifier: './a.js', line: 1, typeOnly: false },
      { specifier: './b.js', line: 2, typeOnly: true },
      { specifier: './c.js', line: 3, typeOnly: true },
      { specifier: './side-effect.js', line: 4, typeOnly: false },
      { specifier: './d.js', line: 5, typeOnly: false },
      { specifier: './e.js', line: 6, typeOnly: true },
      { specifier: './f.js', line: 7, typeOnly: false },
      { specifier: './g.js', line: 8, typeOnly: false },
      { specifier: './h.js', line: 9, typeOnly: false },
      { specifier: './i.js', line: 10, typeOnly: true },
      { specifier: './j.js', line: 11, typeOnly: false },
    ]);
  });

  it('resolves NodeNext paths, absolute paths and file: URLs to project files, not packages', () => {
    const files = new Set(['src/centers/auth/index.ts', 'src/kernel/db/index.ts']);
    const exists = (rel: string) => files.has(rel);
    expect(resolve('src/centers/user/routes.ts', '../auth/index.js', exists, '/repo')).toBe('src/centers/auth/index.ts');
    expect(resolve('src/centers/user/routes.ts', '../../kernel/db/index.js', exists, '/repo')).toBe('src/kernel/db/index.ts');
    expect(resolve('src/centers/user/routes.ts', '/repo/src/centers/auth/index.js', exists, '/repo')).toBe('src/centers/auth/index.ts');
    expect(resolve('src/centers/user/routes.ts', 'file:///repo/src/centers/auth/index.js', exists, '/repo')).toBe('src/centers/auth/index.ts');
    expect(resolve('src/centers/user/routes.ts', 'fastify', exists, '/repo')).toBeNull();
  });
});

describe('the cycle finder', () => {
  const edge = (from: string, to: string, line = 1): Import => ({ from, to, line, typeOnly: false });

  it('names the files on a cycle between two centers', () => {
    const cycles = centerCycles([
      edge('src/centers/auth/routes.ts', 'src/centers/user/index.ts', 3),
      edge('src/centers/user/service.ts', 'src/centers/auth/index.ts', 7),
      edge('src/centers/user/index.ts', 'src/centers/user/service.ts'),
    ]);
    expect(cycles.map(describeCycle)).toEqual([
      [
        'auth → user → auth',
        '  auth → user:',
        '    src/centers/auth/routes.ts:3 imports src/centers/user/index.ts',
        '  user → auth:',
        '    src/centers/user/service.ts:7 imports src/centers/auth/index.ts',
      ].join('\n'),
    ]);
  });

  it('finds a center reaching itself through other centers and through files outside centers', () => {
    const cycles = centerCycles([
      edge('src/centers/policy/index.ts', 'src/centers/registry/index.ts'),
      edge('src/centers/registry/service.ts', 'src/kernel/lookup.ts'),
      edge('src/kernel/lookup.ts', 'src/centers/enrollment/index.ts'),
      edge('src/centers/enrollment/service.ts', 'src/centers/policy/index.ts'),
    ]);
    expect(cycles.map((cycle) => cycle.nodes.join(' → '))).toEqual(['enrollment → policy → registry → src/kernel/lookup.ts → enrollment']);
  });

  it('lets centers depend on each other one way, and a center on itself', () => {
    expect(
      centerCycles([
        edge('src/centers/enrollment/service.ts', 'src/centers/policy/index.ts'),
        edge('src/centers/policy/index.ts', 'src/centers/policy/service.ts'),
        edge('src/centers/policy/service.ts', 'src/centers/policy/index.ts'),
        edge('src/platform.ts', 'src/centers/enrollment/module.ts'),
        edge('src/centers/enrollment/module.ts', 'src/kernel/context.ts'),
      ]),
    ).toEqual([]);
  });
});
