import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { cellName } from "../../core/read/cells";
import { visibleText } from "../../core/visibleText";
import { CheckResult, Finding, formatQuantity, NO_PLAN, summarise } from "../../core/rules";
import type { CheckActions, CheckScope } from "../actions";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { Message, Translate } from "../i18n";
import { useI18n } from "../i18nContext";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: "none" },
  summaryItem: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  summaryName: { flexGrow: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: "none" },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    textAlign: "left",
    width: "100%",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hint: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  figures: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap", color: tokens.colorNeutralForeground2 },
});

/**
 * A Quartier's name as the pane shows it. The check names its result for a workbook without
 * any plan with a German placeholder (the CLI's and the report's wording); the pane shows it
 * in its own language.
 */
/** A Quartier's name from the workbook: line breaks and control characters shown escaped, as in the CLI's report. */
function shownName(name: string, t: Translate): string {
  return name === NO_PLAN ? t("check.noPlan") : visibleText(name);
}

export function CheckTab({ actions }: { actions: CheckActions }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const [scope, setScope] = useState<CheckScope>("sheet");
  const [result, setResult] = useState<CheckResult>();
  const [selected, setSelected] = useState<Finding>();
  const [success, setSuccess] = useState<Message>();
  const [warnings, setWarnings] = useState<Message[]>([]);

  const findings = result ? result.neighbourhoods.flatMap((n) => n.findings) : [];
  const highlightable = findings.filter((f) => f.zelle !== null);

  const check = async () => {
    setSuccess(undefined);
    setWarnings([]);
    setSelected(undefined);
    const r = await task.run(() => actions.check(scope));
    if (r) setResult(r);
  };
  const select = async (f: Finding) => {
    setSuccess(undefined);
    setSelected(f);
    if (f.zelle) await task.run(() => actions.selectCell(f.zelle!));
  };
  const sheetList = (sheets: readonly string[]) => sheets.map((s) => t("common.quoted", { text: s })).join(", ");
  const highlight = async () => {
    setSuccess(undefined);
    setWarnings([]);
    const r = await task.run(() => actions.highlight(highlightable));
    if (!r) return;
    setSuccess({ key: "check.highlighted", params: { count: r.marked } });
    if (r.protectedSheets.length > 0) setWarnings([{ key: "check.protectedMark", params: { sheets: sheetList(r.protectedSheets) } }]);
  };
  const unhighlight = async () => {
    setSuccess(undefined);
    setWarnings([]);
    const r = await task.run(() => actions.removeHighlights());
    if (!r) return;
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
    const sheet = await task.run(() => actions.writeReport(result));
    if (sheet) setSuccess({ key: "check.reportWritten", params: { sheet } });
  };

  const countText = (n: number, one: "check.violation" | "check.note", many: "check.violations" | "check.notes") =>
    n === 1 ? t(one) : t(many, { count: n });

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
        <Button disabled={task.busy || highlightable.length === 0} onClick={highlight}>
          {t("check.highlight")}
        </Button>
        <Button disabled={task.busy} onClick={unhighlight}>
          {t("check.unhighlight")}
        </Button>
        <Button disabled={task.busy || !result} onClick={report}>
          {t("check.report")}
        </Button>
      </div>
      <TaskStatus task={task} success={success} />
      {!task.busy &&
        warnings.map((w) => (
          <MessageBar key={w.key} intent="warning">
            <MessageBarBody>{t(w.key, w.params)}</MessageBarBody>
          </MessageBar>
        ))}
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
        <section aria-label={t("check.findings")}>
          <Subtitle2 as="h2">{t("check.findings")}</Subtitle2>
          {findings.length === 0 && <Caption1>{t("check.noFindings")}</Caption1>}
          <ul className={styles.findings}>
            {findings.map((f, i) => (
              <li key={i}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.finding, f.schwere === "hinweis" && styles.hint, selected === f && styles.selected)}
                  // A tooltip, not an aria-label: screen readers read the finding itself.
                  title={f.zelle ? t("check.goto", { cell: visibleText(cellName(f.zelle)) }) : undefined}
                  aria-pressed={selected === f}
                  data-rule={f.regel}
                  onClick={() => select(f)}
                >
                  <span className={styles.head}>
                    <Badge size="small" color={f.schwere === "verstoss" ? "danger" : "warning"}>
                      {t(f.schwere === "verstoss" ? "check.severity.verstoss" : "check.severity.hinweis")}
                    </Badge>
                    <span className={styles.rule}>{f.regel}</span>
                    <Caption1>
                      {shownName(f.quartier, t)}
                      {f.jahr !== null ? ` · ${t("check.year", { year: f.jahr })}` : ""}
                    </Caption1>
                  </span>
                  <Text>{visibleText(lang === "en" ? f.messageEn : f.meldung)}</Text>
                  <span className={styles.figures}>
                    {f.soll && <Caption1>{`${t("check.expected")}: ${formatQuantity(f.soll, lang)}`}</Caption1>}
                    {f.ist && <Caption1>{`${t("check.actual")}: ${formatQuantity(f.ist, lang)}`}</Caption1>}
                    {f.zelle && <Caption1>{`${t("check.cell")}: ${visibleText(cellName(f.zelle))}`}</Caption1>}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
