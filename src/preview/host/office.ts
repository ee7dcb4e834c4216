/**
 * The `Office` namespace as far as QM-Planer uses it: `Office.onReady`, the display
 * language, document settings, host and platform types, ribbon action association, and
 * `Office.addin` (the runtime's startup behavior).
 *
 * Document settings behave as in Office: `set` and `remove` change the add-in's in-memory
 * copy; only `saveAsync` writes them into the workbook (and so into a snapshot). Code that
 * forgets `saveAsync` loses its settings here as it would in Excel.
 */
import type { WorkbookModel } from "./model/workbook";

const REMOVED = Symbol("removed");

export interface AsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; message: string };
}

type Callback<T> = (result: AsyncResult<T>) => void;

export class DocumentSettings {
  private readonly model: WorkbookModel;
  private readonly unsaved = new Map<string, unknown>();

  constructor(model: WorkbookModel) {
    this.model = model;
  }

  get(name: string): unknown {
    if (this.unsaved.has(name)) {
      const v = this.unsaved.get(name);
      return v === REMOVED ? null : v;
    }
    return this.model.settings.has(name) ? this.model.settings.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.unsaved.set(name, JSON.parse(JSON.stringify(value ?? null)));
  }

  remove(name: string): void {
    this.unsaved.set(name, REMOVED);
  }

  /** Writes the changes into the workbook. Accepts (callback) or (options, callback). */
  saveAsync(optionsOrCallback?: unknown, callback?: Callback<void>): void {
    const cb = (typeof optionsOrCallback === "function" ? optionsOrCallback : callback) as Callback<void> | undefined;
    for (const [name, value] of this.unsaved) {
      if (value === REMOVED) this.model.removeSetting(name);
      else this.model.setSetting(name, value);
    }
    this.unsaved.clear();
    if (cb) queueMicrotask(() => cb({ status: "succeeded", value: undefined }));
  }

  /** Drops unsaved changes and reads the workbook's settings again. */
  refreshAsync(callback?: Callback<DocumentSettings>): void {
    this.unsaved.clear();
    if (callback) queueMicrotask(() => callback({ status: "succeeded", value: this }));
  }
}

export const HostType = {
  Word: "Word",
  Excel: "Excel",
  PowerPoint: "PowerPoint",
  Outlook: "Outlook",
  OneNote: "OneNote",
  Project: "Project",
  Access: "Access",
} as const;

export const PlatformType = {
  PC: "PC",
  OfficeOnline: "OfficeOnline",
  Mac: "Mac",
  iOS: "iOS",
  Android: "Android",
  Universal: "Universal",
} as const;

export const StartupBehavior = { none: "None", load: "Load" } as const;
type StartupBehaviorValue = (typeof StartupBehavior)[keyof typeof StartupBehavior];

/**
 * `Office.addin` (SharedRuntime 1.1). The startup behavior is kept in the workbook's settings
 * under a key of its own, as Office keeps it in the document: a snapshot carries it.
 */
function createAddin(model: WorkbookModel) {
  const KEY = "Office.StartupBehavior";
  return {
    /** How often the add-in asked to show or hide the pane (there is no pane to show here). */
    calls: { showAsTaskpane: 0, hide: 0, setStartupBehavior: 0 },
    async getStartupBehavior(): Promise<StartupBehaviorValue> {
      return model.settings.get(KEY) === StartupBehavior.load ? StartupBehavior.load : StartupBehavior.none;
    },
    async setStartupBehavior(behavior: StartupBehaviorValue): Promise<void> {
      this.calls.setStartupBehavior++;
      model.setSetting(KEY, behavior);
    },
    async showAsTaskpane(): Promise<void> {
      this.calls.showAsTaskpane++;
    },
    async hide(): Promise<void> {
      this.calls.hide++;
    },
  };
}

export function createOfficeNamespace(model: WorkbookModel, displayLanguage: string) {
  const info = { host: HostType.Excel, platform: PlatformType.OfficeOnline };
  const actions = new Map<string, (event: unknown) => unknown>();
  const context = {
    /** Settable, e.g. to "en-US" to see the add-in in English. */
    displayLanguage,
    contentLanguage: displayLanguage,
    host: info.host,
    platform: info.platform,
    diagnostics: { ...info, version: "16.0" },
    requirements: { isSetSupported: (_name: string, _minVersion?: string | number): boolean => true },
    document: { settings: new DocumentSettings(model), url: "Mappe1.xlsx" },
  };
  return {
    context,
    addin: createAddin(model),
    StartupBehavior,
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } as const,
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(actionId: string, handler: (event: unknown) => unknown): void {
        actions.set(actionId, handler);
      },
    },
    /** Ribbon commands associated by the add-in, for the preview to invoke. */
    associatedActions: actions as ReadonlyMap<string, (event: unknown) => unknown>,
  };
}

export type SimulatedOffice = ReturnType<typeof createOfficeNamespace>;
