import { describe, expect, it } from "vitest";
import { launchChromium } from "./chromium";

describe("headless chromium", () => {
  it("starts and evaluates float64 arithmetic in a page", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent("<p>nabla</p>");
      expect(await page.evaluate(() => 0.1 + 0.2)).toBe(0.30000000000000004);
      expect(await page.textContent("p")).toBe("nabla");
    } finally {
      await browser.close();
    }
  });
});
