/**
 * Event handlers of the Excel API (`worksheet.onChanged`, `onSelectionChanged`). In the
 * simulated host they fire for what a person does in the preview's grid: typing into a cell
 * (`setCellFromUser`) or selecting cells (`selectFromUser`). Changes made through the API do
 * not fire them, which is what an add-in sees for its own writes in Excel on the web.
 */
import { rectAddress } from "../address";
import type { SheetModel } from "../model/sheet";
import type { UserEdit } from "../model/workbook";
import type { RequestContext } from "./context";

export type EventHandler = (args: never) => Promise<unknown> | unknown;

export class EventHandlerResult {
  readonly context: RequestContext;
  private readonly unsubscribe: () => void;

  constructor(context: RequestContext, unsubscribe: () => void) {
    this.context = context;
    this.unsubscribe = unsubscribe;
  }

  remove(): void {
    this.unsubscribe();
  }
}

export class EventHandlers {
  private readonly context: RequestContext;
  private readonly subscribe: (handler: (args: unknown) => unknown) => () => void;

  constructor(context: RequestContext, subscribe: (handler: (args: unknown) => unknown) => () => void) {
    this.context = context;
    this.subscribe = subscribe;
  }

  /** Handlers run asynchronously after the user's action, as Office events do. */
  add(handler: EventHandler): EventHandlerResult {
    const call = handler as (args: unknown) => unknown;
    const unsubscribe = this.subscribe((args) => queueMicrotask(() => void call(args)));
    return new EventHandlerResult(this.context, unsubscribe);
  }
}

export function changedEventArgs(edit: UserEdit): Record<string, unknown> {
  return {
    address: rectAddress(edit.rect),
    changeType: "RangeEdited",
    source: "Local",
    type: "WorksheetChanged",
    worksheetId: edit.sheet.id,
  };
}

export function selectionEventArgs(sheet: SheetModel): Record<string, unknown> {
  return { address: rectAddress(sheet.selection), type: "WorksheetSelectionChanged", worksheetId: sheet.id };
}
