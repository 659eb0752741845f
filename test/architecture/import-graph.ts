// The import graph of the production code, read with the TypeScript parser (no type checking, so it
// is quick), and the cycles between centers in it. A center is one node (src/centers/<name>/**); any
// other file is a node of its own, so a center that reaches itself through the kernel, platform.ts
// or a fake is a cycle too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** One import of one file: `from` imports `to` (project-relative paths) on `line`. */
export interface Import {
  from: string;
  to: string;
  line: number;
  /** `import type`, `export type … from`, `typeof import(…)`: gone at run time, a dependency all the same. */
  typeOnly: boolean;
}

export const isTestFile = (rel: string) => rel.startsWith('test/') || /\.(test|spec)\.[cm]?[jt]sx?$/.test(rel);

/** The module paths a source file names, with the line of each: static, re-export, dynamic, require, type. */
export function specifiersOf(rel: string, text: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const source = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, false, rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { specifier: string; line: number; typeOnly: boolean }[] = [];
  const add = (literal: ts.Node | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    found.push({ specifier: literal.text, line: source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allTypes = !!clause && !clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause?.isTypeOnly || allTypes);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const allTypes = !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The project file a specifier names (NodeNext: './x.js' is x.ts), or null for a package or a file
 * that is not there. Absolute paths and file: URLs count when they point into `root`.
 */
export function resolve(fromRel: string, specifier: string, exists: (rel: string) => boolean, root = '/'): string | null {
  let rel: string;
  if (specifier.startsWith('file:') || path.isAbsolute(specifier)) {
    const absolute = specifier.startsWith('file:') ? fileURLToPath(specifier) : specifier;
    rel = path.relative(root, absolute).split(path.sep).join('/');
  } else if (specifier.startsWith('.')) {
    rel = path.posix.join(path.posix.dirname(fromRel), specifier);
  } else {
    return null;
  }
  return rel.startsWith('..') ? null : firstExisting(rel, exists);
}

function firstExisting(rel: string, exists: (rel: string) => boolean): string | null {
  const stem = rel.replace(/\.([cm]?)js$/, '.$1ts').replace(/\.([cm]?)ts$/, '');
  const extension = /\.([cm]?)js$/.exec(rel)?.[1] ?? '';
  const candidates = [`${stem}.${extension}ts`, `${stem}.tsx`, `${stem}.d.ts`, rel, `${rel}.ts`, `${rel}/index.ts`];
  return candidates.find(exists) ?? null;
}

/**
 * Every import of the production code reachable from src/ (src/ itself, and whatever it imports
 * outside it, such as fakes/). Test files are not crawled; an import of one is kept, so callers see it.
 */
export function projectImports(root: string): Import[] {
  const exists = (rel: string) => existsSync(path.join(root, rel));
  const pending = sourceFiles(root, 'src').filter((rel) => !isTestFile(rel));
  const seen = new Set(pending);
  const imports: Import[] = [];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    for (const { specifier, line, typeOnly } of specifiersOf(rel, readFileSync(path.join(root, rel), 'utf8'))) {
      const to = resolve(rel, specifier, exists, root);
      if (to === null) continue;
      imports.push({ from: rel, to, line, typeOnly });
      if (!seen.has(to) && !isTestFile(to) && /\.[cm]?tsx?$/.test(to)) {
        seen.add(to);
        pending.push(to);
      }
    }
  }
  return imports;
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(root, rel);
    return /\.[cm]?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** The node a file collapses to: its center, or the file itself. */
export const nodeOf = (rel: string) => /^src\/centers\/([^/]+)\//.exec(rel)?.[1] ?? rel;
const isCenter = (node: string) => !node.includes('/');

/** A cycle through at least two nodes, one of them a center, with the imports that make each step. */
export interface Cycle {
  nodes: string[];
  steps: Import[][];
}

/**
 * The cycles a center is on: the shortest way back to itself for every center in a strongly
 * connected group, one cycle per distinct set of steps.
 */
export function centerCycles(imports: Import[]): Cycle[] {
  const edges = new Map<string, Map<string, Import[]>>();
  for (const edge of imports) {
    const [from, to] = [nodeOf(edge.from), nodeOf(edge.to)];
    if (from === to) continue;
    const out = edges.get(from) ?? new Map<string, Import[]>();
    edges.set(from, out);
    out.set(to, [...(out.get(to) ?? []), edge]);
  }
  const cycles = new Map<string, Cycle>();
  for (const start of [...edges.keys()].filter(isCenter).sort()) {
    const path = shortestReturn(start, edges);
    if (!path) continue;
    // The same ring found from each of its centers: keep it once, starting at its smallest center.
    const ring = path.slice(0, -1);
    const first = ring.indexOf([...ring].filter(isCenter).sort()[0]);
    const nodes = [...ring.slice(first), ...ring.slice(0, first)];
    const key = nodes.join(' → ');
    if (!cycles.has(key)) {
      nodes.push(nodes[0]);
      cycles.set(key, { nodes, steps: nodes.slice(1).map((to, i) => edges.get(nodes[i])!.get(to)!) });
    }
  }
  return [...cycles.values()];
}

function shortestReturn(start: string, edges: Map<string, Map<string, Import[]>>): string[] | null {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    for (const next of [...(edges.get(queue[at])?.keys() ?? [])].sort()) {
      if (next === start) {
        const path: string[] = [];
        for (let node = queue[at]; node !== start; node = cameFrom.get(node)!) path.unshift(node);
        return [start, ...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, queue[at]);
        queue.push(next);
      }
    }
  }
  return null;
}

/** "auth → user → auth" and, under it, the file that makes each step. */
export function describeCycle(cycle: Cycle): string {
  const lines = [cycle.nodes.join(' → ')];
  cycle.steps.forEach((step, i) => {
    lines.push(`  ${cycle.nodes[i]} → ${cycle.nodes[i + 1]}:`);
    for (const edge of step) lines.push(`    ${edge.from}:${edge.line} imports ${edge.to}${edge.typeOnly ? ' (types only)' : ''}`);
  });
  return lines.join('\n');
}
