// Onramp's own ESLint rules (a local plugin, wired in eslint.config.mjs; planted violations in
// tests/lint/lint-rules.test.ts). See docs/contributing.md for the house rules they guard.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const FEATURES = 'renderer/src/features';
const COMPONENTS = 'renderer/src/components';

/** A repository-relative path with forward slashes. */
function repoPath(abs) {
  return relative(ROOT, abs).split(sep).join('/');
}

/** The feature a repository path belongs to, and the rest of the path inside it, or null. */
function featureOf(path) {
  const m = path.match(new RegExp(`^${FEATURES}/([^/]+)(?:/(.*))?$`));
  return m ? { name: m[1], rest: m[2] ?? '' } : null;
}

/** True when `rest` (a path inside a feature folder) names the feature's door, its index.ts. */
function isDoor(rest) {
  return rest === '' || /^index(\.tsx?)?$/.test(rest);
}

/**
 * Renderer layering: a feature reaches another feature only through that feature's `index.ts`,
 * and `renderer/src/components` (the pieces features share) imports no feature at all.
 */
const featureDoors = {
  meta: {
    type: 'problem',
    docs: { description: 'A renderer feature imports another only through its index.ts; components/ import no feature.' },
    schema: [],
    messages: {
      deep: "features/{{from}} reaches into features/{{to}}/{{rest}}: import from features/{{to}} (its index.ts, which exports what other features need), or move the shared piece to renderer/src/components.",
      component: 'renderer/src/components is shared by the features and imports none of them (here features/{{to}}): move the piece down into components/, or pass it in as a prop.',
    },
  },
  create(context) {
    const file = repoPath(context.filename);
    const own = featureOf(file);
    const inComponents = file.startsWith(`${COMPONENTS}/`);
    if (!own && !inComponents) return {};
    const check = (node) => {
      const source = node?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(repoPath(resolve(dirname(context.filename), source)));
      if (!target) return;
      if (inComponents) context.report({ node, messageId: 'component', data: { to: target.name } });
      else if (own && target.name !== own.name && !isDoor(target.rest)) {
        context.report({ node, messageId: 'deep', data: { from: own.name, to: target.name, rest: target.rest } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

// The project's private notes, kept outside the repository: a reader of a clone cannot follow them.
const NOTE_NAMES = ['FACTS', 'BODO-API', 'STYLE', 'TOOLCHAIN'];
const NOTE = new RegExp(`\\b(?:${NOTE_NAMES.join('|')})\\.md\\b`);
// An absolute path into someone's own folders (a home or work folder, or a Windows drive); system
// locations of tools, such as a default binary path, are not citations and pass.
const MACHINE_PATH = /(?:^|[\s("'`])(\/(?:work|home|Users)\/\S*|[A-Za-z]:\\\S+)/;

/** What in `text` points outside the repository: `{ kind: 'note' | 'path', what }`, or null. */
export function outsideReference(text) {
  const note = text.match(NOTE);
  if (note) return { kind: 'note', what: note[0] };
  const path = text.match(MACHINE_PATH);
  return path ? { kind: 'path', what: path[1] } : null;
}

/** Comments cite docs/ or a public source, never notes outside the repository or a machine path. */
const noOutsideNotes = {
  meta: {
    type: 'problem',
    docs: { description: 'Comments cite docs/ or public sources, not notes outside the repository.' },
    schema: [],
    messages: {
      note: '{{what}} is a note outside the repository, which a reader of a clone cannot open: cite docs/aws-facts.md, docs/platform-api.md or docs/contributing.md, or the public source itself.',
      path: '{{what}} is a path on a machine, not in the repository: cite a file in the repository or a public source.',
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const found = outsideReference(comment.value);
          if (found) context.report({ loc: comment.loc, messageId: found.kind, data: { what: found.what } });
        }
      },
    };
  },
};

/** The local plugin: `onramp/feature-doors` and `onramp/no-outside-notes`. */
export default { meta: { name: 'onramp' }, rules: { 'feature-doors': featureDoors, 'no-outside-notes': noOutsideNotes } };
