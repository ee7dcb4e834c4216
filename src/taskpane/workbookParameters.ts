/**
 * The workbook's figures as the whole shared runtime knows them. Started once Office is ready
 * (`index.tsx`), before and independently of the pane's first render: in the shared runtime the
 * QM.* functions compute with what this loads, also while the pane is closed. It reloads the
 * figures when a person edits the sheet that holds them (any sheet, while none holds them),
 * and the pane's tabs read it.
 */
import type { WorkbookParameters } from "../excel/parameters";
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
  /** The figures the pane itself loaded or saved. */
  set(loaded: WorkbookParameters): void;
  /** Reads the figures again, e.g. after the pane created a Parameter sheet. */
  reload(): Promise<void>;
  dismissError(): void;
}

export function startWorkbookParameters(actions: ParameterActions): WorkbookParameterStore {
  let state: ParameterState = {};
  const listeners = new Set<() => void>();
  const update = (next: ParameterState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  // Loads run one after another, so an older read never overwrites a newer one; edits made
  // while a load waits to start share it (typing several figures costs one load, not one each).
  let tail: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const reload = (): Promise<void> => {
    if (waiting) return waiting;
    const run = tail.then(async () => {
      waiting = undefined;
      try {
        update({ loaded: await actions.loadParameters() });
      } catch (error) {
        update({ ...state, error: error ?? new Error() });
      }
    });
    waiting = tail = run;
    return run;
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
    set: (loaded) => update({ loaded }),
    reload,
    dismissError: () => update({ loaded: state.loaded }),
  };
}
