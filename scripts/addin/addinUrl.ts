/**
 * The address the add-in is served from: `ADDIN_URL` for a deployable build, otherwise the
 * development server that sideloading uses. Every URL of the manifest starts with it.
 */

/** The development server (`npm start`, `webpack serve`); manifest.xml is written for it. */
export const DEV_BASE_URL = "https://localhost:3000/";

/** Why an `ADDIN_URL` cannot be used; the message is the one line the build prints. */
export class AddinUrlError extends Error {}

const EXAMPLE = "z. B. ADDIN_URL=https://addins.stadt.example/qm-planer";

/**
 * The base URL, ending in "/": `DEV_BASE_URL` when `raw` is unset or empty. Throws an
 * `AddinUrlError` for anything Office would not load or the manifest could not hold: no https,
 * credentials, a query or fragment (the manifest appends file names), spaces or quotes.
 */
export function addinBaseUrl(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === "") return DEV_BASE_URL;
  const text = raw.trim();
  const refuse = (why: string): never => {
    throw new AddinUrlError(`ADDIN_URL „${text}“ ist nicht verwendbar: ${why} (${EXAMPLE}).`);
  };
  if (/[\s"'<>&\\]/.test(text)) refuse("Leerzeichen, Anführungszeichen und <>&\\ sind in der Adresse nicht erlaubt");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse("keine vollständige Adresse");
  }
  if (url.protocol !== "https:") refuse("Office lädt Add-ins nur über HTTPS, die Adresse muss mit https:// beginnen");
  if (url.hostname === "") refuse("der Servername fehlt");
  if (url.username !== "" || url.password !== "") refuse("Benutzername und Kennwort gehören nicht in die Adresse");
  if (url.search !== "" || url.hash !== "" || text.includes("?") || text.includes("#")) refuse("die Adresse darf kein ? und kein # enthalten");
  const path = url.pathname.endsWith("/") ? url.pathname : url.pathname + "/";
  return `${url.origin}${path}`;
}
