import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

export interface StaticAsset {
  contentType: string;
  /** Versioned assets never change under their name and are cached for a year. */
  immutable: boolean;
  body(): Promise<Buffer>;
  gzipped(): Promise<Buffer>;
}

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= make().catch((error: unknown) => {
      value = undefined;
      throw error;
    });
    return value;
  };
}

function asset(contentType: string, immutable: boolean, load: () => Promise<Buffer>): StaticAsset {
  const body = memo(load);
  return { contentType, immutable, body, gzipped: memo(async () => gzipAsync(await body())) };
}

function packageFile(pkg: string, file: string): { name: string; path: string } {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = require(manifest) as { version: string };
  return { name: `${pkg}@${version}/${file.split('/').pop()}`, path: join(dirname(manifest), file) };
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

// Runs in the browser: mounts GraphiQL on the page's container, querying the endpoint it names.
const INIT_SCRIPT = `(function () {
  var container = document.getElementById('graphiql');
  var endpoint = new URL(container.getAttribute('data-endpoint'), window.location.href).href;
  var fetcher = GraphiQL.createFetcher({ url: endpoint });
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: container.getAttribute('data-default-query') || undefined,
    }),
  );
})();
`;

/**
 * GraphiQL's UMD bundle, its stylesheet and React 18's UMD builds, read from node_modules (so the
 * page works with no internet), plus the small script that mounts GraphiQL. Keys are the names
 * under the assets route; package names carry their version so caches can keep them forever.
 */
export function graphiqlAssets(): { assets: Map<string, StaticAsset>; scripts: string[]; stylesheets: string[] } {
  const files = [
    { ...packageFile('react', 'umd/react.production.min.js'), contentType: JS },
    { ...packageFile('react-dom', 'umd/react-dom.production.min.js'), contentType: JS },
    { ...packageFile('graphiql', 'graphiql.min.js'), contentType: JS },
    { ...packageFile('graphiql', 'graphiql.min.css'), contentType: CSS },
  ];
  const assets = new Map<string, StaticAsset>();
  for (const file of files) assets.set(file.name, asset(file.contentType, true, () => readFile(file.path)));
  assets.set('graphiql-init.js', asset(JS, false, async () => Buffer.from(INIT_SCRIPT)));
  return {
    assets,
    scripts: [...files.filter((f) => f.contentType === JS).map((f) => f.name), 'graphiql-init.js'],
    stylesheets: files.filter((f) => f.contentType === CSS).map((f) => f.name),
  };
}
