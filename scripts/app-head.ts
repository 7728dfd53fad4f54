import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The brand mark, one file for both apps (and anything else that shows it). */
const ICON = readFileSync(new URL('../packages/ui/brand/icon.svg', import.meta.url), 'utf8').trim();

/**
 * The head and the no-script line both apps share, written once: each app's index.html keeps
 * only what is its own (title, description). Vite injects these tags into the page it builds
 * and into the one it serves in development.
 */
export function appHead(): Plugin {
  return {
    name: 'siklus-app-head',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { charset: 'UTF-8' }, injectTo: 'head-prepend' },
      {
        tag: 'meta',
        attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' },
        injectTo: 'head-prepend',
      },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#134e4a' }, injectTo: 'head' },
      {
        tag: 'link',
        attrs: {
          rel: 'icon',
          type: 'image/svg+xml',
          href: `data:image/svg+xml,${encodeURIComponent(ICON)}`,
        },
        injectTo: 'head',
      },
      {
        tag: 'noscript',
        children: 'Siklus memerlukan JavaScript. / Siklus needs JavaScript.',
        injectTo: 'body',
      },
    ],
  };
}
