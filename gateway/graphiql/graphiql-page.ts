export interface GraphiQLPageOptions {
  title: string;
  endpoint: string;
  assetsPath: string;
  scripts: string[];
  stylesheets: string[];
  defaultQuery: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The GraphiQL page: every script and stylesheet comes from the gateway itself. */
export function renderGraphiQLPage(options: GraphiQLPageOptions): string {
  const href = (name: string) => escapeHtml(`${options.assetsPath}/${name}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
${options.stylesheets.map((name) => `<link rel="stylesheet" href="${href(name)}">`).join('\n')}
<style>html, body { margin: 0; height: 100%; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql" data-endpoint="${escapeHtml(options.endpoint)}" data-default-query="${escapeHtml(options.defaultQuery)}">Loading GraphiQL…</div>
${options.scripts.map((name) => `<script src="${href(name)}"></script>`).join('\n')}
</body>
</html>
`;
}
