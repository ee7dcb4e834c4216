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
import { defaultPlanYears, planFromTable, renameReasonText, respellPastedText, rowsFromPastedText, TemplatePlan } from "../../core/template";
import type { TemplateActions, TemplateResult } from "../actions";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { errorText } from "../errors";
import type { Message, MessageKey } from "../i18n";
import { useI18n } from "../i18nContext";
import { appendSelection, selectionContent, typedRowCount } from "../selectionList";

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

/** Quartiere read from the selection while the field already holds a list: the user chooses. */
interface PendingSelection {
  text: string;
  count: number;
  address: string;
  /** The typed list with them appended, when the columns match. */
  appended?: string;
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
  const [pending, setPending] = useState<PendingSelection>();
  // What "Aus Markierung übernehmen" did or why it did nothing; the list it replaced, to bring back.
  const [selectionNote, setSelectionNote] = useState<Message>();
  const [previous, setPrevious] = useState<TypedList>();

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

  /** Puts a new list into the field, keeping the one it replaces for "Vorherige Liste wiederherstellen". */
  const takeList = (next: string, note: Message) => {
    // One row is "1 Zeile", not "1 Zeilen".
    if (note.params?.count === 1) note = { ...note, key: `${note.key}.one` as MessageKey };
    setPrevious(typed);
    setTyped({ text: next, lang });
    setPending(undefined);
    setResult(undefined);
    setSelectionNote(note);
  };
  const fromSelection = async () => {
    setSelectionNote(undefined);
    setPending(undefined);
    const selection = await task.run(() => actions.readSelection());
    if (!selection) return;
    const { address } = selection;
    const content = selectionContent(selection.rows, lang);
    // Nothing usable selected: the typed list stays exactly as it is, and the user is told why.
    if (content.kind === "empty") return setSelectionNote({ key: "template.selection.empty", params: { address } });
    if (content.kind === "oneLine") return setSelectionNote({ key: "template.selection.oneLine", params: { address, line: content.line } });
    const typedCount = typed ? typedRowCount(typed.text) : 0;
    if (typedCount === 0) return takeList(content.text, { key: "template.selection.taken", params: { address, count: content.count } });
    // Something typed already: merging or replacing is the user's choice, never silent.
    setPending({ text: content.text, count: content.count, address, appended: appendSelection(text, content.text) });
  };
  const restorePrevious = () => {
    setTyped(previous);
    setPrevious(undefined);
    setSelectionNote({ key: "template.selection.restored" });
  };
  const create = async () => {
    if (parsed.kind !== "plan") return;
    setResult(undefined);
    const r = await task.run((report) => actions.createTemplate(parsed.plan, report, lang));
    if (r) {
      setResult(r);
      onCreated();
    }
  };
  // A workbook with a plan already: the listed Quartiere become new sheets beside the existing ones.
  const add = async () => {
    if (parsed.kind !== "plan" || !actions.addNeighbourhoods) return;
    setResult(undefined);
    const r = await task.run((report) => actions.addNeighbourhoods!(parsed.plan, report));
    if (r) {
      setResult(r);
      onCreated();
    }
  };
  const success = (r: TemplateResult): Message =>
    r.added
      ? {
          key: r.added.replaced ? "template.added" : "template.added.aside",
          params: { count: r.sheets.length, sheets: r.sheets.map((x) => `„${x}“`).join(", "), comparison: r.added.comparison, years: r.added.years.join(", ") },
        }
      : { key: "template.created", params: { count: r.sheets.length } };

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
            setSelectionNote(undefined);
            setPending(undefined);
            setTyped({ text: data.value, lang });
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button disabled={task.busy} onClick={fromSelection}>
          {t("template.fromSelection")}
        </Button>
      </div>
      {pending && (
        <MessageBar intent="warning" data-selection-pending>
          <MessageBarBody>
            {t("template.selection.ask", { address: pending.address, count: pending.count, typed: typed ? typedRowCount(typed.text) : 0 })}
            {!pending.appended && <div>{t("template.selection.cannotAppend")}</div>}
            <div className={styles.row}>
              {pending.appended !== undefined && (
                <Button
                  size="small"
                  appearance="primary"
                  onClick={() =>
                    takeList(pending.appended!, { key: "template.selection.appended", params: { address: pending.address, count: pending.count, total: typedRowCount(pending.appended!) } })
                  }
                >
                  {t("template.selection.append")}
                </Button>
              )}
              <Button size="small" onClick={() => takeList(pending.text, { key: "template.selection.replaced", params: { address: pending.address, count: pending.count } })}>
                {t("template.selection.replace")}
              </Button>
              <Button size="small" appearance="subtle" onClick={() => setPending(undefined)}>
                {t("template.selection.cancel")}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {selectionNote && (
        <MessageBar intent="info" data-selection-note>
          <MessageBarBody>
            {t(selectionNote.key, selectionNote.params)}
            {previous && typedRowCount(previous.text) > 0 && (
              <div>
                <Button size="small" appearance="transparent" onClick={restorePrevious}>
                  {t("template.selection.undo")}
                </Button>
              </div>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
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
      <div className={styles.row}>
        <Button appearance="primary" disabled={task.busy || parsed.kind !== "plan"} onClick={create}>
          {t("template.create")}
        </Button>
        {actions.addNeighbourhoods && (
          <Button disabled={task.busy || parsed.kind !== "plan"} onClick={add} title={t("template.add.hint")}>
            {t("template.add")}
          </Button>
        )}
      </div>
      <TaskStatus task={task} success={result && success(result)} />
      {result && result.renamed.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {result.renamed.map((r) => (
              <div key={r.actual} data-renamed={r.reasons.join(" ")}>
                {t("template.renamed", {
                  wanted: r.requested,
                  actual: r.actual,
                  why: renameReasonText(r.reasons)[lang],
                })}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
