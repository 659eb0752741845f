// 中心边界 center boundaries. A center reaches another center only through its index.ts; a
// center's module.ts (its wiring) is for src/platform.ts alone; index.ts never makes the center's
// tables (schema.ts) public; production code (src/, fakes/, scripts/) never imports test/.
//
// Every way a file can name another file is checked the same way: static imports, `export … from`,
// `import()`, `typeof import(…)` types, `import x = require(…)`, `require(…)` / `createRequire`,
// relative and absolute paths and file: URLs. A path that cannot be read off the source (a computed
// `import()` or `require()`) cannot be checked, so src/ refuses it (src/centers outright, even when
// it could be worked out) and so does a center's createRequire, which hands out an untracked loader.
//
// Paths are compared relative to the project root: `settings.yibao.root` (eslint.config.js sets it)
// or else ESLint's cwd. No file system access: the rule only does path arithmetic, so it stays fast.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCRIPT_EXTENSION = /\.(d\.ts|[cm]?[jt]sx?)$/;

/** 'src/centers/auth/schema.js' → { name: 'auth', stem: 'schema' }; null outside src/centers/<name>/. */
function centerOf(rel) {
  const match = /^src\/centers\/([^/]+)(?:\/(.*))?$/.exec(rel);
  if (!match) return null;
  const inner = match[2] ?? '';
  return { name: match[1], inner, stem: inner.replace(SCRIPT_EXTENSION, '') };
}

const isIndex = (target) => target.stem === 'index' || target.stem === '';
const isTestFile = (rel) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(rel);
const isProduction = (rel) => /^(src|fakes|scripts)\//.test(rel) && !isTestFile(rel);

/** The string a module-path expression stands for, when it can be read off the source; else null. */
function staticString(node, fileUrl) {
  if (!node) return null;
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : null;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 ? node.quasis[0].value.cooked : null;
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = staticString(node.left, fileUrl);
    const right = left === null ? null : staticString(node.right, fileUrl);
    return right === null ? null : left + right;
  }
  // new URL('../x/y.js', import.meta.url) and its .href / .pathname
  const isUrl = (candidate) => candidate.type === 'NewExpression' && candidate.callee.type === 'Identifier' && candidate.callee.name === 'URL';
  if (node.type === 'MemberExpression' && !node.computed && isUrl(node.object) && ['href', 'pathname'].includes(node.property.name)) {
    const url = staticString(node.object, fileUrl);
    return url === null || node.property.name === 'href' ? url : decodeURIComponent(new URL(url).pathname);
  }
  if (isUrl(node) && node.arguments.length === 2) {
    const [relative, base] = node.arguments;
    const isImportMetaUrl = base.type === 'MemberExpression' && base.object.type === 'MetaProperty' && base.property.name === 'url';
    const value = isImportMetaUrl ? staticString(relative, fileUrl) : null;
    if (value === null || !URL.canParse(value, fileUrl)) return null;
    return new URL(value, fileUrl).href;
  }
  return null;
}

const isPlainLiteral = (node) =>
  (node.type === 'Literal' && typeof node.value === 'string') || (node.type === 'TemplateLiteral' && node.expressions.length === 0);

const isCreateRequire = (callee) =>
  (callee.type === 'Identifier' && callee.name === 'createRequire') ||
  (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'createRequire');

export default {
  meta: {
    type: 'problem',
    docs: { description: "a center reaches another center only through that center's index.ts; production code never imports test code" },
    messages: {
      internal: "'{{from}}' imports '{{inner}}' of center '{{to}}'; import '{{to}}/index.js' instead (or use its events).",
      module: "'{{to}}/module.ts' is the center's wiring and only src/platform.ts imports it; use '{{to}}/index.js'.",
      schemaExport: "index.ts makes center '{{center}}' tables public ('{{name}}' from schema.ts); export functions (or types) instead.",
      testCode: "Production code imports test code '{{target}}'; move what it needs out of test/.",
      computed: 'A computed module path cannot be checked against the center boundaries; write the path as a string literal.',
      createRequire: 'A center does not use createRequire: the loader it returns escapes the center boundary check; use import.',
    },
    schema: [],
  },
  create(context) {
    const root = context.settings?.yibao?.root ?? context.cwd ?? process.cwd();
    const file = context.physicalFilename ?? context.filename;
    const fileUrl = pathToFileURL(file).href;
    const relOf = (absolute) => path.relative(root, absolute).split(path.sep).join('/');
    const rel = relOf(file);
    const from = centerOf(rel);
    const inSrc = rel.startsWith('src/');
    const production = isProduction(rel);
    const isOwnIndex = from !== null && from.stem === 'index' && !from.inner.includes('/');

    /** The project-relative path a specifier names, or null for a package ('fastify', 'node:fs'). */
    function targetOf(specifier) {
      if (specifier.startsWith('file:')) {
        try {
          return relOf(fileURLToPath(specifier));
        } catch {
          return null;
        }
      }
      if (path.isAbsolute(specifier)) return relOf(specifier);
      if (specifier.startsWith('.')) return relOf(path.resolve(path.dirname(file), specifier));
      return null;
    }

    function checkSpecifier(node, specifier) {
      const targetRel = targetOf(specifier);
      if (targetRel === null) return;
      if (production && targetRel.startsWith('test/')) {
        context.report({ node, messageId: 'testCode', data: { target: targetRel } });
        return;
      }
      const target = centerOf(targetRel);
      if (!target) return;
      if (target.stem === 'module' && !target.inner.includes('/')) {
        if (rel !== 'src/platform.ts') context.report({ node, messageId: 'module', data: { to: target.name } });
        return;
      }
      if (from && target.name === from.name) return;
      if (isIndex(target)) return;
      context.report({ node, messageId: 'internal', data: { from: from?.name ?? rel, to: target.name, inner: target.inner } });
    }

    /** A module path given as an expression (import(), require()). */
    function checkExpression(node) {
      if (!node) return;
      if (from && !isPlainLiteral(node)) {
        context.report({ node, messageId: 'computed' });
        return;
      }
      const value = staticString(node, fileUrl);
      if (value !== null) checkSpecifier(node, value);
      else if (inSrc) context.report({ node, messageId: 'computed' });
    }

    const checkSource = (node) => {
      if (node.source) checkExpression(node.source);
    };

    // index.ts: the names bound to the center's own schema.ts (by value), to refuse exporting them.
    const schemaBindings = new Set();
    const isOwnSchema = (specifier) => {
      const targetRel = targetOf(specifier);
      const target = targetRel && centerOf(targetRel);
      return !!target && target.name === from.name && target.stem === 'schema' && !target.inner.includes('/');
    };
    const reportSchemaExport = (node, name) => context.report({ node, messageId: 'schemaExport', data: { center: from.name, name } });

    // Loaders made with createRequire(...) outside centers: their calls are checked like require().
    const loaders = new Set(['require']);
    const isLoader = (callee) =>
      (callee.type === 'Identifier' && loaders.has(callee.name)) ||
      (callee.type === 'CallExpression' && isCreateRequire(callee.callee)) ||
      (callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'resolve' && callee.object.type === 'Identifier' && loaders.has(callee.object.name));

    // require() and createRequire: a file that never writes `require(`, `require.` or createRequire has
    // none (`scope.require(…)` is a method, TypeBox's `required` a word), so its calls are not walked.
    const requireListeners = {
      ImportSpecifier(node) {
        if (from && node.imported.name === 'createRequire') context.report({ node, messageId: 'createRequire' });
      },
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier' && node.init?.type === 'CallExpression' && isCreateRequire(node.init.callee)) loaders.add(node.id.name);
      },
      CallExpression(node) {
        if (from && isCreateRequire(node.callee)) context.report({ node, messageId: 'createRequire' });
        else if (isLoader(node.callee)) checkExpression(node.arguments[0]);
      },
    };
    const mayRequire = /(?<![.\w$])require\s*[(.]|createRequire/.test(context.sourceCode.text);

    return {
      Program(program) {
        if (!isOwnIndex) return;
        for (const statement of program.body) {
          if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type' || !isOwnSchema(statement.source.value)) continue;
          for (const specifier of statement.specifiers) if (specifier.importKind !== 'type') schemaBindings.add(specifier.local.name);
        }
      },
      ImportDeclaration: checkSource,
      ExportAllDeclaration(node) {
        checkSource(node);
        if (isOwnIndex && node.exportKind !== 'type' && isOwnSchema(node.source.value)) reportSchemaExport(node, node.exported ? node.exported.name : '*');
      },
      ExportNamedDeclaration(node) {
        checkSource(node);
        if (!isOwnIndex || node.exportKind === 'type') return;
        const fromSchema = node.source && isOwnSchema(node.source.value);
        for (const specifier of node.specifiers) {
          if (specifier.exportKind === 'type') continue;
          const local = specifier.local.name ?? specifier.local.value;
          if (fromSchema || (!node.source && schemaBindings.has(local))) reportSchemaExport(specifier, local);
        }
        // export const people = persons;  export const t = tables.persons;
        for (const declarator of node.declaration?.type === 'VariableDeclaration' ? node.declaration.declarations : []) {
          const init = declarator.init?.type === 'MemberExpression' ? declarator.init.object : declarator.init;
          if (init?.type === 'Identifier' && schemaBindings.has(init.name)) reportSchemaExport(declarator, init.name);
        }
      },
      ExportDefaultDeclaration(node) {
        if (isOwnIndex && node.declaration.type === 'Identifier' && schemaBindings.has(node.declaration.name)) reportSchemaExport(node, node.declaration.name);
      },
      ImportExpression: (node) => checkExpression(node.source),
      TSImportType(node) {
        const source = node.source ?? node.argument?.literal ?? node.argument;
        if (source?.type === 'Literal' && typeof source.value === 'string') checkSpecifier(source, source.value);
      },
      TSExternalModuleReference: (node) => checkExpression(node.expression),
      ...(mayRequire ? requireListeners : {}),
    };
  },
};
