// What the browser tests share: one index of the bundled collections (curated and IATI), the real `precedent serve`
// on loopback, two portals on other origins (one the server allows, one it does not), and
// Debian's Chromium driven by playwright-core. Each test file that imports this gets its own, set
// up before its tests and torn down after. A screenshot of each step is kept in
// $PRECEDENT_WEB_ARTIFACTS.

import { before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const binary = process.env.PRECEDENT_BINARY;
const source = process.env.PRECEDENT_SOURCE_DIR;
const artifacts = process.env.PRECEDENT_WEB_ARTIFACTS || join(tmpdir(), "precedent-web-artifacts");
const chromiumPath = process.env.PRECEDENT_CHROMIUM || "/usr/bin/chromium";

let work, server, browser;
export let serverUrl, allowedPortal, refusedPortal, context;

function portalPage(title) {
  return `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:serif} input{border:5px solid red} h3{color:red}</style>
<script src="${serverUrl}/widget.js" defer></script></head>
<body><h1>${title}</h1>
<precedent-search endpoint="${serverUrl}" lang="es" filters="theme:mercury"></precedent-search>
</body></html>`;
}

function startPortal(title) {
  return new Promise((resolve) => {
    const portal = createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(portalPage(title));
    });
    portal.listen(0, "127.0.0.1", () => resolve(portal));
  });
}

function startServer(db, corsOrigin) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["serve", "--db", db, "--port", "0", "--threads", "2", "--cors-origin", corsOrigin],
                        { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (chunk) => {
      log += chunk;
      const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (found && !serverUrl) resolve({ child, url: found[1] });
    });
    child.on("exit", (code) => reject(new Error(`precedent serve exited with ${code}: ${log}`)));
  });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

before(async () => {
  assert.ok(binary, "PRECEDENT_BINARY names the precedent binary");
  mkdirSync(artifacts, { recursive: true });
  work = mkdtempSync(join(tmpdir(), "precedent-web-"));
  execFileSync(binary, ["index", "--db", join(work, "db"), "--quiet", "--translate-summaries", join(source, "corpus", "collection"), join(source, "corpus", "iati")]);
  allowedPortal = await startPortal("Portal permitido");
  refusedPortal = await startPortal("Portal no permitido");
  const allowedOrigin = `http://127.0.0.1:${allowedPortal.address().port}`;
  const started = await startServer(join(work, "db"), allowedOrigin);
  server = started.child;
  serverUrl = started.url;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: serverUrl });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  allowedPortal?.close();
  refusedPortal?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

