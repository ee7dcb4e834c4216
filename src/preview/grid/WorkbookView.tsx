/**
 * The simulated workbook as a person sees it in Excel: a name box and formula bar, the grid of
 * the active sheet (computed values with their number formats, fills, fonts, selection), the
 * sheet tabs, and the sheet's charts drawn simply. Typing into a cell goes through the host's
 * user entry points, so the add-in's change handlers fire as in Excel. Cell text is rendered
 * as React text, never as HTML.
 */
import { KeyboardEvent, useEffect, useReducer, useRef, useState } from "react";
import type { Rect, SheetModel, UserActionResult, WorkbookModel } from "../host";
import { columnLetters, parseReference, rectAddress } from "../host";
import { cellStyle } from "./cellStyle";
import { ChartView } from "./ChartView";
import { px, viewportOf } from "./viewport";

interface Editing {
  row: number;
  col: number;
  text: string;
}

const ROW_HEADER_WIDTH = 40;

function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

/** What a cell shows in the formula bar and when editing starts: its formula, or its constant as typed in German. */
function editText(model: WorkbookModel, sheet: SheetModel, row: number, col: number): string {
  const view = model.cellView(sheet, row, col);
  if (view.formula) return view.formula;
  const v = sheet.get(row, col)?.value;
  if (v === undefined) return "";
  if (typeof v === "number") return String(v).replace(".", model.locale === "de" ? "," : ".");
  if (typeof v === "boolean") return model.locale === "de" ? (v ? "WAHR" : "FALSCH") : v ? "TRUE" : "FALSE";
  return v;
}

export function WorkbookView({ model }: { model: WorkbookModel }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [editing, setEditing] = useState<Editing>();
  const [message, setMessage] = useState<string>();
  const [nameBox, setNameBox] = useState<string>();
  const gridRef = useRef<HTMLDivElement>(null);

  // One redraw per change event: a sync of the add-in, a user edit, a loaded snapshot.
  useEffect(() => model.onChange(() => redraw()), [model]);

  const sheet = model.activeSheet;
  const selection = sheet.selection;
  const active = { row: selection.row, col: selection.col };
  const { rows, cols } = viewportOf(sheet);

  const report = (result: UserActionResult) => setMessage(result.ok ? undefined : result.message);
  const select = (rect: Rect) => report(model.selectFromUser(sheet.name, rectAddress(rect)));
  const selectCell = (row: number, col: number) => select({ row: Math.max(0, row), col: Math.max(0, col), rows: 1, cols: 1 });

  const commit = (e: Editing, move: { dRow: number; dCol: number }) => {
    setEditing(undefined);
    const address = rectAddress({ row: e.row, col: e.col, rows: 1, cols: 1 });
    const result = model.setCellFromUser(sheet.name, address, e.text);
    report(result);
    if (result.ok) selectCell(e.row + move.dRow, e.col + move.dCol);
    gridRef.current?.focus();
  };

  const onGridKey = (ev: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    const move = moves[ev.key];
    if (move) {
      ev.preventDefault();
      selectCell(active.row + move[0], active.col + move[1]);
    } else if (ev.key === "Enter" || ev.key === "F2") {
      ev.preventDefault();
      setEditing({ ...active, text: editText(model, sheet, active.row, active.col) });
    } else if (ev.key === "Delete" || ev.key === "Backspace") {
      ev.preventDefault();
      report(model.setCellFromUser(sheet.name, rectAddress(selection), ""));
    } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      setEditing({ ...active, text: ev.key });
    }
  };

  const onEditKey = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    if (ev.key === "Enter") {
      ev.preventDefault();
      commit(editing, { dRow: 1, dCol: 0 });
    } else if (ev.key === "Tab") {
      ev.preventDefault();
      commit(editing, { dRow: 0, dCol: 1 });
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      setEditing(undefined);
      gridRef.current?.focus();
    }
  };

  /** The name box takes an address ("B7", "B7:D7") or a defined name ("VbE"), as in Excel. */
  const goTo = (text: string) => {
    setNameBox(undefined);
    const ref = parseReference(text.trim());
    if (ref) {
      report(model.selectFromUser(ref.sheet ?? sheet.name, rectAddress(ref.rect)));
    } else {
      const name = model.lookupName(text.trim(), sheet);
      const target = name && model.nameRange(name);
      if (target) report(model.selectFromUser(target.sheet.name, rectAddress(target.rect)));
      else setMessage(`„${text}“ ist weder eine Zelladresse noch ein Name dieser Mappe.`);
    }
    gridRef.current?.focus();
  };

  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.row; r < m.row + m.rows; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}:${c}`);

  const activeView = model.cellView(sheet, active.row, active.col);
  return (
    <div className="workbook">
      <div className="formula-bar">
        <input
          className="name-box"
          aria-label="Namenfeld"
          value={nameBox ?? rectAddress(selection)}
          onChange={(e) => setNameBox(e.target.value)}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === "Enter") goTo(e.currentTarget.value);
            if (e.key === "Escape") setNameBox(undefined);
          }}
        />
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          className="formula"
          aria-label="Bearbeitungsleiste"
          value={editing && editing.row === active.row && editing.col === active.col ? editing.text : editText(model, sheet, active.row, active.col)}
          onFocus={() => !editing && setEditing({ ...active, text: editText(model, sheet, active.row, active.col) })}
          onChange={(e) => setEditing({ ...active, text: e.target.value })}
          onKeyDown={onEditKey}
          title={activeView.text}
        />
      </div>
      <div className="grid-scroll" ref={gridRef} tabIndex={0} role="grid" aria-label={`Tabelle ${sheet.name}`} onKeyDown={onGridKey}>
        <table className="grid" style={{ width: ROW_HEADER_WIDTH + Array.from({ length: cols }, (_, c) => px(sheet.columnWidth(c))).reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: ROW_HEADER_WIDTH }} />
            {Array.from({ length: cols }, (_, c) => (
              <col key={c} style={{ width: px(sheet.columnWidth(c)) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" className={c >= selection.col && c < selection.col + selection.cols ? "on" : undefined}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r} style={{ height: px(sheet.rowHeight(r)) }}>
                <th scope="row" className={r >= selection.row && r < selection.row + selection.rows ? "on" : undefined}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => {
                  if (covered.has(`${r}:${c}`)) return null;
                  const view = model.cellView(sheet, r, c);
                  const address = rectAddress({ row: r, col: c, rows: 1, cols: 1 });
                  const selected = contains(selection, r, c);
                  const isActive = r === active.row && c === active.col;
                  // Text runs on into an empty cell to its right, as in Excel.
                  const spills = typeof view.value === "string" && !view.merge && !view.format.wrapText && sheet.get(r, c + 1)?.value === undefined && sheet.get(r, c + 1)?.formula === undefined;
                  const classes = [
                    selected ? "selected" : "",
                    isActive ? "active" : "",
                    spills ? "spill" : "",
                    typeof view.value === "object" && view.value !== null ? "error" : "",
                  ];
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-address={address}
                      aria-selected={selected}
                      className={classes.filter(Boolean).join(" ") || undefined}
                      style={cellStyle(view)}
                      colSpan={view.merge?.cols}
                      rowSpan={view.merge?.rows}
                      title={view.formula}
                      onMouseDown={(e) => {
                        if (editing) commit(editing, { dRow: 0, dCol: 0 });
                        if (e.shiftKey) {
                          const top = Math.min(active.row, r);
                          const left = Math.min(active.col, c);
                          select({ row: top, col: left, rows: Math.abs(active.row - r) + 1, cols: Math.abs(active.col - c) + 1 });
                        } else selectCell(r, c);
                      }}
                      onDoubleClick={() => setEditing({ row: r, col: c, text: editText(model, sheet, r, c) })}
                    >
                      {editing && editing.row === r && editing.col === c ? (
                        <input
                          className="cell-editor"
                          aria-label={`Zelle ${address} bearbeiten`}
                          autoFocus
                          value={editing.text}
                          onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                          onKeyDown={onEditKey}
                          onBlur={() => editing && commit(editing, { dRow: 0, dCol: 0 })}
                        />
                      ) : (
                        view.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {sheet.charts.length > 0 && (
          <div className="charts">
            {sheet.charts.map((chart) => (
              <ChartView key={chart.id} model={model} sheet={sheet} chart={chart} />
            ))}
          </div>
        )}
      </div>
      {message && (
        <div className="status" role="alert">
          {message}
        </div>
      )}
      <div className="sheet-tabs" role="tablist" aria-label="Blätter">
        {model.visibleSheets().map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s === sheet}
            className={s === sheet ? "tab on" : "tab"}
            style={s.tabColor ? { borderBottomColor: s.tabColor } : undefined}
            onClick={() => report(model.activateSheetFromUser(s.name))}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
