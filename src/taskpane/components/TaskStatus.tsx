import { Field, MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import { useI18n } from "../i18nContext";
import { ErrorMessage } from "./ErrorMessage";
import { useScrolledIntoView } from "./useScrolledIntoView";
import type { Message } from "../i18n";
import type { Task } from "./useTask";

/** Progress while a task runs, its error in a MessageBar after it failed, or a success note. */
export function TaskStatus({ task, success }: { task: Task; success?: Message }) {
  const { t } = useI18n();
  if (task.busy) {
    const p = task.progress;
    const value = p && p.total > 0 ? p.done / p.total : undefined;
    return (
      <Field validationMessage={p ? t("template.progress", { done: p.done, total: p.total }) : t("common.busy")} validationState="none">
        <ProgressBar value={value} aria-label={t("common.busy")} />
      </Field>
    );
  }
  if (task.error !== undefined) return <ErrorMessage error={task.error} onDismiss={task.clearError} />;
  if (success) return <SuccessMessage message={success} />;
  return null;
}

function SuccessMessage({ message }: { message: Message }) {
  const { t } = useI18n();
  const ref = useScrolledIntoView<HTMLDivElement>();
  return (
    <MessageBar ref={ref} intent="success" role="status">
      <MessageBarBody>{t(message.key, message.params)}</MessageBarBody>
    </MessageBar>
  );
}
