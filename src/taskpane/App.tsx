import { ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import {
  Caption1,
  FluentProvider,
  makeStyles,
  Select,
  Subtitle1,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Language } from "../core/format";
import { RAHMENSTANDARD } from "../core/standard";
import type { TaskpaneActions } from "./actions";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { ErrorMessage } from "./components/ErrorMessage";
import { PaneTabs } from "./components/PaneTabs";
import { i18nFor, I18nProvider } from "./i18nContext";
import { PANE_INTERACTIVE_MARK } from "./marks";
import { BudgetTab } from "./tabs/BudgetTab";
import { CheckTab } from "./tabs/CheckTab";
import { CompareTab } from "./tabs/CompareTab";
import { ParametersTab } from "./tabs/ParametersTab";
import { TemplateTab } from "./tabs/TemplateTab";
import type { WorkbookParameterStore } from "./workbookParameters";
import { defaultParameters } from "../core/standard";

const useStyles = makeStyles({
  // minWidth 0 and overflowX hidden: at Office's narrowest pane (320 px) nothing scrolls sideways.
  root: { minHeight: "100vh", minWidth: 0, boxSizing: "border-box", padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflowX: "hidden" },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  titles: { display: "flex", flexDirection: "column" },
  language: { minWidth: "7.5em" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
});

export const TAB_IDS = ["budget", "check", "template", "compare", "parameters"] as const;
export type TabId = (typeof TAB_IDS)[number];

export interface AppProps {
  actions: TaskpaneActions;
  /** The workbook's figures, loaded at the runtime's startup and kept current (`workbookParameters.ts`). */
  parameterStore: WorkbookParameterStore;
  /** From Office's display language; the user may switch in the pane. */
  initialLanguage: Language;
  /** Tells the host (Office, the preview) the language chosen in the pane. */
  onLanguageChange?: (lang: Language) => void;
}

export function App({ actions, parameterStore, initialLanguage, onLanguageChange }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Language>(initialLanguage);
  const [tab, setTab] = useState<TabId>("budget");
  // A tab is first rendered when first opened, then stays mounted (its inputs and results
  // survive switching): the first render draws the Budget tab only, not all five.
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set<TabId>(["budget"]));
  const openTab = (id: TabId) => {
    setTab(id);
    setOpened((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  };
  // The workbook's own figures, so the calculator, template and comparison compute as the workbook does.
  const { loaded, error } = useSyncExternalStore(parameterStore.subscribe, parameterStore.state);
  const i18n = useMemo(() => i18nFor(lang), [lang]);
  const { t } = i18n;

  useEffect(() => {
    // The moment the pane can be used; `npm run bench` reads it in the browser preview.
    // (Optional call: not every webview Office uses, nor jsdom, has the User Timing API.)
    performance.mark?.(PANE_INTERACTIVE_MARK);
  }, []);

  const parameters = loaded?.parameters ?? defaultParameters();
  const panels: Record<TabId, ReactNode> = {
    budget: <BudgetTab parameters={parameters} actions={actions} />,
    check: <CheckTab actions={actions} />,
    // A new template brings a Parameter sheet: read it, so edits there are followed from now on.
    template: <TemplateTab parameters={parameters} actions={actions} onCreated={parameterStore.reload} />,
    compare: <CompareTab parameters={parameters} actions={actions} />,
    parameters: <ParametersTab loaded={loaded} store={parameterStore} />,
  };

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <I18nProvider value={i18n}>
        <div className={styles.root}>
          <header className={styles.header}>
            <div className={styles.titles}>
              <Subtitle1 as="h1">{t("app.title")}</Subtitle1>
              <Caption1>{t("app.subtitle", { version: RAHMENSTANDARD.version })}</Caption1>
            </div>
            <Select
              className={styles.language}
              size="small"
              aria-label={t("app.language")}
              value={lang}
              onChange={(_, data) => {
                const next = data.value === "en" ? "en" : "de";
                setLang(next);
                onLanguageChange?.(next);
              }}
            >
              <option value="de">{t("app.language.de")}</option>
              <option value="en">{t("app.language.en")}</option>
            </Select>
          </header>
          {error !== undefined && <ErrorMessage error={error} onDismiss={parameterStore.dismissError} />}
          <PaneTabs<TabId> ids={TAB_IDS} selected={tab} onSelect={openTab} />
          {TAB_IDS.map((id) => (
            // Once opened, a tab stays mounted, so its inputs and results survive switching tabs.
            <section key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id} className={tab === id ? styles.panel : undefined}>
              {opened.has(id) && <ErrorBoundary lang={lang}>{panels[id]}</ErrorBoundary>}
            </section>
          ))}
        </div>
      </I18nProvider>
    </FluentProvider>
  );
}
