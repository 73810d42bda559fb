/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: no port is opened),
 * to see a page as a person does: its visible text, what it logged as an error, and every network request it made.
 * Tests skip with a line when no chromium is installed (Debian: `apt-get install chromium`; `.ci/run` installs it).
 * @see https://chromedevtools.github.io/devtools-protocol/
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable, Writable } from "node:stream";

/** The chromium binary: `$CHROMIUM`, else the first of Debian's names found on PATH. */
export function findChromium(): string | undefined {
  const candidates = [process.env["CHROMIUM"], "chromium", "chromium-browser", "google-chrome"].filter((c): c is string => c !== undefined && c !== "");
  for (const c of candidates) {
    const r = spawnSync(c, ["--version"], { encoding: "utf8", timeout: 20_000 });
    if (r.status === 0) return c;
  }
  return undefined;
}

export const SKIP_LINE = "chromium not found (apt-get install chromium, or set CHROMIUM): skipping the browser checks";

export interface PageView {
  /** `document.body.innerText`: what a person reads. */
  readonly text: string;
  /** Console errors, uncaught exceptions and browser log errors (CSP violations, failed loads). */
  readonly errors: readonly string[];
  /** URLs of every request the page made, the page itself excepted. */
  readonly requests: readonly string[];
  /** Values of the expressions asked for, by name. */
  readonly values: Readonly<Record<string, unknown>>;
}

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, any>;
  readonly result?: Record<string, any>;
  readonly error?: { message: string };
  readonly sessionId?: string;
}

/** Opens `url`, waits for load, evaluates `expressions`, saves a full-page PNG to `screenshot` when given. */
export async function viewPage(chromium: string, url: string, options: { screenshot?: string; expressions?: Record<string, string>; width?: number } = {}): Promise<PageView> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-chromium-"));
  const child = spawn(
    chromium,
    ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`, "--remote-debugging-pipe", "about:blank"],
    { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
  );
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  try {
    return await drive(child, url, options);
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    // Chromium's helper processes (renderer, GPU, crashpad) can still be writing to the profile for a moment after
    // the browser process exits: retry the removal, and never fail a test over cleaning its own temp folder.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch {
      // Left under the system temp folder; the assertions above are what the test is about.
    }
  }
}

async function drive(child: ChildProcess, url: string, options: { screenshot?: string; expressions?: Record<string, string>; width?: number }): Promise<PageView> {
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners: ((m: Message) => void)[] = [];
  let buffer = "";
  output.setEncoding("utf8");
  output.on("data", (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf("\0"); end >= 0; end = buffer.indexOf("\0")) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined && pending.has(message.id)) {
        const p = pending.get(message.id)!;
        pending.delete(message.id);
        if (message.error !== undefined) p.reject(new Error(message.error.message));
        else p.resolve(message);
      } else for (const l of listeners) l(message);
    }
  });
  child.once("exit", () => {
    for (const p of pending.values()) p.reject(new Error("chromium exited"));
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Message> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId !== undefined ? { sessionId } : {}) })}\0`);
    });

  const { result: created } = await send("Target.createTarget", { url: "about:blank" });
  const { result: attached } = await send("Target.attachToTarget", { targetId: created!["targetId"], flatten: true });
  const session = attached!["sessionId"] as string;
  const errors: string[] = [];
  const requests: string[] = [];
  let loaded!: () => void;
  const load = new Promise<void>((r) => (loaded = r));
  listeners.push((m) => {
    if (m.sessionId !== session || m.params === undefined) return;
    const p = m.params;
    if (m.method === "Runtime.consoleAPICalled" && (p["type"] === "error" || p["type"] === "assert")) errors.push(`console: ${JSON.stringify(p["args"])}`);
    if (m.method === "Runtime.exceptionThrown") errors.push(`exception: ${JSON.stringify(p["exceptionDetails"])}`);
    if (m.method === "Log.entryAdded" && p["entry"]?.level === "error") errors.push(`log: ${p["entry"].text} ${p["entry"].url ?? ""}`);
    if (m.method === "Network.requestWillBeSent" && p["request"]?.url !== url) requests.push(String(p["request"]?.url));
    if (m.method === "Page.loadEventFired") loaded();
  });
  for (const domain of ["Runtime", "Log", "Network", "Page"]) await send(`${domain}.enable`, {}, session);
  await send("Emulation.setDeviceMetricsOverride", { width: options.width ?? 1200, height: 900, deviceScaleFactor: 1, mobile: false }, session);
  await send("Page.navigate", { url }, session);
  await load;
  // Late console messages and requests (none are expected) arrive within a few event-loop turns.
  await new Promise((r) => setTimeout(r, 300));
  const evaluate = async (expression: string): Promise<unknown> => {
    const { result } = await send("Runtime.evaluate", { expression, returnByValue: true }, session);
    return (result!["result"] as { value?: unknown }).value;
  };
  const text = String(await evaluate("document.body.innerText"));
  if (options.screenshot !== undefined) {
    const { result } = await send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true }, session);
    writeFileSync(options.screenshot, Buffer.from(String(result!["data"]), "base64"));
  }
  // After the screenshot: an expression may change the page (typing into the filter).
  const values: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(options.expressions ?? {})) values[name] = await evaluate(expression);
  await send("Browser.close").catch(() => undefined);
  return { text, errors, requests, values };
}
