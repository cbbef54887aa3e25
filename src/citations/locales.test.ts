import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findLocale, listLocales, resolveLocale } from "./locales.js";

describe("locales", () => {
  it("maps a language to the locale shipped for it, and anything unknown to en-US", () => {
    expect(resolveLocale("de")).toBe("de-DE");
    expect(resolveLocale("fr")).toBe("fr-FR");
    expect(resolveLocale("en")).toBe("en-US");
    expect(resolveLocale("nl-NL")).toBe("nl-NL");
    expect(resolveLocale("de-AT")).toBe("de-DE");
    expect(resolveLocale("ru")).toBe("en-US");
    expect(resolveLocale(undefined)).toBe("en-US");
    expect(resolveLocale("../../etc/passwd")).toBe("en-US");
  });

  it("ships five locales", () => {
    expect(listLocales()).toEqual(["de-DE", "en-US", "es-ES", "fr-FR", "nl-NL"]);
    expect(findLocale("de-DE")).toContain('xml:lang="de-DE"');
  });

  it("adds the locales of an operator's folder, which win over the shipped ones", () => {
    const folder = mkdtempSync(join(tmpdir(), "broadside-locales-"));
    writeFileSync(join(folder, "locales-ru-RU.xml"), '<locale xml:lang="ru-RU"/>');
    writeFileSync(join(folder, "locales-pt-BR.xml"), '<locale xml:lang="pt-BR"/>');
    writeFileSync(join(folder, "locales-de-DE.xml"), '<locale xml:lang="de-DE">ours</locale>');
    expect(resolveLocale("ru", folder)).toBe("ru-RU");
    expect(resolveLocale("pt", folder)).toBe("pt-BR");
    expect(findLocale("de-DE", folder)).toContain("ours");
    expect(findLocale("../de-DE", folder)).toBeUndefined();
    expect(listLocales(folder)).toContain("pt-BR");
  });
});
