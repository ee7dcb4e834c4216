/**
 * The workbook's own Parameter sheet, checked against the standard — the built-in one or the
 * city profile the check was given (`CheckOptions.profile`). Plans are always measured
 * against the standard's figures — that is what a budget office checks them against — so a
 * figure lowered on the Parameter sheet cannot make a plan pass; each figure that differs is
 * a finding of its own: a Verstoß when it demands less than the standard, a Hinweis when it
 * demands more. The planning assumptions the template escalates the pay with (Tarifsteigerung,
 * Basisjahr) are the workbook's own and are applied, as the template's Richtwerte do.
 */
import { Dec } from "../decimal";
import { formatNumber } from "../format";
import { SHEETS } from "../names";
import type { ReadResult, ShareKey, WorkbookPlan } from "../plan";
import { detailOf } from "../read/cells";
import { nameOf } from "../read/fields";
import { joined, say, Texts, Wording } from "../read/texts";
import { BUILT_IN_PROFILE, shareRatio, StandardProfile } from "../profile";
import { FIGURE_KEYS, FigureKey, FigureUnit, RAHMENSTANDARD } from "../standard";
import { eur, formatQuantity, residents, vbe } from "./quantity";
import type { Finding, Quantity, Severity } from "./types";

export const PARAMETER_DEVIATION = "parameter.abweichung";

/**
 * Which way a figure demands more. Every figure of the standard is a minimum (a rate, an
 * amount, a number of VbE, the resident count below which the Verfügungsfonds minimum holds),
 * so a higher value demands more; a new figure has to say so here.
 */
const DEMANDS_MORE_WHEN: Readonly<Record<FigureKey, "higher" | "lower">> = {
  minFte: "higher",
  salaryPerFte: "higher",
  materialCostPerFte: "higher",
  projectCostPerResident: "higher",
  projectCostMinimum: "higher",
  dispositionFundPerResident: "higher",
  dispositionFundMinimum: "higher",
  dispositionFundMinimumBelowResidents: "higher",
};

const QUANTITY_OF_UNIT: Readonly<Record<FigureUnit, (amount: Dec) => Quantity>> = {
  VbE: vbe,
  EUR_PER_FTE: eur,
  EUR_PER_RESIDENT: eur,
  EUR: eur,
  RESIDENTS: residents,
};

/**
 * What the plan is measured against, in the cases the sentences need: the built-in standard
 * ("der Standard") or a city's profile of it ("das Profil „Stadt X“").
 */
interface Against {
  /** `nominative` names it the first time, `short` the second ("als das Profil verlangt"). */
  de: { nominative: string; short: string; genitive: string };
  en: { subject: string; value: string };
}

function againstOf(profile: StandardProfile): Against {
  if (profile === BUILT_IN_PROFILE) return { de: { nominative: "der Standard", short: "der Standard", genitive: "des Standards" }, en: { subject: "the standard", value: "the standard's value" } };
  return { de: { nominative: `das Profil „${profile.name}“`, short: "das Profil", genitive: "des Profils" }, en: { subject: `the profile "${profile.name}"`, value: "the profile's value" } };
}

const TEXT = {
  deviation: {
    de: (a) =>
      `Parameter „${a.figure.de}“: Die Arbeitsmappe setzt ${formatQuantity(a.ist, "de")}, ${a.against.de.nominative} ${formatQuantity(a.soll, "de")} – ` +
      `${a.lessDemanding ? "weniger" : "mehr"}, als ${a.against.de.short} verlangt. Geprüft wird mit dem Wert ${a.against.de.genitive}.`,
    en: (a) =>
      `Parameter "${a.figure.en}": the workbook sets ${formatQuantity(a.ist, "en")}, ${a.against.en.subject} ${formatQuantity(a.soll, "en")} – ` +
      `${a.lessDemanding ? "less" : "more"} than ${a.against.en.subject} requires. Checked with ${a.against.en.value}.`,
  } as Wording<{ figure: Texts; soll: Quantity; ist: Quantity; lessDemanding: boolean; against: Against }>,
  standardUsed: {
    de: (a) => `Geprüft wird mit dem Wert ${a.against.de.genitive} (${formatNumber(a.value)}).`,
    en: (a) => `Checked with ${a.against.en.value} (${formatNumber(a.value, "en")}).`,
  } as Wording<{ value: string; against: Against }>,
  noTariffIncrease: {
    de: "Die Personalkosten werden ohne Tarifsteigerung geprüft.",
    en: "Staff costs are checked without a tariff increase.",
  } as Texts,
  sharesUnchecked: {
    de: "Dieser Förderanteil wird nicht mit dem Standard verglichen.",
    en: "This funding share is not compared with the standard.",
  } as Texts,
  firstPlanYear: {
    de: "Die Tarifsteigerung zählt ab dem ersten Planjahr jedes Quartiers.",
    en: "The tariff increase counts from each Quartier's first plan year.",
  } as Texts,
};

function finding(regel: string, schwere: Severity, message: Texts, soll: Quantity | null, ist: Quantity | null, read: ReadResult<unknown>): Finding {
  return { regel, schwere, quartier: SHEETS.parameters, jahr: null, meldung: message.de, messageEn: message.en, soll, ist, zelle: read.cell ?? null };
}

/** An unreadable figure or assumption: its `eingabe.*` finding, with what the check does instead. */
function unreadable(read: ReadResult<unknown>, schwere: Severity, instead: Texts): Finding[] {
  return read.ok ? [] : [finding(`eingabe.${read.problem}`, schwere, joined(detailOf(read), instead), null, null, read)];
}

function figureFindings(key: FigureKey, read: ReadResult<Dec>, profile: StandardProfile): Finding[] {
  const figure = RAHMENSTANDARD.figures[key];
  const against = againstOf(profile);
  // The standard's own value is what is checked with: an unreadable copy of it changes nothing.
  if (!read.ok) return unreadable(read, "hinweis", say(TEXT.standardUsed, { value: profile.parameters[key], against }));
  const standard = new Dec(profile.parameters[key]);
  if (read.value.eq(standard)) return [];
  const lessDemanding = DEMANDS_MORE_WHEN[key] === "higher" ? read.value.lt(standard) : read.value.gt(standard);
  const quantity = QUANTITY_OF_UNIT[figure.unit];
  const soll = quantity(standard);
  const ist = quantity(read.value);
  return [
    finding(PARAMETER_DEVIATION, lessDemanding ? "verstoss" : "hinweis", say(TEXT.deviation, { figure: nameOf(figure), soll, ist, lessDemanding, against }), soll, ist, read),
  ];
}

const SHARE_NAMES: Readonly<Record<ShareKey, Texts>> = {
  federal: { de: "Förderanteil Bund", en: "Federal funding share" },
  state: { de: "Förderanteil Land", en: "State funding share" },
  municipal: { de: "Förderanteil Gemeinde", en: "Municipal funding share" },
};

const SHARE_DEVIATION: Wording<{ share: Texts; ist: Dec; soll: Dec; against: Against }> = {
  de: (a) =>
    `${a.share.de}: Die Arbeitsmappe setzt ${formatNumber(a.ist.mul(100), "de", 4)} %, ${a.against.de.nominative} ${formatNumber(a.soll.mul(100), "de", 4)} %. ` +
    "Die Anteile ändern keine Mindestbeträge, wohl aber, wer was zahlt.",
  en: (a) =>
    `${a.share.en}: the workbook sets ${formatNumber(a.ist.mul(100), "en", 4)} %, ${a.against.en.subject} ${formatNumber(a.soll.mul(100), "en", 4)} %. ` +
    "The shares change no minimum, but who pays what.",
};

/**
 * A funding share the workbook sets otherwise than the standard or profile: a Hinweis (a share
 * lowers no minimum). A cell holds 1/3 as 0,333333333333333, so shares within half a
 * millionth count as the same — the Parameter sheet's own check rounds the sum to 6 places.
 */
function shareFindings(plan: WorkbookPlan, profile: StandardProfile): Finding[] {
  const against = againstOf(profile);
  const tolerance = new Dec("0.0000005");
  return (Object.keys(SHARE_NAMES) as ShareKey[]).flatMap((key) => {
    const read = plan.shares?.[key];
    if (!read || !read.ok) return read ? unreadable(read, "hinweis", TEXT.sharesUnchecked) : [];
    const ratio = shareRatio(profile.shares[key]);
    const soll = new Dec(ratio.numerator.toString()).div(ratio.denominator.toString());
    if (read.value.minus(soll).abs().lte(tolerance)) return [];
    return [finding(PARAMETER_DEVIATION, "hinweis", say(SHARE_DEVIATION, { share: SHARE_NAMES[key], ist: read.value, soll, against }), null, null, read)];
  });
}

/** The findings about the workbook's Parameter sheet, reported under the pseudo-Quartier "Parameter". */
export function parameterFindings(plan: WorkbookPlan, profile: StandardProfile = BUILT_IN_PROFILE): Finding[] {
  const found = FIGURE_KEYS.flatMap((key) => {
    const read = plan.parameters[key];
    return read ? figureFindings(key, read, profile) : [];
  });
  // Without a readable increase the pay can only be checked without one: a lower bound, so never "erfüllt" because of it.
  if (plan.tariffIncrease) found.push(...unreadable(plan.tariffIncrease, "verstoss", TEXT.noTariffIncrease));
  if (plan.baseYear) {
    const escalates = !(plan.tariffIncrease === undefined || (plan.tariffIncrease.ok && plan.tariffIncrease.value.isZero()));
    found.push(...unreadable(plan.baseYear, escalates ? "verstoss" : "hinweis", TEXT.firstPlanYear));
  }
  found.push(...shareFindings(plan, profile));
  return found;
}
