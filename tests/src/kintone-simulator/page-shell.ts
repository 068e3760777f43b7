/** Scripts every simulated kintone page loads first, in this order, before any plug-in file. */
export const RUNTIME_SCRIPTS = [
  'sim-core.js',
  'kintone-api.js',
  'record-form.js',
  'screen-kit.js',
  'record-screens.js',
  'list-screen.js',
  'page-start.js',
];

export interface PluginAssets {
  pluginId: string;
  css: string[];
  js: string[];
}

export interface PageShell {
  title: string;
  mobile: boolean;
  /** Serialised into `window.__kintoneSimPage` for the browser runtime. */
  context: unknown;
  main: string;
  plugin?: PluginAssets;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that is safe inside an inline `<script>` (no `</script>` or `<!--` can close it). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A kintone-like page. Plug-in files come after the simulator's runtime, in manifest order, and
 * `kintone.$PLUGIN_ID` is set right before each plug-in script runs, because kintone reassigns it per plug-in.
 * Class names are the simulator's own (`sim-*`); kintone's internal classes are deliberately absent.
 */
export function renderPage(shell: PageShell): string {
  const pluginCss = (shell.plugin?.css ?? []).map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`);
  const pluginJs = (shell.plugin?.js ?? []).map(
    (src) =>
      `<script>kintone.$PLUGIN_ID = ${scriptJson(shell.plugin?.pluginId)};</script>\n<script src="${escapeHtml(src)}"></script>`,
  );
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(shell.title)}</title>
<link rel="stylesheet" href="/__sim/static/sim.css">
${pluginCss.join('\n')}
</head>
<body class="sim-body ${shell.mobile ? 'sim-mobile' : 'sim-desktop'}">
<header class="sim-header"><span class="sim-brand">kintone simulator</span><span class="sim-title">${escapeHtml(shell.title)}</span></header>
<div class="sim-notification-slot" id="sim-notification-slot"></div>
<main class="sim-main" id="sim-main">
${shell.main}
</main>
<script>window.__kintoneSimPage = ${scriptJson(shell.context)};</script>
${RUNTIME_SCRIPTS.map((name) => `<script src="/__sim/static/${name}"></script>`).join('\n')}
${pluginJs.join('\n')}
</body>
</html>
`;
}
