import { useState } from "react";
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber } from "../../core/format";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters, RAHMENSTANDARD } from "../../core/standard";
import { figureValue, type WorkbookParameters } from "../../excel/parameters";
import type { ParameterActions } from "../actions";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import type { Message } from "../i18n";
import { useI18n } from "../i18nContext";
import { readNumberField, shownText, TypedNumber } from "../numberInput";
import type { Language } from "../../core/format";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * A figure the user typed but has not saved, with the workbook's value it replaces: when the
 * workbook's value changes meanwhile (someone typed into the Parameter sheet), that new value
 * wins and the draft is dropped; a switch of language keeps it.
 */
interface Draft extends TypedNumber {
  replaces: string;
}

type Drafts = Partial<Record<FigureKey, Draft>>;

/**
 * A field's figure as an exact decimal string ("0.0000001", not "1e-7"), read as the workbook
 * reads it, or undefined when it is no non-negative number.
 */
function figureOf(text: string, lang: Language): string | undefined {
  const f = readNumberField(text, lang);
  return f.kind === "number" ? figureValue(f.value) : undefined;
}

/** "Name (unit)", without repeating a unit the name ends with ("Mindest-VbE", not "Mindest-VbE (VbE)"). */
function labelOf(name: string, unit: string): string {
  return name.toLowerCase().endsWith(unit.toLowerCase()) ? name : `${name} (${unit})`;
}

export function ParametersTab({
  loaded,
  actions,
  onLoaded,
}: {
  loaded: WorkbookParameters | undefined;
  actions: ParameterActions;
  onLoaded: (p: WorkbookParameters) => void;
}) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const [success, setSuccess] = useState<Message>();
  const [drafts, setDrafts] = useState<Drafts>({});
  const standard = defaultParameters();
  const base = loaded?.parameters ?? standard;

  const texts = {} as Record<FigureKey, string>;
  for (const key of FIGURE_KEYS) {
    const draft = drafts[key];
    texts[key] = draft && draft.replaces === base[key] ? shownText(draft, lang) : formatNumber(base[key], lang, 10);
  }
  const figures = {} as Record<FigureKey, string | undefined>;
  for (const key of FIGURE_KEYS) figures[key] = figureOf(texts[key], lang);
  const complete = FIGURE_KEYS.every((key) => figures[key] !== undefined);

  const edit = (key: FigureKey, text: string) => {
    setSuccess(undefined);
    setDrafts((prev) => ({ ...prev, [key]: { text, lang, replaces: base[key] } }));
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
    const result = await task.run(() => actions.loadParameters());
    if (result) {
      setDrafts({});
      onLoaded(result);
    }
  };
  const save = async () => {
    setSuccess(undefined);
    if (!complete) return;
    const result = await task.run(() => actions.saveParameters(figures as Parameters));
    if (result) {
      setDrafts({});
      onLoaded(result);
      setSuccess({ key: "parameters.saved" });
    }
  };
  const enterStandard = () => {
    setSuccess(undefined);
    const next: Drafts = {};
    for (const key of FIGURE_KEYS) next[key] = { text: formatNumber(standard[key], lang, 10), lang, replaces: base[key] };
    setDrafts(next);
  };

  return (
    <>
      <Caption1>{t("parameters.intro")}</Caption1>
      {sourceText && <Caption1 italic>{sourceText}</Caption1>}
      <div className={styles.list}>
        {FIGURE_KEYS.map((key) => {
          const figure = RAHMENSTANDARD.figures[key];
          const changed = loaded !== undefined && loaded.parameters[key] !== standard[key];
          const hint = t("parameters.standard", { value: formatNumber(standard[key], lang, 10) }) + (changed ? ` · ${t("parameters.changed")}` : "");
          const invalid = figures[key] === undefined;
          return (
            <Field
              key={key}
              label={labelOf(lang === "en" ? figure.nameEn : figure.name, t(`unit.${figure.unit}`))}
              hint={invalid ? undefined : hint}
              validationMessage={invalid ? t("parameters.invalid", { text: texts[key] }) : undefined}
              validationState={invalid ? "error" : "none"}
            >
              <Input
                inputMode="decimal"
                value={texts[key]}
                data-figure={key}
                onChange={(_, data) => edit(key, data.value)}
              />
            </Field>
          );
        })}
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
    </>
  );
}
