import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DESKTOP_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = join(DESKTOP_DIR, '..', '..');
export const SERVER_DIR = join(REPO_ROOT, 'apps', 'server');
export const SERVER_ENTRY = join(SERVER_DIR, 'dist', 'main.js');
export const RENDERER_OUT_DIR = join(DESKTOP_DIR, 'out', 'renderer');
