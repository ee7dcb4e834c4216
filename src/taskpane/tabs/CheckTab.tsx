import { useEffect, useRef, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { CellRef } from "../../core/plan";
import { cellName } from "../../core/read/cells";
import { visibleText } from "../../core/visibleText";
import { CheckResult, Finding, summarise } from "../../core/rules";
import type { CheckActions, CheckScope } from "../actions";
import { FindingsList } from "../components/FindingsList";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { findingsAt, SeverityFilter } from "../findingGroups";
import type { Message } from "../i18n";
import { useI18n } from "../i18nContext";
import { shownName } from "../shownName";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: "none" },
  summaryItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  summaryName: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  // Read by screen readers, not shown: the outcome of each check and re-check.
  live: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/**
 * After an edit in the workbook the findings are checked anew once typing pauses this long:
 * long enough not to re-read the workbook for every cell of a paste, short enough that a fixed
 * cell's finding is gone before the user looks back at the pane.
 */
export const RECHECK_DELAY_MS = 700;

/** The outcome of a check as screen readers hear it; translated when shown, so it follows a change of language. */
function outcome(result: CheckResult): Message {
  const summary = summarise(result);
  const violations = summary.reduce((n, s) => n + s.violations, 0);
  const hints = summary.reduce((n, s) => n + s.hints, 0);
  return { key: "check.announce", params: { neighbourhoods: summary.length, violations, hints } };
}

export function CheckTab({ actions }: { actions: CheckActions }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const recheckTask = useTask();
  const [scope, setScope] = useState<CheckScope>("sheet");
  const [result, setResult] = useState<CheckResult>();
  /** The workbook changed since `result` was computed: its findings (and marks) may be wrong. */
  const [stale, setStale] = useState(false);
  const [selected, setSelected] = useState<Finding>();
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const [activeCell, setActiveCell] = useState<CellRef>();
  const [success, setSuccess] = useState<Message>();
  const [warnings, setWarnings] = useState<Message[]>([]);
  const [announcement, setAnnouncement] = useState<Message>();

  // The event handlers outlive renders: they read the current state through these.
  // `sheet`: the sheet a sheet check read — a re-check reads it again, wherever the user is now.
  const current = useRef<{ result?: CheckResult; scope: CheckScope; sheet?: string; marked: boolean }>({ result, scope, marked: false });
  current.current.result = result;

  const findings = result ? result.neighbourhoods.flatMap((n) => n.findings) : [];
  const highlightable = findings.filter((f) => f.zelle !== null);

  const applyResult = (r: CheckResult & { checkedSheet?: string }, checkedScope: CheckScope) => {
    current.current.scope = checkedScope;
    current.current.sheet = r.checkedSheet ?? current.current.sheet;
    setResult(r);
    setStale(false);
    setAnnouncement(outcome(r));
  };

  const check = async () => {
    setSuccess(undefined);
    setWarnings([]);
    setSelected(undefined);
    const r = await task.run(() => actions.check(scope));
    if (r) {
      current.current.sheet = undefined;
      applyResult(r, scope);
    }
  };

  // Re-check on change: the list never shows what the user has fixed since, nor marks it.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recheck = async () => {
      const { scope: checkedScope, sheet } = current.current;
      const r = await recheckTask.run(async () => {
        const fresh = await actions.check(checkedScope, checkedScope === "sheet" ? sheet : undefined);
        // Marks placed from the old list move to the new one: a fixed cell loses its mark.
        if (current.current.marked) {
          await actions.removeHighlights();
          await actions.highlight(fresh.neighbourhoods.flatMap((n) => n.findings).filter((f) => f.zelle !== null));
        }
        return fresh;
      });
      if (r) applyResult(r, checkedScope);
    };
    void actions
      .watchUserEdits?.(() => {
        if (!current.current.result) return;
        setStale(true);
        clearTimeout(timer);
        timer = setTimeout(() => void recheck(), RECHECK_DELAY_MS);
      })
      ?.catch(() => undefined);
    void actions.watchSelection?.((cell) => setActiveCell(cell))?.catch(() => undefined);
    return () => clearTimeout(timer);
    // Registered once: Office's handlers stay for the pane's lifetime.
  }, []);

  const select = async (f: Finding) => {
    setSuccess(undefined);
    setSelected(f);
    if (f.zelle) {
      await task.run(() => actions.selectCell(f.zelle!));
      setActiveCell(f.zelle);
    }
  };
  const sheetList = (sheets: readonly string[]) => sheets.map((s) => t("common.quoted", { text: s })).join(", ");
  const highlight = async () => {
    setSuccess(undefined);
    setWarnings([]);
    // Marks from an outdated list would flag cells the user has fixed.
    if (stale) return setWarnings([{ key: "check.staleMarks" }]);
    const r = await task.run(() => actions.highlight(highlightable));
    if (!r) return;
    current.current.marked = true;
    setSuccess({ key: "check.highlighted", params: { count: r.marked } });
    if (r.protectedSheets.length > 0) setWarnings([{ key: "check.protectedMark", params: { sheets: sheetList(r.protectedSheets) } }]);
  };
  const unhighlight = async () => {
    setSuccess(undefined);
    setWarnings([]);
    const r = await task.run(() => actions.removeHighlights());
    if (!r) return;
    current.current.marked = false;
    setSuccess({ key: "check.unhighlighted" });
    const notes: Message[] = [];
    if (r.protectedSheets.length > 0) notes.push({ key: "check.protectedUnmark", params: { sheets: sheetList(r.protectedSheets) } });
    if (r.changedByUser > 0) notes.push({ key: "check.changedByUser", params: { count: r.changedByUser } });
    if (r.missingSheets.length > 0) notes.push({ key: "check.missingSheets", params: { sheets: sheetList(r.missingSheets) } });
    setWarnings(notes);
  };
  const report = async () => {
    if (!result) return;
    setSuccess(undefined);
    const sheet = await task.run(() => actions.writeReport(result, lang));
    if (sheet) setSuccess({ key: "check.reportWritten", params: { sheet } });
  };

  const countText = (n: number, one: "check.violation" | "check.note", many: "check.violations" | "check.notes") =>
    n === 1 ? t(one) : t(many, { count: n });
  const atCell = stale ? [] : findingsAt(result, activeCell);

  return (
    <>
      <Caption1>{t("check.intro")}</Caption1>
      <Field label={t("check.scope")}>
        <RadioGroup layout="horizontal" value={scope} onChange={(_, data) => setScope(data.value as CheckScope)}>
          <Radio value="sheet" label={t("check.scope.sheet")} />
          <Radio value="workbook" label={t("check.scope.workbook")} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={task.busy} onClick={check}>
          {t("check.run")}
        </Button>
        <Button disabled={task.busy || stale || highlightable.length === 0} onClick={highlight}>
          {t("check.highlight")}
        </Button>
        <Button disabled={task.busy} onClick={unhighlight}>
          {t("check.unhighlight")}
        </Button>
        <Button disabled={task.busy || stale || !result} onClick={report}>
          {t("check.report")}
        </Button>
      </div>
      <TaskStatus task={task} success={success} />
      <TaskStatus task={recheckTask} />
      <div className={styles.live} role="status" aria-live="polite" data-announcement>
        {announcement && t(announcement.key, announcement.params)}
      </div>
      {!task.busy &&
        warnings.map((w) => (
          <MessageBar key={w.key} intent="warning">
            <MessageBarBody>{t(w.key, w.params)}</MessageBarBody>
          </MessageBar>
        ))}
      {result && stale && (
        <MessageBar intent="info" data-stale>
          <MessageBarBody>{t("check.stale")}</MessageBarBody>
        </MessageBar>
      )}
      {atCell.length > 0 && activeCell && (
        // The reason of a mark, reachable from the cell: select it in Excel and the pane says why.
        <MessageBar intent={atCell.some((f) => f.schwere === "verstoss") ? "error" : "warning"} data-cell-reason={activeCell.address}>
          <MessageBarBody>
            <Text weight="semibold">{t("check.cellReason", { cell: visibleText(cellName(activeCell)) })}</Text>
            {atCell.map((f, i) => (
              <div key={i}>{`${t(f.schwere === "verstoss" ? "check.severity.verstoss" : "check.severity.hinweis")}: ${visibleText(lang === "en" ? f.messageEn : f.meldung)}`}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <section aria-label={t("check.summary")}>
          <Subtitle2 as="h2">{t("check.summary")}</Subtitle2>
          {result.neighbourhoods.length === 0 && <Caption1>{t("check.none")}</Caption1>}
          <ul className={styles.summary}>
            {summarise(result).map((s, i) => (
              <li key={i} className={styles.summaryItem} data-neighbourhood={s.name}>
                <Text className={styles.summaryName}>{shownName(s.name, t)}</Text>
                {s.violations === 0 && s.hints === 0 && (
                  <Badge color="success" appearance="tint">
                    {t("check.fulfilled")}
                  </Badge>
                )}
                {s.violations > 0 && (
                  <Badge color="danger" appearance="tint">
                    {countText(s.violations, "check.violation", "check.violations")}
                  </Badge>
                )}
                {s.hints > 0 && (
                  <Badge color="warning" appearance="tint">
                    {countText(s.hints, "check.note", "check.notes")}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {result && (
        <FindingsList
          result={result}
          filter={filter}
          onFilter={setFilter}
          selected={selected}
          atCell={atCell}
          onSelect={(f) => void select(f)}
        />
      )}
    </>
  );
}
