// 中心边界 center boundaries: a center may import another center only through its index.ts.
import path from 'node:path';

const CENTERS_DIR = `${path.sep}src${path.sep}centers${path.sep}`;

function centerOf(file) {
  const at = file.lastIndexOf(CENTERS_DIR);
  if (at < 0) return null;
  const rest = file.slice(at + CENTERS_DIR.length).split(path.sep);
  return rest.length > 1 ? { name: rest[0], inner: rest.slice(1).join('/') } : null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "a center reaches another center only through that center's index.ts" },
    messages: {
      internal: "Center '{{from}}' imports '{{inner}}' of center '{{to}}'; import '{{to}}/index.js' instead (or use its events).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = centerOf(file);
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = centerOf(path.resolve(path.dirname(file), source.value));
      if (!target) return;
      if (from && target.name === from.name) return;
      if (/^index\.(js|ts)$/.test(target.inner)) return;
      context.report({ node: source, messageId: 'internal', data: { from: from?.name ?? path.basename(file), to: target.name, inner: target.inner } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
