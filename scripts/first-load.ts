import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;
type OutputAsset = Rollup.OutputAsset;

/**
 * Prints what a phone downloads before the first page can draw: the entry chunk, every
 * chunk it imports statically (not the lazy pages), and the CSS they pull in, gzipped as a
 * server would send them. Issue 19 sets the budget at 150 kB per app; the build prints the
 * figure and the budget so a regression is seen where it is made.
 */
export function firstLoadReport(app: string, budgetKb = 150): Plugin {
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
      const verdict = total <= budgetKb * 1000 ? 'within' : 'OVER';
      process.stdout.write(
        `${app} first load: ${kb(total)} kB gzipped (${seen.size} JS chunks ${kb(js)} kB, CSS ${kb(styles)} kB); ${verdict} the ${budgetKb} kB budget\n`,
      );
    },
  };
}
