import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Dec } from "../../core/decimal";
import { formatEuro, formatNumber } from "../../core/format";
import type { WorkbookPlan } from "../../core/plan";
import type { Parameters } from "../../core/standard";
import type { CompareActions } from "../actions";
import { BarChart } from "../components/BarChart";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { useI18n } from "../i18nContext";
import { averageOf, compareNeighbourhoods } from "../compare/comparison";

const useStyles = makeStyles({
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  // An amount never breaks at its sign ("-1.750,00 €" stays on one line).
  amount: { whiteSpace: "nowrap" },
  below: { color: tokens.colorPaletteRedForeground1 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    verticalAlign: "bottom",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function CompareTab({ parameters, actions }: { parameters: Parameters; actions: CompareActions }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const [plan, setPlan] = useState<WorkbookPlan>();
  const entries = useMemo(() => (plan ? compareNeighbourhoods(plan, parameters) : undefined), [plan, parameters]);

  const load = async () => {
    const result = await task.run(() => actions.readWorkbookPlan());
    if (result) setPlan(result);
  };

  const euro = (v: Dec | undefined) => (v === undefined ? t("compare.missing") : formatEuro(v, lang));
  const num = (v: Dec | number | undefined) => (v === undefined ? t("compare.missing") : formatNumber(v, lang));
  const average = entries ? averageOf(entries.map((e) => e.perResident)) : undefined;

  return (
    <>
      <Caption1>{t("compare.intro")}</Caption1>
      <Button appearance="primary" disabled={task.busy} onClick={load}>
        {plan ? t("common.refresh") : t("compare.load")}
      </Button>
      <TaskStatus task={task} />
      {entries && entries.length === 0 && <Caption1>{t("compare.none")}</Caption1>}
      {entries && entries.length > 0 && (
        <>
          <BarChart
            title={t("compare.chart")}
            bars={entries
              .filter((e) => e.perResident !== undefined)
              .map((e) => ({ label: e.name, value: e.perResident!.toNumber(), text: formatEuro(e.perResident!, lang) }))}
            reference={average && { value: average.toNumber(), text: `${t("compare.average")} ${formatEuro(average, lang)}` }}
          />
          <table className={styles.table} aria-label={t("tab.compare")}>
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {t("compare.neighbourhood")}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.number)}>
                  {t("compare.perResident")}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.number)}>
                  {t("compare.ftePerThousand")}
                </th>
                <th scope="col" className={mergeClasses(styles.th, styles.number)}>
                  {t("compare.deviation")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.sheet}>
                  <th scope="row" className={styles.td}>
                    <Text weight="semibold" block>
                      {e.name}
                    </Text>
                    <Caption1 block>{`${num(e.residents)} ${t("compare.residents")}`}</Caption1>
                    <Caption1 block>{euro(e.total)}</Caption1>
                  </th>
                  <td className={mergeClasses(styles.td, styles.number, styles.amount)}>{euro(e.perResident)}</td>
                  <td className={mergeClasses(styles.td, styles.number)}>{num(e.ftePerThousand)}</td>
                  <td className={mergeClasses(styles.td, styles.number, styles.amount, e.deviation?.isNegative() && styles.below)}>{euro(e.deviation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
