// Bundles the studio page with esbuild: src/main.jsx (React, @xyflow/react, socket.io-client, all
// pinned by package-lock.json) into OUT/assets/main.js and main.css, plus OUT/index.html.
// Usage: node build.mjs OUT
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUT');
  process.exit(64);
}
mkdirSync(join(out, 'assets'), { recursive: true });
await build({
  entryPoints: ['src/main.jsx'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  loader: { '.js': 'jsx' },
  define: { 'process.env.NODE_ENV': '"production"' },
  outdir: join(out, 'assets'),
  entryNames: 'main',
  logLevel: 'warning',
});
writeFileSync(join(out, 'index.html'), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:">
<title>pulseio studio</title>
<link rel="stylesheet" href="/assets/main.css">
</head>
<body>
<div id="root"></div>
<script type="module" src="/assets/main.js"></script>
</body>
</html>
`);
console.log('studio page built into ' + out);
