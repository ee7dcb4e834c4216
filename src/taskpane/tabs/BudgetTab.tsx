import { useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { BUDGET_LINES, BudgetLines, compileParameters, computeBudget } from "../../core/budget";
import { isQmInputError, QmInputError } from "../../core/errors";
import { formatEuro, formatNumber } from "../../core/format";
import { FIELDS } from "../../core/inputs";
import { explainLine } from "../../core/rulebook/explain";
import { MINIMUM_RULES_DATA } from "../../core/rulebook/lines";
import { checkBudget, Finding } from "../../core/rules";
import { Parameters, RAHMENSTANDARD } from "../../core/standard";
import type { BudgetActions } from "../actions";
import { TaskStatus } from "../components/TaskStatus";
import { useTask } from "../components/useTask";
import { UserMessage } from "../errors";
import type { Message } from "../i18n";
import { useI18n } from "../i18nContext";
import { NumberField, readTyped, shownText, TypedNumber } from "../numberInput";

const useStyles = makeStyles({
  form: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", alignItems: "start", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  input: { width: "100%", minWidth: 0 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  amount: { textAlign: "right", fontVariantNumeric: "tabular-nums", verticalAlign: "top" },
  /** The rule in words under the line's name, quieter than the amounts. */
  rule: { display: "block", color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  /** The check's words beside a line below the standard: not colour alone, the sentence says it. */
  warning: { display: "block", color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightRegular },
});

/** The budget line a money rule of the check judges (the rulebook names it); other findings (VbE) belong to their input. */
const LINE_OF_RULE: ReadonlyMap<string, string> = new Map(MINIMUM_RULES_DATA.map((r) => [r.id, r.line]));

type FieldKey = "residents" | "fte" | "salaryPerFte" | "roomCosts";
const STRONG_LINES = new Set(["projectFunds", "total"]);

interface Computed {
  fields: Record<FieldKey, NumberField>;
  budget?: BudgetLines;
  /** The check's own findings about this budget (`checkBudget`): the inputs below the standard. */
  findings?: Finding[];
  /** The field a core validation error is about, with the error. */
  invalid?: { field: FieldKey; error: QmInputError };
}

function compute(typed: Record<FieldKey, TypedNumber>, parameters: Parameters): Computed {
  const fields = {
    residents: readTyped(typed.residents),
    fte: readTyped(typed.fte, false),
    salaryPerFte: readTyped(typed.salaryPerFte),
    roomCosts: readTyped(typed.roomCosts),
  };
  if (fields.residents.kind !== "number" || Object.values(fields).some((f) => f.kind === "invalid")) return { fields };
  const value = (f: NumberField) => (f.kind === "number" ? f.value : undefined);
  try {
    const compiled = compileParameters(parameters);
    const budget = computeBudget(
      { residents: fields.residents.value, fte: value(fields.fte), salaryPerFte: value(fields.salaryPerFte), roomCosts: value(fields.roomCosts) },
      compiled,
    );
    return { fields, budget, findings: checkBudget(budget, compiled) };
  } catch (e) {
    if (!isQmInputError(e)) throw e;
    const field = (Object.keys(FIELDS) as FieldKey[]).find((k) => FIELDS[k].de === e.field) ?? "residents";
    return { fields, invalid: { field, error: e } };
  }
}

export function BudgetTab({ parameters, actions }: { parameters: Parameters; actions: BudgetActions }) {
  const styles = useStyles();
  const { lang, t } = useI18n();
  const task = useTask();
  const [success, setSuccess] = useState<Message>();
  // As typed, with the language typed in: a switch of language keeps each value (see shownText).
  const [typed, setTyped] = useState<Record<FieldKey, TypedNumber>>(() => {
    const empty = { text: "", lang };
    return { residents: empty, fte: empty, salaryPerFte: empty, roomCosts: empty };
  });
  const computed = useMemo(() => compute(typed, parameters), [typed, parameters]);

  const validation = (key: FieldKey): string | undefined => {
    const f = computed.fields[key];
    if (f.kind === "invalid" && f.ambiguous) return t("budget.ambiguous", { field: FIELDS[key][lang], text: f.text });
    if (f.kind === "invalid") return t("budget.notANumber", { field: FIELDS[key][lang], text: f.text });
    if (computed.invalid?.field === key) return lang === "en" ? computed.invalid.error.messageEn : computed.invalid.error.message;
    return undefined;
  };

  const findingText = (f: Finding): string => (lang === "en" ? f.messageEn : f.meldung);
  const lineFindings = (line: string): Finding[] => (computed.findings ?? []).filter((f) => LINE_OF_RULE.get(f.regel) === line);
  // A finding about an input itself (too few VbE) is said at that input.
  const inputFindings = (computed.findings ?? []).filter((f) => !LINE_OF_RULE.has(f.regel));

  const field = (key: FieldKey, label: string, hint: string) => {
    const message = validation(key);
    const warning = key === "fte" && !message && inputFindings.length > 0 ? inputFindings.map(findingText).join(" ") : undefined;
    return (
      <Field
        label={label}
        hint={hint}
        validationMessage={message ?? warning}
        validationState={message ? "error" : warning ? "warning" : "none"}
      >
        <Input
          className={styles.input}
          inputMode="decimal"
          value={shownText(typed[key], lang, key !== "fte")}
          onChange={(_, data) => {
            setSuccess(undefined);
            setTyped((prev) => ({ ...prev, [key]: { text: data.value, lang } }));
          }}
        />
      </Field>
    );
  };

  const insert = async () => {
    const budget = computed.budget;
    if (!budget) return;
    setSuccess(undefined);
    const result = await task.run(async () => {
      const r = await actions.insertBudget({
        residents: budget.residents,
        fte: budget.fte.toNumber(),
        salaryPerFte: budget.salaryPerFte.toNumber(),
        roomCosts: budget.roomCosts.toNumber(),
        lang,
      });
      if (r.kind === "notEmpty") throw new UserMessage("budget.notEmpty", { address: r.address });
      return r;
    });
    if (result) setSuccess({ key: "budget.inserted", params: { address: result.address } });
  };

  return (
    <>
      <Caption1>{t("budget.intro")}</Caption1>
      <div className={styles.form}>
        {field("residents", t("budget.residents"), computed.fields.residents.kind === "empty" ? t("budget.missingResidents") : "")}
        {field("fte", t("budget.fte"), t("budget.fte.hint", { value: formatNumber(parameters.minFte, lang) }))}
        {field(
          "salaryPerFte",
          t("budget.salary"),
          t("budget.salary.hint", { value: formatEuro(parameters.salaryPerFte, lang), tariff: RAHMENSTANDARD.tariff }),
        )}
        {field("roomCosts", t("budget.roomCosts"), t("budget.roomCosts.hint"))}
      </div>
      {computed.findings && computed.findings.length > 0 && (
        <MessageBar intent="warning" data-budget-warnings={computed.findings.length}>
          <MessageBarBody>{t(computed.findings.length === 1 ? "budget.belowStandard.one" : "budget.belowStandard", { count: computed.findings.length })}</MessageBarBody>
        </MessageBar>
      )}
      {computed.budget && (
        <Table size="small" aria-label={t("budget.result")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("budget.line")}</TableHeaderCell>
              <TableHeaderCell className={styles.amount}>{t("budget.amount")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {BUDGET_LINES.map((line) => (
              <TableRow key={line.key} className={STRONG_LINES.has(line.key) ? styles.strong : undefined}>
                <TableCell>
                  <div>{t(`line.${line.key}`)}</div>
                  {/* The rule in the rulebook's words with the workbook's figures; the tab computes the base year, so no tariff increase. */}
                  <Caption1 className={styles.rule} data-explanation={line.key}>
                    {explainLine(line.key, parameters, lang)}
                  </Caption1>
                  {lineFindings(line.key).map((f) => (
                    <Caption1 key={f.regel} className={styles.warning} data-warning={f.regel}>
                      {`⚠ ${findingText(f)}`}
                    </Caption1>
                  ))}
                </TableCell>
                <TableCell className={styles.amount} data-line={line.key}>
                  {formatEuro(computed.budget![line.key], lang)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!computed.budget || task.busy} onClick={insert}>
          {t("budget.insert")}
        </Button>
        <Caption1>{t("budget.insert.hint")}</Caption1>
        <TaskStatus task={task} success={success} />
      </div>
    </>
  );
}
