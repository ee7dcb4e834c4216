import { DEV_BASE_URL } from "./addinUrl";

/**
 * manifest.xml is written for the development server; a deployable build replaces that address
 * everywhere (icons, pages, scripts, metadata) by the build's base URL. Nothing else changes:
 * the add-in keeps its id, so Office sees one add-in, whichever server it comes from.
 */
export function manifestFor(source: string, baseUrl: string): string {
  if (!source.includes(DEV_BASE_URL)) throw new Error(`manifest.xml enthält die Adresse ${DEV_BASE_URL} nicht; die Adressen lassen sich nicht ersetzen.`);
  const rebased = source.split(DEV_BASE_URL).join(baseUrl);
  if (baseUrl !== DEV_BASE_URL && /localhost/i.test(rebased)) {
    throw new Error("manifest.xml enthält nach dem Ersetzen noch „localhost“ (eine Adresse in anderer Schreibweise als https://localhost:3000/).");
  }
  return rebased;
}
