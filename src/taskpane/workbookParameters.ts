/**
 * The workbook's figures as the whole shared runtime knows them. Started once Office is ready
 * (`index.tsx`), before and independently of the pane's first render: in the shared runtime the
 * QM.* functions compute with what this loads, also while the pane is closed. It reloads the
 * figures when a person edits the sheet that holds them (any sheet, while none holds them),
 * and the pane's tabs read it.
 *
 * Here is decided when the functions take figures and whether they must recalculate: the
 * adapters only read and write, the runtime state (`src/functions/state.ts`) owns the figures.
 */
import { validFigures } from "../core/fields";
import { validPlanning } from "../core/parameterSources";
import type { ParameterChange, WorkbookParameters } from "../excel/parameters";
import { runtimeState, updateRuntimeState } from "../functions/state";
import type { ParameterActions } from "./actions";

export interface ParameterState {
  /** The figures last read from (or saved into) the workbook; undefined until the first load. */
  loaded?: WorkbookParameters;
  /** Why the last load failed, until the next one succeeds or the user dismisses it. */
  error?: unknown;
}

export interface WorkbookParameterStore {
  state(): ParameterState;
  /** Calls `listener` after every change of the state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Figures read elsewhere: the functions take them (and recalculate if they changed). */
  set(loaded: WorkbookParameters): void;
  /** Reads the figures again, e.g. after the pane created a Parameter sheet. */
  reload(): Promise<void>;
  /**
   * Saves figures, planning assumptions and the standard's identity into the workbook; the
   * functions compute with them from the moment they are written, and with the previous ones
   * again if the workbook refuses them. Throws a `FieldError` (keyed by the field) before
   * anything is written when a value is invalid.
   */
  save(change: ParameterChange): Promise<WorkbookParameters>;
  dismissError(): void;
}

/** The figures and identity of a load, handed to the functions; true when the figures changed. */
function handToFunctions(loaded: Pick<WorkbookParameters, "parameters" | "standard">): boolean {
  const before = runtimeState();
  const after = updateRuntimeState({ parameters: loaded.parameters, standard: { name: loaded.standard.name, version: loaded.standard.version } });
  return after.parameters !== before.parameters;
}

export function startWorkbookParameters(actions: ParameterActions): WorkbookParameterStore {
  let state: ParameterState = {};
  const listeners = new Set<() => void>();
  const update = (next: ParameterState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  // Loads and saves run one after another, so an older read never overwrites a newer save;
  // edits made while a load waits to start share it (typing several figures costs one load).
  let tail: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
  let waiting: Promise<void> | undefined;
  const reload = (): Promise<void> => {
    if (waiting) return waiting;
    const run = enqueue(async () => {
      waiting = undefined;
      try {
        const loaded = await actions.loadParameters();
        if (handToFunctions(loaded)) await actions.recalculate();
        update({ loaded });
      } catch (error) {
        update({ ...state, error: error ?? new Error() });
      }
    });
    waiting = run;
    return run;
  };

  const save = (change: ParameterChange): Promise<WorkbookParameters> => {
    // Refused before it waits for its turn, so the user sees at once which field is wrong.
    validFigures(change.parameters);
    validPlanning(change.planning ?? {});
    return enqueue(async () => {
      const before = runtimeState();
      let handed = false;
      try {
        const loaded = await actions.saveParameters(change, {
          // Always recalculate, also when the functions had these figures already: cells
          // computed before may still show older ones (e.g. from a copy computed elsewhere).
          recalculate: true,
          onWrite: () => {
            handed = true;
            handToFunctions({ parameters: change.parameters, standard: change.standard ?? before.standard });
          },
        });
        update({ loaded });
        return loaded;
      } catch (error) {
        if (handed) updateRuntimeState({ parameters: before.parameters, standard: before.standard });
        throw error;
      }
    });
  };

  void reload();
  actions
    .watchUserEdits((worksheetId) => {
      // Once figures were read from a sheet, only edits of that sheet matter; all others cost
      // nothing. Until then (the first load failed, or the workbook had no Parameter sheet and
      // one may be pasted in from another workbook) any edit may bring them, so any edit reloads;
      // edits arriving while a load waits share it.
      const sheetId = state.loaded?.sheetId;
      if (sheetId === undefined || worksheetId === sheetId) void reload();
    })
    .catch((error: unknown) => update({ ...state, error: error ?? new Error() }));

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(loaded) {
      if (handToFunctions(loaded)) void enqueue(() => actions.recalculate()).catch((error: unknown) => update({ ...state, error: error ?? new Error() }));
      update({ loaded });
    },
    reload,
    save,
    dismissError: () => update({ loaded: state.loaded }),
  };
}
