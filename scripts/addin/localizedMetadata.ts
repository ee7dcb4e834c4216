import type { FunctionTranslation } from "../../src/functions/translations";

/**
 * The English custom-function metadata, made from the German `functions.json` (generated from
 * the JSDoc) and the translation table: the same ids, types, options and parameter order; only
 * names and descriptions are English. custom-functions-metadata does not localise.
 */

interface ParameterMetadata {
  name: string;
  description?: string;
  [key: string]: unknown;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [key: string]: unknown;
}

interface Metadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

/** The file name beside functions.json, named by the manifest's English overrides. */
export const ENGLISH_METADATA_FILE = "functions.en.json";

/**
 * Throws one German message listing every mismatch (a function without translation, a
 * translation of no function, a parameter renamed in the JSDoc but not in the table), so the
 * build fails instead of shipping German names to English Excel.
 */
export function englishMetadata(germanJson: string, table: Readonly<Record<string, FunctionTranslation>>): string {
  const metadata = JSON.parse(germanJson) as Metadata;
  const problems: string[] = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`Übersetzung für ${id}, aber keine solche Funktion`);
  const functions = metadata.functions.map((f): FunctionMetadata => {
    const t = table[f.id];
    if (!t) {
      problems.push(`${f.id} hat keine englische Übersetzung`);
      return f;
    }
    const expected = f.parameters.map((p) => p.name).join(", ");
    const translated = t.parameters.map((p) => p.de).join(", ");
    if (expected !== translated) problems.push(`${f.id}: Parameter (${expected}) ≠ Übersetzung (${translated})`);
    return {
      ...f,
      name: t.name,
      description: t.description,
      parameters: f.parameters.map((p, i) => ({ ...p, name: t.parameters[i]?.name ?? p.name, description: t.parameters[i]?.description ?? p.description })),
    };
  });
  if (problems.length > 0) throw new Error(`src/functions/translations.ts passt nicht zu functions.json: ${problems.join("; ")}.`);
  return JSON.stringify({ ...metadata, functions }, null, 4);
}
