import { useMemo, useRef, useState } from "react";
import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, mergeClasses, Select, Text, tokens } from "@fluentui/react-components";
import type { Consolidation } from "../../core/consolidation/consolidate";
import { comparisonView, sortRows, ViewColumnKey, ViewRow, viewYears, ViewYear } from "../../core/consolidation/view";
import { Dec } from "../../core/decimal";
import { formatEuro, formatNumber } from "../../core/format";
import { shareRatio } from "../../core/profile";
import type { Parameters } from "../../core/standard";
import type { CompareActions, ComparisonWriteResult } from "../actions";
import { BarChart } from "../components/BarChart";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18nContext";
import { consolidateOpenWorkbook } from "../compare/comparison";

const useStyles = makeStyles({
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // An amount never breaks at its sign ("-1.750,00 €" stays on one line).
  amount: { whiteSpace: "nowrap" },
  below: { color: tokens.colorPaletteRedForeground1 },
  // The table scrolls inside its own region at narrow widths; the pane itself never scrolls sideways.
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    verticalAlign: "bottom",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  sortButton: {
    border: "none",
    background: "none",
    padding: 0,
    textAlign: "inherit",
    color: "inherit",
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  td: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sum: { fontWeight: tokens.fontWeightSemibold, borderTop: `2px solid ${tokens.colorNeutralStroke1}` },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  fileInput: { maxWidth: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Direction = "ascending" | "descending";

const COLUMNS: ReadonlyArray<{ key: ViewColumnKey; label: MessageKey; numeric: boolean }> = [
  { key: "neighbourhood", label: "compare.neighbourhood", numeric: false },
  { key: "total", label: "compare.total", numeric: true },
  { key: "perResident", label: "compare.perResident", numeric: true },
  { key: "ftePerThousand", label: "compare.ftePerThousand", numeric: true },
  { key: "deviation", label: "compare.deviation", numeric: true },
  { key: "shareFederal", label: "compare.shareFederal", numeric: true },
  { key: "shareState", label: "compare.shareState", numeric: true },
  { key: "shareMunicipal", label: "compare.shareMunicipal", numeric: true },
  { key: "compliant", label: "compare.compliant", numeric: false },
];

/** What the table shows: the open workbook's Quartiere, or submitted files. */
interface Shown {
  consolidation: Consolidation;
  source: "workbook" | "files";
}

const yearValue = (y: ViewYear): string => (y === "all" ? "all" : y === null ? "none" : String(y));
const yearOf = (value: string): ViewYear => (value === "all" ? "all" : value === "none" ? null : Number(value));

export function CompareTab({ actions }: { parameters?: Parameters; actions: CompareActions }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const [shown, setShown] = useState<Shown>();
  const [year, setYear] = useState<ViewYear>();
  const [sort, setSort] = useState<{ key: ViewColumnKey; direction: Direction }>();
  const [written, setWritten] = useState<ComparisonWriteResult>();
  const fileInput = useRef<HTMLInputElement>(null);

  const c = shown?.consolidation;
  const years = useMemo(() => (c ? viewYears(c) : []), [c]);
  // The first plan year until the user chooses; a year the new data lacks falls back to it.
  const chosen: ViewYear = year !== undefined && (year === "all" || years.includes(year)) ? year : (years[0] ?? "all");
  const view = useMemo(() => (c ? comparisonView(c, chosen) : undefined), [c, chosen]);
  const rows = useMemo(() => (view ? (sort ? sortRows(view.rows, sort.key, sort.direction) : view.rows) : []), [view, sort]);

  const show = (consolidation: Consolidation, source: Shown["source"]) => {
    setShown({ consolidation, source });
    setWritten(undefined);
  };
  const load = async () => {
    const label = t("compare.thisWorkbook");
    const plan = await task.run(() => actions.readWorkbookPlan());
    if (plan) show(consolidateOpenWorkbook(plan, label), "workbook");
  };
  const compareFiles = async () => {
    const files = fileInput.current?.files;
    if (!files || files.length === 0 || !actions.consolidateFiles) return;
    const list = Array.from(files);
    const consolidation = await task.run((report) => actions.consolidateFiles!(list, report));
    if (!consolidation) return;
    show(consolidation, "files");
    const result = await task.run(() => actions.writeComparison!(consolidation));
    if (result) setWritten(result);
  };

  const euro = (v: Dec | null | undefined) => (v === null || v === undefined ? t("compare.missing") : formatEuro(v, lang));
  const num = (v: Dec | number | null | undefined) => (v === null || v === undefined ? t("compare.missing") : formatNumber(v, lang));
  const percent = (text: string) => {
    const r = shareRatio(text);
    return `${formatNumber(new Dec(r.numerator.toString()).mul(100).div(r.denominator.toString()), lang)} %`;
  };
  const toggleSort = (key: ViewColumnKey) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === "ascending" ? "descending" : s?.key === key ? "ascending" : key === "neighbourhood" ? "ascending" : "descending" }));

  const cell = (r: ViewRow, key: ViewColumnKey) => {
    switch (key) {
      case "total":
        return euro(r.total);
      case "perResident":
        return euro(r.perResident);
      case "ftePerThousand":
        return num(r.ftePerThousand);
      case "deviation":
        return euro(r.deviation);
      case "shareFederal":
        return euro(r.shares?.federal);
      case "shareState":
        return euro(r.shares?.state);
      case "shareMunicipal":
        return euro(r.shares?.municipal);
      default:
        return "";
    }
  };
  const compliantText = (r: ViewRow) => {
    const count = r.neighbourhood.violations.length;
    return r.compliant ? t("compare.compliant.yes") : count === 1 ? t("compare.compliant.noOne") : t("compare.compliant.no", { count });
  };
  const perResidentLabel = chosen === "all" ? t("compare.perResidentYear") : t("compare.perResident");
  const mean = view?.sums.weightedPerResident ?? null;

  return (
    <>
      <Caption1>{t("compare.intro")}</Caption1>
      <div className={styles.row}>
        <Button appearance="primary" disabled={task.busy} onClick={load}>
          {shown?.source === "workbook" ? t("common.refresh") : t("compare.load")}
        </Button>
      </div>
      {actions.consolidateFiles && actions.writeComparison && (
        <section aria-labelledby="compare-files-title">
          <Text id="compare-files-title" weight="semibold" block>
            {t("compare.files.title")}
          </Text>
          <Caption1 block>{t("compare.files.hint")}</Caption1>
          <div className={styles.row}>
            <input
              ref={fileInput}
              className={styles.fileInput}
              type="file"
              multiple
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label={t("compare.files.pick")}
              data-compare-files
            />
            <Button disabled={task.busy} onClick={compareFiles}>
              {t("compare.files.compare")}
            </Button>
          </div>
        </section>
      )}
      <TaskStatus task={task} success={written && { key: "compare.files.written", params: { sheets: written.sheets.map((s) => `„${s}“`).join(", ") } }} />
      {written && written.renamed.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {written.renamed.map((r) => (
              <div key={r.actual}>{t("compare.files.renamed", { wanted: r.requested, actual: r.actual })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {c && c.errors.length > 0 && (shown?.source === "files" || c.neighbourhoods.length > 0) && (
        <MessageBar intent="warning" data-compare-errors>
          <MessageBarBody>
            {t("compare.errors", { count: c.errors.length })}
            <ul className={styles.list}>
              {c.errors.map((e, i) => (
                <li key={i}>{`${e.file}: ${e.message}`}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {c && c.neighbourhoods.length === 0 && <Caption1>{t("compare.none")}</Caption1>}
      {c && view && c.neighbourhoods.length > 0 && (
        <>
          <Field label={t("compare.year")}>
            <Select value={yearValue(chosen)} onChange={(_, d) => setYear(yearOf(d.value))}>
              {years.map((y) => (
                <option key={yearValue(y)} value={yearValue(y)}>
                  {y === null ? t("compare.year.none") : String(y)}
                </option>
              ))}
              <option value="all">{t("compare.year.all")}</option>
            </Select>
          </Field>
          <Caption1>
            {t("compare.shares", { federal: percent(c.shareTexts.federal), state: percent(c.shareTexts.state), municipal: percent(c.shareTexts.municipal), standard: `${c.standard.name} (${c.standard.version})` })}
          </Caption1>
          {view.sums.incomplete > 0 && (
            <MessageBar intent="warning" data-compare-incomplete>
              <MessageBarBody>{t("compare.incomplete", { count: view.sums.incomplete })}</MessageBarBody>
            </MessageBar>
          )}
          <BarChart
            title={`${t("compare.chart")} (${chosen === "all" ? t("compare.year.all") : chosen === null ? t("compare.year.none") : chosen})`}
            bars={rows.filter((r) => r.perResident !== null).map((r) => ({ label: r.neighbourhood.name, value: r.perResident!.toNumber(), text: formatEuro(r.perResident!, lang) }))}
            reference={mean ? { value: mean.toNumber(), text: `${t("compare.weightedMean")} ${formatEuro(mean, lang)}` } : undefined}
          />
          <div className={styles.scroller} role="region" aria-label={t("compare.table")} tabIndex={0}>
            <table className={styles.table} aria-label={t("compare.table")} data-compare-table>
              <thead>
                <tr>
                  {COLUMNS.map((col) => {
                    const active = sort?.key === col.key;
                    const label = col.key === "perResident" ? perResidentLabel : t(col.label);
                    return (
                      <th key={col.key} scope="col" className={mergeClasses(styles.th, col.numeric && styles.number)} aria-sort={active ? sort!.direction : "none"}>
                        <button type="button" className={styles.sortButton} onClick={() => toggleSort(col.key)} title={t("compare.sortBy", { column: label })}>
                          {label}
                          <span aria-hidden="true">{active ? (sort!.direction === "ascending" ? " ▲" : " ▼") : ""}</span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.index} data-neighbourhood={r.neighbourhood.name}>
                    <th scope="row" className={styles.td}>
                      <Text weight="semibold" block>
                        {r.neighbourhood.name}
                      </Text>
                      {r.residents !== null && <Caption1 block>{`${num(r.residents)} ${t("compare.residents")}`}</Caption1>}
                      {shown?.source === "files" && <Caption1 block>{r.neighbourhood.file}</Caption1>}
                    </th>
                    {COLUMNS.slice(1, -1).map((col) => (
                      <td
                        key={col.key}
                        data-col={col.key}
                        className={mergeClasses(styles.td, styles.number, styles.amount, col.key === "deviation" && r.deviation?.isNegative() && styles.below)}
                      >
                        {cell(r, col.key)}
                      </td>
                    ))}
                    <td data-col="compliant" className={mergeClasses(styles.td, !r.compliant && styles.below)}>
                      {compliantText(r)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-sum>
                  <th scope="row" className={mergeClasses(styles.td, styles.sum)}>
                    {t("compare.sum")}
                  </th>
                  <td data-col="total" className={mergeClasses(styles.td, styles.sum, styles.number, styles.amount)}>
                    {euro(view.sums.total)}
                  </td>
                  <td data-col="perResident" className={mergeClasses(styles.td, styles.sum, styles.number, styles.amount)} title={t("compare.weightedMean.note")}>
                    {mean ? `${formatEuro(mean, lang)} (${t("compare.weighted")})` : t("compare.missing")}
                  </td>
                  <td className={mergeClasses(styles.td, styles.sum)} />
                  <td data-col="deviation" className={mergeClasses(styles.td, styles.sum, styles.number, styles.amount, view.sums.deviation?.isNegative() && styles.below)}>
                    {euro(view.sums.deviation)}
                  </td>
                  <td data-col="shareFederal" className={mergeClasses(styles.td, styles.sum, styles.number, styles.amount)}>
                    {euro(view.sums.shares.federal)}
                  </td>
                  <td data-col="shareState" className={mergeClasses(styles.td, styles.sum, styles.number, styles.amount)}>
                    {euro(view.sums.shares.state)}
                  </td>
                  <td data-col="shareMunicipal" className={mergeClasses(styles.td, styles.sum, styles.number, styles.amount)}>
                    {euro(view.sums.shares.municipal)}
                  </td>
                  <td data-col="compliant" className={mergeClasses(styles.td, styles.sum)}>
                    {t("compare.compliantCount", { compliant: view.sums.compliant, count: view.sums.count })}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <Caption1>{t("compare.weightedMean.note")}</Caption1>
        </>
      )}
    </>
  );
}
