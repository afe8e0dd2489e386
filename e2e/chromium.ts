/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` package (installed by
 * .ci/run), driven by playwright-core, which cannot download a browser of its own here.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

/** Starts headless Chromium (playwright gives it a fresh profile); fails with the install command if missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: install Debian's package (sudo apt-get install -y chromium, as .ci/run does)`,
    );
  }
  // The closed network here refuses Chromium's background connections; these flags stop them.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
