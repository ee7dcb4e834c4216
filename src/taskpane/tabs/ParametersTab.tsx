import { useEffect, useState } from "react";
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber } from "../../core/format";
import { defaultParameters, FIGURE_KEYS, FigureKey, Parameters, RAHMENSTANDARD } from "../../core/standard";
import type { WorkbookParameters } from "../../excel/parameters";
import type { ParameterActions } from "../actions";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { UserMessage } from "../errors";
import type { Message } from "../i18n";
import { useI18n } from "../i18nContext";
import { readNumberField } from "../numberInput";
import type { Language } from "../../core/format";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

type Texts = Record<FigureKey, string>;

function textsOf(parameters: Parameters, lang: Language): Texts {
  const out = {} as Texts;
  for (const key of FIGURE_KEYS) out[key] = formatNumber(parameters[key], lang, 10);
  return out;
}

/** The typed figures as Parameters; throws a UserMessage naming the first bad one. */
function parametersOf(texts: Texts, lang: Language): Parameters {
  const out = {} as Parameters;
  for (const key of FIGURE_KEYS) {
    const f = readNumberField(texts[key]);
    const figure = RAHMENSTANDARD.figures[key];
    if (f.kind !== "number" || f.value < 0)
      throw new UserMessage("parameters.invalid", { figure: lang === "en" ? figure.nameEn : figure.name, text: texts[key] });
    out[key] = String(f.value);
  }
  return out;
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
  const standard = defaultParameters();
  const [texts, setTexts] = useState<Texts>(() => textsOf(loaded?.parameters ?? standard, lang));

  // Show the workbook's figures whenever they are (re)loaded or the language changes.
  useEffect(() => {
    if (loaded) setTexts(textsOf(loaded.parameters, lang));
  }, [loaded, lang]);

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
    if (result) onLoaded(result);
  };
  const save = async () => {
    setSuccess(undefined);
    const result = await task.run(() => actions.saveParameters(parametersOf(texts, lang)));
    if (result) {
      onLoaded(result);
      setSuccess({ key: "parameters.saved" });
    }
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
          return (
            <Field key={key} label={`${lang === "en" ? figure.nameEn : figure.name} (${t(`unit.${figure.unit}`)})`} hint={hint}>
              <Input
                inputMode="decimal"
                value={texts[key]}
                data-figure={key}
                onChange={(_, data) => {
                  setSuccess(undefined);
                  setTexts((prev) => ({ ...prev, [key]: data.value }));
                }}
              />
            </Field>
          );
        })}
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={task.busy} onClick={save}>
          {t("parameters.save")}
        </Button>
        <Button disabled={task.busy} onClick={() => setTexts(textsOf(standard, lang))}>
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
