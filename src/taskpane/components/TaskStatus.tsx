import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Field } from "@fluentui/react-components";
import { errorText } from "../errors";
import { useI18n } from "../i18nContext";
import type { Message } from "../i18n";
import type { Task } from "./useTask";

/** Progress while a task runs, its error in a MessageBar after it failed, or a success note. */
export function TaskStatus({ task, success }: { task: Task; success?: Message }) {
  const { lang, t } = useI18n();
  if (task.busy) {
    const p = task.progress;
    const value = p && p.total > 0 ? p.done / p.total : undefined;
    return (
      <Field validationMessage={p ? t("template.progress", { done: p.done, total: p.total }) : t("common.busy")} validationState="none">
        <ProgressBar value={value} aria-label={t("common.busy")} />
      </Field>
    );
  }
  if (task.error !== undefined) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("error.title")}</MessageBarTitle>
          {errorText(task.error, lang, t)}
        </MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={task.clearError}>
            {t("error.dismiss")}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (success) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{t(success.key, success.params)}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
