/**
 * The one owner of the shared runtime's state: the figures the QM.* functions compute with,
 * their language, and which standard or profile the figures come from. In the shared runtime
 * the task pane and the functions run in one JavaScript context and share this module
 * instance, so the pane updates it and every later recalculation reads it.
 *
 * No decimal.js here (the functions' bundle must stay small): figures are validated as text
 * and kept as exact canonical decimal strings, so "equal" is string equality. Every state is
 * frozen and a new object on every change; an update that changes nothing returns the state
 * as it was and tells no listener, so "did the figures change?" is `after.parameters !==
 * before.parameters`.
 */
import type { Language } from "../core/format";
import type { Parameters } from "../core/standard";
import { defaultParameters, FIGURE_KEYS, RAHMENSTANDARD } from "../core/standard";
import { canonicalDecimal, FieldError, invalidFigure } from "../core/fields";

export { FieldError } from "../core/fields";

export interface RuntimeState {
  /** The figures the QM.* functions compute with, exact decimal strings; frozen; a new object on every change. */
  readonly parameters: Readonly<Parameters>;
  readonly language: Language;
  /** Name and version of the standard or profile the figures come from. */
  readonly standard: { readonly name: string; readonly version: string };
}

type Listener = (state: RuntimeState, before: RuntimeState) => void;

let current: RuntimeState = Object.freeze({
  parameters: Object.freeze(defaultParameters()),
  language: "de" as Language,
  standard: Object.freeze({ name: RAHMENSTANDARD.name, version: RAHMENSTANDARD.version }),
});
const listeners = new Set<Listener>();

export function runtimeState(): RuntimeState {
  return current;
}

/** The merged figures, canonical; the current object itself when no value changes. */
function nextParameters(change: Partial<Parameters>): Readonly<Parameters> {
  const next = {} as Parameters;
  let changed = false;
  for (const key of FIGURE_KEYS) {
    const raw: unknown = change[key] === undefined ? current.parameters[key] : change[key];
    const value = typeof raw === "string" ? canonicalDecimal(raw) : undefined;
    if (value === undefined) throw invalidFigure(key, raw);
    next[key] = value;
    if (value !== current.parameters[key]) changed = true;
  }
  return changed ? Object.freeze(next) : current.parameters;
}

function nextLanguage(language: unknown): Language {
  if (language !== "de" && language !== "en")
    throw new FieldError("language", language, `„${String(language)}“ ist keine Sprache des Add-ins (de oder en).`, `"${String(language)}" is no language of the add-in (de or en).`);
  return language;
}

function nextStandard(standard: { name?: unknown; version?: unknown }): RuntimeState["standard"] {
  const { name, version } = standard;
  if (typeof name !== "string" || name.trim() === "" || typeof version !== "string" || version.trim() === "")
    throw new FieldError(
      "standard",
      standard,
      "Name und Version des Standards müssen Texte sein, nicht leer.",
      "The standard's name and version must be texts, not empty.",
    );
  return name === current.standard.name && version === current.standard.version ? current.standard : Object.freeze({ name, version });
}

/**
 * Validates (decimal text, ≥ 0, ≤ 15 significant digits) and applies; throws a `FieldError`
 * keyed by the figure's key (or "language" / "standard"), changing nothing. Figures the change
 * leaves out keep their value. Returns the new state.
 */
export function updateRuntimeState(change: Partial<RuntimeState>): RuntimeState {
  // Everything is checked before anything is assigned, so a refusal changes nothing.
  const parameters = change.parameters === undefined ? current.parameters : nextParameters(change.parameters);
  const language = change.language === undefined ? current.language : nextLanguage(change.language);
  const standard = change.standard === undefined ? current.standard : nextStandard(change.standard);
  if (parameters === current.parameters && language === current.language && standard === current.standard) return current;
  const before = current;
  current = Object.freeze({ parameters, language, standard });
  for (const listener of [...listeners]) {
    try {
      listener(current, before);
    } catch (error) {
      // One failing listener must neither stop the others nor undo a change already made:
      // it is reported as an uncaught error of its own.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
  return current;
}

/** Calls `listener` after every change; returns the unsubscribe. */
export function onRuntimeStateChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
