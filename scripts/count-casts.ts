/**
 * Counts the `as` casts (and `<T>x` assertions) in non-test TypeScript: every .ts/.tsx under
 * apps/*\/src and packages/*\/src that is not a test (`*.test.ts(x)`, `*.spec.ts`), a test
 * helper (`testing/`), a bench or a fixture. `as const` is not a cast and is not counted.
 * Prints one line per cast, then the count and how many are `as unknown as`.
 * Use: pnpm exec tsx scripts/count-casts.ts [--quiet]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const isTestish = (path: string) =>
  /\.(test|spec)\.tsx?$/.test(path) ||
  /(^|\/)(testing|bench|e2e)\//.test(path) ||
  /fixture/.test(path);

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

const roots = ['apps', 'packages'].flatMap((top) =>
  readdirSync(join(root, top))
    .map((name) => join(root, top, name, 'src'))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory()),
);

type Cast = { file: string; line: number; text: string; doubled: boolean };
const casts: Cast[] = [];
for (const dir of roots) {
  for (const path of sourceFiles(dir)) {
    const file = relative(root, path);
    if (isTestish(file)) continue;
    const source = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node: ts.Node) => {
      if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
        const isConst = ts.isConstTypeReference(node.type);
        if (!isConst) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          const inner = node.expression;
          const doubled =
            (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) &&
            inner.type.kind === ts.SyntaxKind.UnknownKeyword;
          casts.push({ file, line: line + 1, text: `as ${node.type.getText(source)}`, doubled });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

if (!process.argv.includes('--quiet')) {
  for (const c of casts) console.log(`${c.file}:${c.line}  ${c.text}`);
}
// `x as unknown as T` is two AsExpressions; it counts as two casts and once here.
console.log(`casts in non-test code: ${casts.length}`);
console.log(`as unknown as: ${casts.filter((c) => c.doubled).length}`);
