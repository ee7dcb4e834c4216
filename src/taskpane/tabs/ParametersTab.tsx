import { ChangeEvent, useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { Dec } from "../../core/decimal";
import { FieldError, FieldKey, figureValue, PLANNING_KEYS, PlanningKey, SHARE_KEYS } from "../../core/fields";
import { formatEuro, formatNumber, Language, parseNumber } from "../../core/format";
import { BUILT_IN_IDENTITY, FIELD_NAMES, ParameterSaveError, Planning, planningProblems, shareDecimal, shareText, StandardIdentity } from "../../core/parameterSources";
import { BUILT_IN_PROFILE, parseProfile, ProfileChange, profileDiff, profileJson, StandardProfile } from "../../core/profile";
import { defaultParameters, FIGURE_KEYS, FigureKey, findFigure, Parameters, RAHMENSTANDARD } from "../../core/standard";
import type { WorkbookParameters } from "../../excel/parameters";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { UserMessage } from "../errors";
import type { Message, MessageKey } from "../i18n";
import { useI18n } from "../i18nContext";
import { readNumberField, shownText, TypedNumber } from "../numberInput";
import type { WorkbookParameterStore } from "../workbookParameters";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
  code: { fontFamily: tokens.fontFamilyMonospace, minHeight: "12em" },
});

/** No profile is larger; a bigger file is the wrong file, and is not read into memory. */
const PROFILE_MAX_KB = 256;

/**
 * A field the user typed but has not saved, with the workbook's value it replaces: when the
 * workbook's value changes meanwhile (someone typed into the Parameter sheet), that new value
 * wins and the draft is dropped; a switch of language keeps it.
 */
interface Draft extends TypedNumber {
  replaces: string | undefined;
}

type Drafts = Partial<Record<FieldKey, Draft>>;

/** Fields shown and typed in percent (the workbook keeps the ratio: 40 % is 0.4). */
const PERCENT_FIELDS: readonly PlanningKey[] = ["tariffIncrease", ...SHARE_KEYS];
const isPercent = (key: FieldKey) => (PERCENT_FIELDS as readonly string[]).includes(key);

/** A field's value as the field shows it. */
function displayed(key: FieldKey, value: string, lang: Language): string {
  if (key === "baseYear") return value;
  if (isPercent(key)) return formatNumber(new Dec(value).mul(100).toFixed(), lang, FIGURE_DECIMALS);
  return formatNumber(value, lang, FIGURE_DECIMALS);
}
/** As many decimals as a 15-digit figure can have below 1 (0.000123456789012345). */
const FIGURE_DECIMALS = 20;

/**
 * A field's text as the exact decimal the workbook stores ("0.0000001", not "1e-7"), read as
 * the workbook reads it; undefined when it is no non-negative number; "" when empty.
 */
function valueOf(key: FieldKey, text: string, lang: Language): string | undefined {
  if (isPercent(key) || key === "baseYear") {
    if (text.trim() === "") return "";
    const canonical = parseNumber(text.replace(/%/g, ""), lang);
    if (canonical === undefined) return undefined;
    return figureValue(isPercent(key) ? new Dec(canonical).div(100).toFixed() : canonical);
  }
  const f = readNumberField(text, lang);
  return f.kind === "number" ? figureValue(f.value) : undefined;
}

/** "Name (unit)", without repeating a unit the name ends with ("Mindest-VbE", not "Mindest-VbE (VbE)"). */
function labelOf(name: string, unit: string): string {
  return name.toLowerCase().endsWith(unit.toLowerCase()) ? name : `${name} (${unit})`;
}

/** A value of a diff row as people read it: amounts as 12.345,67 €, shares in percent. */
function diffValue(change: ProfileChange, value: string, lang: Language): string {
  const figure = findFigure(change.key);
  if (!figure) return `${formatNumber(new Dec(shareDecimal(value)).mul(100).toFixed(), lang, 4)} %`;
  if (figure.unit === "EUR" || figure.unit === "EUR_PER_FTE" || figure.unit === "EUR_PER_RESIDENT") {
    // Cents as money; a sub-cent rate in full, so 0,0000001 € does not read as 0,00 €.
    return new Dec(value).decimalPlaces() <= 2 ? formatEuro(value, lang) : `${formatNumber(value, lang, FIGURE_DECIMALS)} €`;
  }
  return formatNumber(value, lang, FIGURE_DECIMALS);
}

/** The workbook's values as a profile; shares it does not hold are the built-in ones. */
function workbookProfile(parameters: Parameters, planning: Partial<Planning>, standard: StandardIdentity): StandardProfile {
  const share = (key: PlanningKey, fallback: string) => (planning[key] !== undefined ? shareText(planning[key] as string) : fallback);
  return {
    name: standard.name,
    version: standard.version,
    validFrom: standard.validFrom ?? BUILT_IN_IDENTITY.validFrom ?? RAHMENSTANDARD.validFrom,
    parameters,
    shares: {
      federal: share("shareFederal", BUILT_IN_PROFILE.shares.federal),
      state: share("shareState", BUILT_IN_PROFILE.shares.state),
      municipal: share("shareMunicipal", BUILT_IN_PROFILE.shares.municipal),
    },
  };
}

/** Fields a refused save names: the formula cells it would not overwrite, or the invalid field. */
function refusedKeys(error: unknown): readonly string[] {
  if (error instanceof ParameterSaveError) return error.keys;
  if (error instanceof FieldError) return [error.key];
  return [];
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(new UserMessage("parameters.profile.unreadable", { file: file.name }));
    reader.readAsText(file, "utf-8");
  });
}

function fileNameOf(name: string, version: string): string {
  const slug = `${name} ${version}`
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `profil-${slug || "qm"}.json`;
}

function DiffTable({ changes, before, after }: { changes: ProfileChange[]; before: MessageKey; after: MessageKey }) {
  const { lang, t } = useI18n();
  return (
    <Table size="small" aria-label={t(after)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("parameters.diff.figure")}</TableHeaderCell>
          <TableHeaderCell>{t(before)}</TableHeaderCell>
          <TableHeaderCell>{t(after)}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {changes.map((change) => (
          <TableRow key={change.key} data-diff={change.key}>
            <TableCell>{lang === "en" ? change.en : change.de}</TableCell>
            <TableCell>{diffValue(change, change.builtIn, lang)}</TableCell>
            <TableCell>{diffValue(change, change.value, lang)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ParametersTab({ loaded, store }: { loaded: WorkbookParameters | undefined; store: WorkbookParameterStore }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const profileTask = useTask();
  const [success, setSuccess] = useState<Message>();
  const [profileSuccess, setProfileSuccess] = useState<Message>();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [pending, setPending] = useState<StandardProfile>();
  const [exported, setExported] = useState<{ text: string; file: string }>();
  const [exportUrl, setExportUrl] = useState<string>();
  const [exportName, setExportName] = useState<TypedText>();
  const [exportVersion, setExportVersion] = useState<TypedText>();

  const standard = defaultParameters();
  const parameters = loaded?.parameters ?? standard;
  const planning: Partial<Planning> = loaded?.planning ?? {};
  const identity = loaded?.standard ?? BUILT_IN_IDENTITY;
  const formulas = new Set<string>(loaded?.formulas ?? []);
  const baseOf = (key: FieldKey): string | undefined => ((FIGURE_KEYS as readonly string[]).includes(key) ? parameters[key as FigureKey] : planning[key as PlanningKey]);

  // What each field shows and holds: a draft the workbook has not overtaken, else the workbook's value.
  const texts = {} as Record<FieldKey, string>;
  const values = {} as Record<FieldKey, string | undefined>;
  for (const key of [...FIGURE_KEYS, ...PLANNING_KEYS]) {
    const draft = drafts[key];
    const base = baseOf(key);
    if (draft && draft.replaces === base) {
      texts[key] = shownText(draft, lang);
      values[key] = valueOf(key, draft.text, draft.lang);
    } else {
      texts[key] = base === undefined ? "" : displayed(key, base, lang);
      values[key] = base ?? "";
    }
  }
  const figures = {} as Parameters;
  for (const key of FIGURE_KEYS) figures[key] = values[key] ?? "";
  const typedPlanning: Partial<Record<PlanningKey, string>> = {};
  for (const key of PLANNING_KEYS) if (values[key] !== "" && values[key] !== undefined) typedPlanning[key] = values[key];
  const problems = planningProblems(typedPlanning);
  const problemOf = (key: string) => problems.find((p) => p.key === key);
  const figuresValid = FIGURE_KEYS.every((key) => values[key] !== undefined && values[key] !== "");
  const planningValid = PLANNING_KEYS.every((key) => values[key] !== undefined) && problems.length === 0;
  const complete = figuresValid && planningValid;
  const refused = new Set(refusedKeys(task.error));

  const edit = (key: FieldKey, text: string) => {
    setSuccess(undefined);
    task.clearError();
    setDrafts((prev) => ({ ...prev, [key]: { text, lang, replaces: baseOf(key) } }));
  };

  const sourceText =
    loaded === undefined
      ? undefined
      : loaded.source === "sheet"
        ? t("parameters.source.sheet", { sheet: loaded.sheet ?? "" })
        : loaded.source === "settings"
          ? t("parameters.source.settings")
          : t("parameters.source.standard");

  const load = async () => {
    setSuccess(undefined);
    await task.run(async () => {
      await store.reload();
      const error = store.state().error;
      if (error !== undefined) {
        store.dismissError();
        throw error;
      }
    });
    if (store.state().error === undefined) setDrafts({});
  };
  const save = async () => {
    setSuccess(undefined);
    setProfileSuccess(undefined);
    if (!complete) return;
    // Values that are the built-in standard's again are the built-in standard, whatever profile came before.
    const isBuiltIn = profileDiff(workbookProfile(figures, { ...planning, ...typedPlanning }, identity)).length === 0;
    const result = await task.run(() =>
      store.save({ parameters: figures, planning: typedPlanning, standard: isBuiltIn ? { ...BUILT_IN_IDENTITY } : undefined }),
    );
    if (result) {
      setDrafts({});
      setSuccess({ key: "parameters.saved" });
    }
  };
  const enterStandard = () => {
    setSuccess(undefined);
    const next: Drafts = {};
    for (const key of FIGURE_KEYS) next[key] = { text: displayed(key, standard[key], lang), lang, replaces: baseOf(key) };
    const shares: Record<PlanningKey, string> = {
      shareFederal: BUILT_IN_PROFILE.shares.federal,
      shareState: BUILT_IN_PROFILE.shares.state,
      shareMunicipal: BUILT_IN_PROFILE.shares.municipal,
    } as Record<PlanningKey, string>;
    for (const key of SHARE_KEYS) next[key] = { text: displayed(key, shareDecimal(shares[key]), lang), lang, replaces: baseOf(key) };
    setDrafts((prev) => ({ ...prev, ...next }));
  };

  // --- profiles ------------------------------------------------------------------------------

  const current = workbookProfile(parameters, planning, identity);
  const fromBuiltIn = profileDiff(current);
  const pendingChanges = pending ? profileDiff(pending, current) : [];

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Emptied at once, so choosing the same file again (after fixing it) reads it again.
    input.value = "";
    if (!file) return;
    setPending(undefined);
    setProfileSuccess(undefined);
    const profile = await profileTask.run(async () => {
      if (file.size > PROFILE_MAX_KB * 1024) throw new UserMessage("parameters.profile.tooLarge", { file: file.name, size: PROFILE_MAX_KB });
      return parseProfile(await readFile(file));
    });
    if (profile) setPending(profile);
  };
  const applyProfile = async () => {
    if (!pending) return;
    const profile = pending;
    const result = await profileTask.run(() =>
      store.save({
        parameters: profile.parameters,
        planning: {
          shareFederal: shareDecimal(profile.shares.federal),
          shareState: shareDecimal(profile.shares.state),
          shareMunicipal: shareDecimal(profile.shares.municipal),
        },
        standard: { name: profile.name, version: profile.version, validFrom: profile.validFrom },
      }),
    );
    if (result) {
      setPending(undefined);
      setDrafts({});
      setSuccess(undefined);
      setProfileSuccess({ key: "parameters.profile.applied", params: { name: profile.name } });
    }
  };

  const exportNameText = exportName?.replaces === identity.name ? exportName.text : identity.name;
  const exportVersionText = exportVersion?.replaces === identity.version ? exportVersion.text : identity.version;
  const exportProfile = () => {
    const profile = { ...current, name: exportNameText.trim() || identity.name, version: exportVersionText.trim() || identity.version };
    setExported({ text: JSON.stringify(profileJson(profile), null, 2) + "\n", file: fileNameOf(profile.name, profile.version) });
  };
  const sharesExact = SHARE_KEYS.every((key) => planning[key] === undefined) || sharesAddUp(current);

  useEffect(() => {
    // A download link of the exported text; some of Office's webviews block it, hence also the text area.
    if (!exported || typeof URL.createObjectURL !== "function") return setExportUrl(undefined);
    const url = URL.createObjectURL(new Blob([exported.text], { type: "application/json" }));
    setExportUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [exported]);

  const fieldOf = (key: FieldKey, label: string, hint: string | undefined) => {
    const invalid = values[key] === undefined;
    const problem = problemOf(key);
    const formula = formulas.has(key);
    const name = FIELD_NAMES.find((field) => field.key === key)?.name ?? key;
    const typed = invalid ? readNumberField(texts[key], lang) : undefined;
    const message = invalid
      ? t(typed?.kind === "invalid" && typed.ambiguous ? "parameters.ambiguous" : "parameters.invalid", { text: texts[key] })
      : problem
        ? lang === "en"
          ? problem.messageEn
          : problem.message
        : refused.has(key)
          ? t("parameters.refused")
          : undefined;
    return (
      <Field
        key={key}
        label={label}
        hint={message ? undefined : formula ? t("parameters.formula", { name }) : hint}
        validationMessage={message}
        validationState={message ? "error" : "none"}
      >
        <Input inputMode={key === "baseYear" ? "numeric" : "decimal"} value={texts[key]} data-field={key} data-figure={key} readOnly={formula} onChange={(_, data) => edit(key, data.value)} />
      </Field>
    );
  };

  const shareSum = SHARE_KEYS.every((key) => typedPlanning[key] !== undefined)
    ? SHARE_KEYS.reduce((sum, key) => sum.plus(typedPlanning[key] as string), new Dec(0))
    : undefined;
  const sumProblem = problemOf("shares");

  return (
    <>
      <Caption1>{t("parameters.intro")}</Caption1>
      {sourceText && <Caption1 italic>{sourceText}</Caption1>}
      <Caption1 data-standard-identity>{t("parameters.identity", { name: identity.name, version: identity.version })}</Caption1>
      <Subtitle2 as="h2">{t("parameters.figures")}</Subtitle2>
      <div className={styles.list}>
        {FIGURE_KEYS.map((key) => {
          const figure = RAHMENSTANDARD.figures[key];
          const changed = loaded !== undefined && loaded.parameters[key] !== standard[key];
          const hint = t("parameters.standard", { value: displayed(key, standard[key], lang) }) + (changed ? ` · ${t("parameters.changed")}` : "");
          return fieldOf(key, labelOf(lang === "en" ? figure.nameEn : figure.name, t(`unit.${figure.unit}`)), hint);
        })}
      </div>
      <Subtitle2 as="h2">{t("parameters.planning")}</Subtitle2>
      <Caption1>{t("parameters.planning.hint")}</Caption1>
      <div className={styles.list}>
        {PLANNING_KEYS.map((key) => fieldOf(key, t(`parameters.field.${key}`), baseOf(key) === undefined ? t("parameters.unset") : undefined))}
        {shareSum && (
          <Field validationMessage={sumProblem ? (lang === "en" ? sumProblem.messageEn : sumProblem.message) : undefined} validationState={sumProblem ? "error" : "none"}>
            <Caption1 data-share-sum>{t("parameters.shareSum", { sum: `${formatNumber(shareSum.mul(100), lang, 4)} %` })}</Caption1>
          </Field>
        )}
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={task.busy || !complete} onClick={save}>
          {t("parameters.save")}
        </Button>
        <Button disabled={task.busy} onClick={enterStandard}>
          {t("parameters.reset")}
        </Button>
        <Button disabled={task.busy} onClick={load}>
          {t("parameters.load")}
        </Button>
      </div>
      <TaskStatus task={task} success={success} />

      <section className={styles.section} aria-labelledby="parameters-diff">
        <Subtitle2 as="h2" id="parameters-diff">
          {t("parameters.diff")}
        </Subtitle2>
        {fromBuiltIn.length === 0 ? (
          <Caption1>{t("parameters.diff.none", { version: RAHMENSTANDARD.version })}</Caption1>
        ) : (
          <div data-diff-builtin>
            <DiffTable changes={fromBuiltIn} before="parameters.diff.builtIn" after="parameters.diff.workbook" />
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="parameters-profile">
        <Subtitle2 as="h2" id="parameters-profile">
          {t("parameters.profile")}
        </Subtitle2>
        <Caption1>{t("parameters.profile.intro")}</Caption1>
        <Field label={t("parameters.profile.import")}>
          <input type="file" accept=".json,application/json" data-profile-file disabled={profileTask.busy} onChange={importFile} />
        </Field>
        {pending && (
          <div className={styles.list} data-profile-pending>
            <Caption1>
              {pendingChanges.length > 0
                ? t("parameters.profile.pending", { name: pending.name, version: pending.version, validFrom: pending.validFrom })
                : t("parameters.profile.noChange", { name: pending.name, version: pending.version })}
            </Caption1>
            {pendingChanges.length > 0 && <DiffTable changes={pendingChanges} before="parameters.diff.before" after="parameters.diff.after" />}
            <div className={styles.buttons}>
              <Button appearance="primary" disabled={profileTask.busy} onClick={applyProfile}>
                {t("parameters.profile.apply")}
              </Button>
              <Button disabled={profileTask.busy} onClick={() => setPending(undefined)}>
                {t("parameters.profile.discard")}
              </Button>
            </div>
          </div>
        )}
        <TaskStatus task={profileTask} success={profileSuccess} />
        <Field label={t("parameters.profile.name")}>
          <Input value={exportNameText} data-profile-name onChange={(_, data) => setExportName({ text: data.value, replaces: identity.name })} />
        </Field>
        <Field label={t("parameters.profile.version")}>
          <Input value={exportVersionText} data-profile-version onChange={(_, data) => setExportVersion({ text: data.value, replaces: identity.version })} />
        </Field>
        <div className={styles.buttons}>
          <Button onClick={exportProfile}>{t("parameters.profile.export")}</Button>
        </div>
        {!sharesExact && <Caption1>{t("parameters.profile.sharesInvalid")}</Caption1>}
        {exported && (
          <>
            {exportUrl && (
              <Link href={exportUrl} download={exported.file} data-profile-download>
                {t("parameters.profile.download", { file: exported.file })}
              </Link>
            )}
            <Field label={t("parameters.profile.text")}>
              <Textarea className={styles.code} readOnly value={exported.text} data-profile-json resize="vertical" />
            </Field>
          </>
        )}
      </section>
    </>
  );
}

/** A text field that follows the workbook's value until the user types (as the figures' drafts). */
interface TypedText {
  text: string;
  replaces: string;
}

/** Whether the shares of a profile add up to exactly 1, as `parseProfile` demands. */
function sharesAddUp(profile: StandardProfile): boolean {
  try {
    parseProfile(JSON.stringify(profileJson(profile)));
    return true;
  } catch {
    return false;
  }
}
