import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";
import { InvalidError } from "./errors.js";

describe("configuration", () => {
  it("puts 50 articles in a feed unless the flag or BROADSIDE_FEED_ITEMS says otherwise", () => {
    expect(loadConfig({}, {}).feedItems).toBe(50);
    expect(loadConfig({}, { BROADSIDE_FEED_ITEMS: "20" }).feedItems).toBe(20);
    expect(loadConfig({ "feed-items": "7" }, { BROADSIDE_FEED_ITEMS: "20" }).feedItems).toBe(7);
  });

  it("believes X-Forwarded-For only when BROADSIDE_TRUST_PROXY says so", () => {
    expect(loadConfig({}, {}).trustProxy).toBe(false);
    expect(loadConfig({}, { BROADSIDE_TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(loadConfig({}, { BROADSIDE_TRUST_PROXY: "no" }).trustProxy).toBe(false);
  });

  it("refuses a feed size that is not a whole number from 1 to 1000", () => {
    for (const bad of ["0", "-3", "2.5", "many", "1001", ""]) {
      expect(() => loadConfig({}, { BROADSIDE_FEED_ITEMS: bad }), bad).toThrow(InvalidError);
    }
  });
});
