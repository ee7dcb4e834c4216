import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { formatNumber, Language } from "../../core/format";
import type { Parameters } from "../../core/standard";
import { defaultPlanYears, pastedTextOfRows, planFromTable, respellPastedText, rowsFromPastedText, TemplatePlan } from "../../core/template";
import type { TemplateActions, TemplateResult } from "../actions";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { errorText } from "../errors";
import { useI18n } from "../i18nContext";

const useStyles = makeStyles({
  years: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM },
  input: { width: "100%", minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  textarea: { fontFamily: tokens.fontFamilyMonospace },
});

/** The list as typed, pasted or taken from the selection, and the language its numbers are spelt in. */
interface TypedList {
  text: string;
  lang: Language;
}

type Parsed = { kind: "empty" } | { kind: "plan"; plan: TemplatePlan } | { kind: "error"; error: unknown };

export function TemplateTab({ parameters, actions, onCreated }: { parameters: Parameters; actions: TemplateActions; onCreated: () => void }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const defaults = defaultPlanYears(new Date());
  // Until the user writes, the field shows the header line in the pane's language, so the expected columns are visible.
  const [typed, setTyped] = useState<TypedList>();
  // After a switch of language the numbers are spelt anew ("12.345" ↔ "12,345"): the same values, read in the new language.
  const text = typed ? respellPastedText(typed.text, typed.lang, lang) : t("template.header") + "\n";
  const [firstYear, setFirstYear] = useState(String(defaults.firstYear));
  const [lastYear, setLastYear] = useState(String(defaults.lastYear));
  const [result, setResult] = useState<TemplateResult>();

  const parsed = useMemo<Parsed>(() => {
    const rows = rowsFromPastedText(text);
    if (rows.filter((r) => r.some((c) => c !== "")).length < 2) return { kind: "empty" };
    try {
      return { kind: "plan", plan: planFromTable(rows, { firstYear: Number(firstYear), lastYear: Number(lastYear), parameters, numberLanguage: lang }) };
    } catch (error) {
      return { kind: "error", error };
    }
  }, [text, lang, firstYear, lastYear, parameters]);

  const parseMessage =
    parsed.kind === "error"
      ? errorText(parsed.error, lang, t)
      : parsed.kind === "plan"
        ? t("template.parsed", { count: parsed.plan.neighbourhoods.length })
        : t("template.neighbourhoods.hint");

  const fromSelection = async () => {
    const rows = await task.run(() => actions.readSelection());
    if (rows) setTyped({ text: pastedTextOfRows(rows, lang), lang });
  };
  const create = async () => {
    if (parsed.kind !== "plan") return;
    setResult(undefined);
    const r = await task.run((report) => actions.createTemplate(parsed.plan, report));
    if (r) {
      setResult(r);
      onCreated();
    }
  };

  return (
    <>
      <Caption1>{t("template.intro")}</Caption1>
      <Field
        label={t("template.neighbourhoods")}
        hint={parsed.kind === "empty" ? parseMessage : undefined}
        validationMessage={parsed.kind === "empty" ? undefined : parseMessage}
        validationState={parsed.kind === "error" ? "error" : parsed.kind === "plan" ? "success" : "none"}
      >
        <Textarea
          className={styles.textarea}
          resize="vertical"
          rows={6}
          value={text}
          onChange={(_, data) => {
            // A new list: the outcome of the last attempt (success or refusal) no longer applies.
            setResult(undefined);
            task.clearError();
            setTyped({ text: data.value, lang });
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button disabled={task.busy} onClick={fromSelection}>
          {t("template.fromSelection")}
        </Button>
      </div>
      <div className={styles.years}>
        <Field label={t("template.fromYear")}>
          <Input className={styles.input} type="number" value={firstYear} onChange={(_, d) => setFirstYear(d.value)} />
        </Field>
        <Field label={t("template.toYear")}>
          <Input className={styles.input} type="number" value={lastYear} onChange={(_, d) => setLastYear(d.value)} />
        </Field>
      </div>
      {parsed.kind === "plan" && (
        <section aria-label={t("template.preview")}>
          <ul className={styles.list}>
            {parsed.plan.neighbourhoods.map((n, i) => (
              <li key={i}>
                <Caption1>{`${n.name} · ${formatNumber(n.residents, lang)} ${t("compare.residents")} · ${formatNumber(n.fte, lang)} ${t("budget.fte")}`}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Button appearance="primary" disabled={task.busy || parsed.kind !== "plan"} onClick={create}>
        {t("template.create")}
      </Button>
      <TaskStatus task={task} success={result && { key: "template.created", params: { count: result.sheets.length } }} />
      {result && result.renamed.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {result.renamed.map((r) => (
              <div key={r.actual}>{t("template.renamed", { wanted: r.requested, actual: r.actual })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
