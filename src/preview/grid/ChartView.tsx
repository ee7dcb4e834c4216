/**
 * A chart of the simulated workbook, drawn simply: columns from the first column of its
 * source range (categories) and the last column (values). Enough to see that the template's
 * chart points at the right cells.
 */
import type { SheetModel, WorkbookModel } from "../host";

const WIDTH = 480;
const HEIGHT = 220;
const PAD = { left: 40, bottom: 48, top: 28, right: 10 };

export function ChartView({ model, sheet, chart }: { model: WorkbookModel; sheet: SheetModel; chart: SheetModel["charts"][number] }) {
  const { source } = chart;
  const points: { label: string; value: number }[] = [];
  for (let r = 0; r < source.rows; r++) {
    const label = model.cellView(sheet, source.row + r, source.col).text;
    const value = model.cellView(sheet, source.row + r, source.col + source.cols - 1).value;
    if (typeof value === "number") points.push({ label, value });
  }
  const max = Math.max(0, ...points.map((p) => p.value));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = points.length > 0 ? plotW / points.length : plotW;
  return (
    <figure className="chart" aria-label={chart.title || chart.name}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img">
        <text x={WIDTH / 2} y={18} textAnchor="middle" fontSize="13" fontWeight="600">
          {chart.titleVisible ? chart.title : ""}
        </text>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} stroke="#8a8886" />
        {points.map((p, i) => {
          const h = max > 0 ? (p.value / max) * plotH : 0;
          const x = PAD.left + i * slot + slot * 0.2;
          return (
            <g key={i}>
              <rect x={x} y={PAD.top + plotH - h} width={slot * 0.6} height={h} fill="#4472c4" />
              <text x={x + slot * 0.3} y={PAD.top + plotH + 14} textAnchor="middle" fontSize="10">
                {p.label.length > 14 ? p.label.slice(0, 13) + "…" : p.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
