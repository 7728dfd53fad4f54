import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;
type OutputAsset = Rollup.OutputAsset;

/**
 * Prints what a phone downloads before the first page can draw: the entry chunk, every
 * chunk it imports statically (not the lazy pages), and the CSS they pull in, gzipped as a
 * server would send them. The build prints the figure and fails over budget, so a regression
 * is stopped where it is made. `FIRST_LOAD_DETAIL=1` also lists which packages fill it.
 *
 * The gate is issue 19's goal: 150 kB of JavaScript per app. Only the default language's
 * dictionary is in it (English loads on demand, `dictionaryPerLanguage` below; decision 025).
 */
export const FIRST_LOAD_GOAL_KB = 150;
export function firstLoadReport(app: string, budgetKb = FIRST_LOAD_GOAL_KB): Plugin {
  return {
    name: 'siklus-first-load',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, OutputChunk>();
      const assets = new Map<string, OutputAsset>();
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks.set(item.fileName, item);
        else assets.set(item.fileName, item);
      }
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const css = new Set<string>();
      const visit = (chunk: OutputChunk) => {
        if (seen.has(chunk.fileName)) return;
        seen.add(chunk.fileName);
        for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
        for (const file of chunk.imports) {
          const next = chunks.get(file);
          if (next) visit(next);
        }
      };
      visit(entry);
      const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;
      const js = [...seen].reduce((sum, file) => sum + gz(chunks.get(file)?.code ?? ''), 0);
      const styles = [...css].reduce((sum, file) => sum + gz(assets.get(file)?.source ?? ''), 0);
      const kb = (bytes: number) => (bytes / 1000).toFixed(1);
      const total = js + styles;
      // The budget is issue 19's: the JavaScript a phone must fetch and parse before the
      // first page can draw. The CSS is printed beside it.
      const within = js <= budgetKb * 1000;
      if (process.env.FIRST_LOAD_DETAIL) {
        // Which packages fill the first load (rendered size before minification's gzip).
        const byPackage = new Map<string, number>();
        for (const file of seen) {
          for (const [id, m] of Object.entries(chunks.get(file)?.modules ?? {})) {
            const key =
              id.match(
                /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/,
              )?.[1] ??
              id
                .replace(/.*\/(packages|apps)\//, '$1/')
                .split('/')
                .slice(0, 3)
                .join('/');
            byPackage.set(key, (byPackage.get(key) ?? 0) + m.renderedLength);
          }
        }
        for (const [key, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
          process.stdout.write(`  ${kb(size).padStart(8)} kB  ${key}\n`);
        }
      }
      process.stdout.write(
        `${app} first load: ${kb(js)} kB of JavaScript gzipped in ${seen.size} chunk(s), ${within ? 'within' : 'OVER'} the ${budgetKb} kB gate (issue 19's goal: ${FIRST_LOAD_GOAL_KB} kB, ${js <= FIRST_LOAD_GOAL_KB * 1000 ? 'met' : 'not met'}); with CSS ${kb(styles)} kB, ${kb(total)} kB\n`,
      );
      if (!within) {
        this.error(
          `${app}: first-load JavaScript ${kb(js)} kB gzipped is over the ${budgetKb} kB budget (issue 19). Load the page that grew lazily (lazyRoute) or find what pulled a library into the entry (FIRST_LOAD_DETAIL=1 pnpm build).`,
        );
      }
    },
  };
}

/**
 * Libraries that do not say they are free of side effects are kept whole by the bundler
 * even when an app uses a tenth of them. These are known to be pure at module level (no
 * globals patched, no polyfills), so unused modules go: tRPC's client keeps its WebSocket
 * link out of a bundle that only speaks HTTP. Our own packages say so in package.json.
 */
const PURE_PACKAGES = ['/node_modules/@trpc/'];

export function pureLibraries(): Plugin {
  return {
    name: 'siklus-pure-libraries',
    apply: 'build',
    config: () => ({
      build: {
        rollupOptions: {
          treeshake: {
            moduleSideEffects: (id: string) => !PURE_PACKAGES.some((p) => id.includes(p)),
          },
        },
      },
    }),
  };
}

/**
 * Each area of the dictionary (`packages/ui/src/i18n/areas/*.ts`) keeps its Indonesian and
 * English halves side by side, so a key is added in one file. Indonesian is in the first
 * load (`id.ts`); English loads on demand (`import('./en')` in i18n.tsx). A bundler places a
 * module whole in one chunk, so an area imported by both would bring its English half into
 * the first load. Here `en.ts`'s imports of an area resolve to a copy of it (the same file,
 * a different module id), which goes with English's chunk; each copy keeps only the half
 * its importer uses.
 */
const EN_COPY = '?siklus-lang=en';
export function dictionaryPerLanguage(): Plugin {
  return {
    name: 'siklus-dictionary-per-language',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer?.endsWith('/i18n/en.ts') || !source.startsWith('./areas/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? `${resolved.id}${EN_COPY}` : null;
    },
    async load(id) {
      if (!id.endsWith(EN_COPY)) return null;
      const file = id.slice(0, -EN_COPY.length);
      return { code: await readFile(file, 'utf8'), moduleType: 'ts' };
    },
  };
}
