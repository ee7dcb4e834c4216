/**
 * The findings of a check as a Quartiersmanager reads them: per Quartier, filterable by
 * severity, Verstöße first; each finding says in plain words what is wrong, the rule id comes
 * second. A fresh template's many unconfirmed requirements are one line that opens onto each.
 * The list is one tab stop; the arrow keys move inside it (Fluent's tabster mover).
 */
import { useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { cellName } from "../../core/read/cells";
import { CheckResult, Finding, formatQuantity } from "../../core/rules";
import { visibleText } from "../../core/visibleText";
import { groupFindings, ListItem, SeverityFilter } from "../findingGroups";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18nContext";
import { shownName } from "../shownName";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyle: "none" },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", margin: 0 },
  items: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: "none" },
  nested: { paddingLeft: tokens.spacingHorizontalM },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    textAlign: "left",
    width: "100%",
    minWidth: 0,
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
    // Severity is told by the badge's word and the border's style, not by colour alone.
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  hint: { borderLeft: `4px dashed ${tokens.colorPaletteDarkOrangeBorder2}` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  atCell: { boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke2}` },
  title: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  // The severity's word stays whole beside a long message.
  badge: { flexShrink: 0 },
  meta: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", color: tokens.colorNeutralForeground3 },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  figures: { display: "flex", columnGap: tokens.spacingHorizontalL, flexWrap: "wrap", color: tokens.colorNeutralForeground2 },
  fold: { justifyContent: "flex-start", width: "100%", textAlign: "left", fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  result: CheckResult;
  filter: SeverityFilter;
  onFilter(filter: SeverityFilter): void;
  selected?: Finding;
  /** Findings about the cell selected in Excel: outlined, and their fold opened. */
  atCell: readonly Finding[];
  onSelect(f: Finding): void;
}

export function FindingsList({ result, filter, onFilter, selected, atCell, onSelect }: Props) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // One tab stop for the whole list; Tab leaves it, arrows move within, the last one is remembered.
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const all = result.neighbourhoods.flatMap((n) => n.findings);
  const count = (f: SeverityFilter) => (f === "all" ? all.length : all.filter((x) => x.schwere === f).length);
  const groups = groupFindings(result, filter);

  const findingButton = (f: Finding, key: number | string) => (
    <li key={key}>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.finding, f.schwere === "hinweis" && styles.hint, selected === f && styles.selected, atCell.includes(f) && styles.atCell)}
        // A tooltip, not an aria-label: screen readers read the finding itself.
        title={f.zelle ? t("check.goto", { cell: visibleText(cellName(f.zelle)) }) : undefined}
        aria-pressed={selected === f}
        data-rule={f.regel}
        data-severity={f.schwere}
        onClick={() => onSelect(f)}
      >
        <span className={styles.title}>
          <Badge className={styles.badge} size="small" shape="rounded" appearance={f.schwere === "verstoss" ? "filled" : "outline"} color={f.schwere === "verstoss" ? "danger" : "warning"}>
            {t(f.schwere === "verstoss" ? "check.severity.verstoss" : "check.severity.hinweis")}
          </Badge>
          <Text>{visibleText(lang === "en" ? f.messageEn : f.meldung)}</Text>
        </span>
        <span className={styles.meta}>
          <span className={styles.rule}>{f.regel}</span>
          {f.jahr !== null && <Caption1>{t("check.year", { year: f.jahr })}</Caption1>}
        </span>
        <span className={styles.figures}>
          {f.soll && <Caption1>{`${t("check.expected")}: ${formatQuantity(f.soll, lang)}`}</Caption1>}
          {f.ist && <Caption1>{`${t("check.actual")}: ${formatQuantity(f.ist, lang)}`}</Caption1>}
          {f.zelle && <Caption1>{`${t("check.cell")}: ${visibleText(cellName(f.zelle))}`}</Caption1>}
        </span>
      </Button>
    </li>
  );

  const item = (it: ListItem, i: number) => {
    if (it.kind === "finding") return findingButton(it.finding, i);
    const expanded = open.has(it.key) || it.findings.some((f) => atCell.includes(f));
    const toggle = () =>
      setOpen((prev) => {
        const next = new Set(prev);
        if (next.has(it.key)) next.delete(it.key);
        else next.add(it.key);
        return next;
      });
    const id = `fold-${it.key.replace(/\W/g, "-")}`;
    return (
      <li key={it.key} data-fold={it.fold}>
        <Button appearance="subtle" className={styles.fold} aria-expanded={expanded} aria-controls={id} onClick={toggle}>
          {`${expanded ? "▾" : "▸"} ${t(`check.fold.${it.fold}` as MessageKey, { count: it.findings.length })}`}
        </Button>
        {expanded && (
          <ul id={id} className={mergeClasses(styles.items, styles.nested)}>
            {it.findings.map((f, j) => findingButton(f, j))}
          </ul>
        )}
      </li>
    );
  };

  const filterLabel = (f: SeverityFilter, key: MessageKey) => `${t(key)} (${count(f)})`;
  return (
    <section aria-label={t("check.findings")}>
      <Subtitle2 as="h2">{t("check.findings")}</Subtitle2>
      {all.length === 0 && <Caption1>{t("check.noFindings")}</Caption1>}
      {all.length > 0 && (
        <RadioGroup layout="horizontal" aria-label={t("check.filter")} value={filter} onChange={(_, data) => onFilter(data.value as SeverityFilter)}>
          <Radio value="all" label={filterLabel("all", "check.filter.all")} />
          <Radio value="verstoss" label={filterLabel("verstoss", "check.filter.verstoss")} />
          <Radio value="hinweis" label={filterLabel("hinweis", "check.filter.hinweis")} />
        </RadioGroup>
      )}
      <div {...arrows} data-findings-list>
        <ul className={styles.list}>
          {groups
            .filter((g) => g.items.length > 0)
            .map((g, gi) => (
              <li key={gi} className={styles.group} data-group={g.name}>
                <h3 className={styles.groupHead}>
                  <Text weight="semibold">{shownName(g.name, t)}</Text>
                  <Caption1>{t("check.groupCounts", { violations: g.violations, hints: g.hints })}</Caption1>
                </h3>
                <ul className={styles.items}>{g.items.map(item)}</ul>
              </li>
            ))}
        </ul>
      </div>
    </section>
  );
}
