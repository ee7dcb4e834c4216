import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { errorText } from "../errors";
import { useI18n } from "../i18nContext";
import { useScrolledIntoView } from "./useScrolledIntoView";

/** A failure as the pane shows it: an alert with the error's text and a button to close it. */
export function ErrorMessage({ error, onDismiss }: { error: unknown; onDismiss: () => void }) {
  const { lang, t } = useI18n();
  const ref = useScrolledIntoView<HTMLDivElement>();
  return (
    <MessageBar ref={ref} intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("error.title")}</MessageBarTitle>
        {errorText(error, lang, t)}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t("error.dismiss")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
