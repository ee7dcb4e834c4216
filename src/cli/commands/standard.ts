import { Command } from "commander";
import { Dec } from "../../core/decimal";
import { formatEuro, formatNumber } from "../../core/format";
import { PLANNING_NAMES } from "../../core/names";
import {
  BUILT_IN_PROFILE,
  FundingShareTexts,
  ProfileChange,
  profileDiff,
  profileJson,
  shareRatio,
  StandardProfile,
} from "../../core/profile";
import { FIGURE_KEYS, FigureKey, RAHMENSTANDARD } from "../../core/standard";
import { UsageError } from "../errors";
import { addStandardOption, readProfileFile, loadStandard } from "../standardOption";
import { formatTable, TableRow } from "../table";
import { writeFileSafely } from "../xlsx/writeFileSafely";

/**
 * `qm-planer standard`: shows the standard the other commands measure with — the built-in
 * Rahmenstandard or a city's profile (`--standard`) — as a table or as a profile (`--json`),
 * writes it as a profile file (`--export`), or lists what a profile changes (`--diff`).
 */

interface StandardOptions {
  standard?: string;
  json?: boolean;
  export?: string;
  force?: boolean;
  diff?: string;
}

// --- how figures and shares read --------------------------------------------------------------

/** A euro figure with all its decimals: a rate of 0,125 € is not 0,13 €. */
function euro(value: Dec): string {
  return value.decimalPlaces() <= 2 ? formatEuro(value) : `${formatNumber(value, "de", value.decimalPlaces())} €`;
}

/** A figure with its unit, German: "2,50 € je Einwohner und Jahr", "5.000 Einwohner". */
export function figureText(key: FigureKey, value: string): string {
  const v = new Dec(value);
  switch (RAHMENSTANDARD.figures[key].unit) {
    case "VbE":
      return `${formatNumber(v, "de", v.decimalPlaces())} VbE`;
    case "EUR_PER_FTE":
      return `${euro(v)} je VbE und Jahr`;
    case "EUR_PER_RESIDENT":
      return `${euro(v)} je Einwohner und Jahr`;
    case "EUR":
      return `${euro(v)} je Jahr`;
    case "RESIDENTS":
      return `${formatNumber(v, "de", 0)} Einwohner`;
  }
}

/** A share as written, with its percentage: "1/3 (≈ 33,33 %)", "0,4 (40 %)". */
export function shareText(share: string): string {
  const { numerator, denominator } = shareRatio(share);
  const percent = new Dec(numerator.toString()).mul(100).div(denominator.toString());
  const rounded = percent.toDecimalPlaces(2);
  const written = share.includes("/") ? share : formatNumber(share, "de", new Dec(share).decimalPlaces());
  return `${written} (${rounded.eq(percent) ? "" : "≈ "}${formatNumber(rounded, "de", 2)} %)`;
}

/** "2026-01-01" → "01.01.2026". */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}

const SHARES: ReadonlyArray<{ key: keyof FundingShareTexts; name: string; label: string }> = [
  { key: "federal", name: PLANNING_NAMES.shareFederal, label: "Förderanteil Bund" },
  { key: "state", name: PLANNING_NAMES.shareState, label: "Förderanteil Land" },
  { key: "municipal", name: PLANNING_NAMES.shareMunicipal, label: "Förderanteil Gemeinde" },
];

const isBuiltIn = (p: StandardProfile): boolean => p === BUILT_IN_PROFILE;

/** "Rahmenstandard Quartiermanagement, Version 2026.1, gültig ab 01.01.2026" (a profile says so). */
export function standardTitle(p: StandardProfile): string {
  const what = isBuiltIn(p) ? p.name : `Profil „${p.name}“`;
  return `${what}, Version ${p.version}, gültig ab ${germanDate(p.validFrom)}`;
}

/**
 * The table of a standard: every figure with its unit, then the funding shares, each with the
 * defined name formulas use. For a profile, a last column shows the built-in value where it differs.
 */
export function standardTable(p: StandardProfile): string {
  const showBase = !isBuiltIn(p);
  const base = BUILT_IN_PROFILE;
  const baseNote = (differs: boolean, text: string): string => (showBase && differs ? `(Rahmenstandard: ${text})` : "");
  const rows: TableRow[] = [["Kennzahl", "Wert", "Name in Formeln"]];
  for (const key of FIGURE_KEYS) {
    const f = RAHMENSTANDARD.figures[key];
    const differs = !new Dec(p.parameters[key]).eq(base.parameters[key]);
    rows.push([f.name, figureText(key, p.parameters[key]), f.definedName, baseNote(differs, figureText(key, base.parameters[key]))]);
  }
  rows.push([], ["Förderanteil", "Anteil", "Name in Formeln"]);
  for (const s of SHARES) {
    const [a, b] = [shareRatio(p.shares[s.key]), shareRatio(base.shares[s.key])];
    const differs = a.numerator * b.denominator !== b.numerator * a.denominator;
    rows.push([s.label, shareText(p.shares[s.key]), s.name, baseNote(differs, shareText(base.shares[s.key]))]);
  }
  const adapted = showBase ? `\nangepasst aus dem ${RAHMENSTANDARD.name} ${RAHMENSTANDARD.version}` : "";
  return `${standardTitle(p)}${adapted}\n\n${formatTable(rows, ["left", "right", "left", "left"])}\n`;
}

// --- --diff -----------------------------------------------------------------------------------

const FIGURE_BY_NAME = new Map(FIGURE_KEYS.map((k) => [RAHMENSTANDARD.figures[k].definedName, k] as const));

function changeText(change: ProfileChange, which: "builtIn" | "value"): string {
  const key = FIGURE_BY_NAME.get(change.key);
  return key ? figureText(key, change[which]) : shareText(change[which]);
}

export function diffReport(profile: StandardProfile, base: StandardProfile, changes: readonly ProfileChange[]): string {
  const baseName = isBuiltIn(base) ? `dem ${base.name} ${base.version}` : `dem Profil „${base.name}“ ${base.version}`;
  const head = `${standardTitle(profile)}\nÄnderungen gegenüber ${baseName}:`;
  if (changes.length === 0) return `${head}\nkeine – alle Kennzahlen und Förderanteile sind gleich.\n`;
  const rows: TableRow[] = [
    ["Kennzahl", isBuiltIn(base) ? "Rahmenstandard" : "Basis", "Profil", "Name in Formeln"],
    ...changes.map((c) => [c.de, changeText(c, "builtIn"), changeText(c, "value"), c.key]),
  ];
  const count = changes.length === 1 ? "1 Änderung" : `${changes.length} Änderungen`;
  return `${head}\n\n${formatTable(rows, ["left", "right", "right", "left"])}\n\n${count}.\n`;
}

export interface DiffJson {
  profil: { name: string; version: string; gueltig_ab: string };
  basis: { name: string; version: string };
  aenderungen: { name: string; bezeichnung: string; basis: string; profil: string }[];
}

export function diffJson(profile: StandardProfile, base: StandardProfile, changes: readonly ProfileChange[]): DiffJson {
  return {
    profil: { name: profile.name, version: profile.version, gueltig_ab: profile.validFrom },
    basis: { name: base.name, version: base.version },
    aenderungen: changes.map((c) => ({ name: c.key, bezeichnung: c.de, basis: c.builtIn, profil: c.value })),
  };
}

// --- the command ------------------------------------------------------------------------------

const EXAMPLES = `
Beispiele:
  qm-planer standard
  qm-planer standard --json
  qm-planer standard --export stadt.json
  qm-planer standard --diff stadt.json
  qm-planer standard --standard stadt.json
  qm-planer budget --einwohner 12345 --standard stadt.json

Ein Profil ist eine JSON-Datei mit name, version, gueltig_ab (JJJJ-MM-TT), kennzahlen (nach
„Name in Formeln“, z. B. "Projektkosten_je_Einwohner": "2.5") und foerderanteile (Anteil_Bund,
Anteil_Land, Anteil_Gemeinde als "0.4" oder "1/3", zusammen genau 1). Nicht genannte Kennzahlen
behalten den Wert des Rahmenstandards.`;

export function registerStandardCommand(program: Command): void {
  const command = program
    .command("standard")
    .description("Standard anzeigen (eingebaut oder Profil einer Stadt), als Profil exportieren oder vergleichen")
    .option("--json", "den Standard als Profil (JSON) ausgeben")
    .option("--export <profil.json>", "den Standard als Profil-Datei schreiben")
    .option("--force", "mit --export eine vorhandene Datei überschreiben")
    .option("--diff <profil.json>", "auflisten, was ein Profil gegenüber dem Standard ändert");
  addStandardOption(command)
    .addHelpText("after", EXAMPLES)
    .action(async (options: StandardOptions) => {
      if (options.export !== undefined && (options.json || options.diff !== undefined))
        throw new UsageError("--export lässt sich nicht mit --json oder --diff verbinden.");
      if (options.force && options.export === undefined) throw new UsageError("--force gilt nur mit --export.");
      const active = await loadStandard(options.standard);
      if (options.diff !== undefined) {
        const profile = await readProfileFile(options.diff);
        const changes = profileDiff(profile, active);
        process.stdout.write(
          options.json ? JSON.stringify(diffJson(profile, active, changes), null, 2) + "\n" : diffReport(profile, active, changes),
        );
        return;
      }
      const json = JSON.stringify(profileJson(active), null, 2) + "\n";
      if (options.export !== undefined) {
        await writeFileSafely(options.export, async () => Buffer.from(json, "utf8"), options.force === true);
        process.stdout.write(`Profil „${options.export}“ geschrieben: ${standardTitle(active)}.\n`);
        return;
      }
      process.stdout.write(options.json ? json : standardTable(active));
    });
}
