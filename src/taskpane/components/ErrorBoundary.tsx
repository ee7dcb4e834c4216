import { Component, ErrorInfo, ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Language } from "../../core/format";
import { errorText } from "../errors";
import { translate } from "../i18n";

interface Props {
  lang: Language;
  children: ReactNode;
}

/** Catches a render error of one tab and shows it, instead of leaving the pane blank. */
export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error() };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept for the developer console; the user sees the MessageBar below.
    console.error(error, info.componentStack);
  }

  override render() {
    const { lang } = this.props;
    if (this.state.error === undefined) return this.props.children;
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("error.boundary")}</MessageBarTitle>
          {errorText(this.state.error, lang, t)}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => this.setState({ error: undefined })}>
            {t("error.retry")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
