// Builds the web app when apps/web/dist is missing or older than its sources (web or domain).
// Used by `npm start` and the browser tests, so neither serves a stale interface.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'apps/web/dist/index.html');

function newestModification(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureWebBuild() {
  const isStale =
    !existsSync(builtIndex) ||
    Math.max(newestModification(path.join(root, 'apps/web')), newestModification(path.join(root, 'packages/domain/src'))) >
      statSync(builtIndex).mtimeMs;
  if (!isStale) return;
  console.log('ATMIS: đang dựng giao diện web (lần đầu mất khoảng một phút)…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@atmis/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureWebBuild();
