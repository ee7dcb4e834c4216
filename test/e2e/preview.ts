/**
 * Serving the browser preview for the end-to-end tests and the benchmark: a development build
 * of the add-in with its preview page (built once and reused while no source changed), a small
 * static server on a free port, and Debian's Chromium driven by playwright-core — never a
 * downloaded browser.
 */
import { execFileSync } from "child_process";
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { createServer } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { extname, join, normalize, resolve, sep } from "path";
import { BrowserContext, chromium } from "playwright-core";

const ROOT = resolve(__dirname, "../..");
export const PREVIEW_DIR = join(ROOT, "test-output", "preview");
const STAMP = join(PREVIEW_DIR, ".built");

export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function newestChange(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function withoutJestWorker(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.JEST_WORKER_ID;
  return env;
}

/** Builds the preview unless a build newer than every source exists. Returns its folder. */
export function buildPreview(): string {
  const sources = Math.max(
    newestChange(join(ROOT, "src")),
    newestChange(join(ROOT, "webpack.config.js")),
    newestChange(join(ROOT, "package-lock.json")),
  );
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs > sources) return PREVIEW_DIR;
  rmSync(PREVIEW_DIR, { recursive: true, force: true });
  // Development mode is the one that builds the preview page (the production build must not).
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "development", "--no-devtool", "--output-path", PREVIEW_DIR],
    // Without jest's JEST_WORKER_ID: webpack.config.js takes it to mean "loaded by a test" and
    // would then require its TypeScript build steps without tsx (a SyntaxError in the child).
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: withoutJestWorker() },
  );
  writeFileSync(STAMP, new Date().toISOString());
  return PREVIEW_DIR;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 and a free port. Unknown paths get 404; nothing outside `dir` is served. */
export function serveStatic(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, removed again on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "qm-planer-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: "de-DE",
    // Fluent's tab indicator slides: without motion, screenshots never catch it half way.
    reducedMotion: "reduce",
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
