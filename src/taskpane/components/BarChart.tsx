import { tokens } from "@fluentui/react-components";

export interface Bar {
  label: string;
  /** Length of the bar; bars are scaled to the largest value. */
  value: number;
  /** The value as shown beside the bar. */
  text: string;
}

const ROW = 26;
const LABEL_WIDTH = 110;
const TEXT_WIDTH = 90;
const WIDTH = 320;

/**
 * A horizontal bar chart in plain SVG (no chart library): one bar per Quartier, a dashed line
 * at the reference value (the mean). Labels are SVG text nodes, so cell text stays text.
 */
export function BarChart({ title, bars, reference }: { title: string; bars: readonly Bar[]; reference?: { value: number; text: string } }) {
  const max = Math.max(...bars.map((b) => b.value), reference?.value ?? 0, 0);
  const barSpace = WIDTH - LABEL_WIDTH - TEXT_WIDTH;
  const scale = (v: number) => (max > 0 ? (Math.max(v, 0) / max) * barSpace : 0);
  const height = bars.length * ROW + (reference ? ROW : 6);
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH * 1.4, fontFamily: tokens.fontFamilyBase }}>
      <title>{title}</title>
      {bars.map((bar, i) => (
        <g key={i} transform={`translate(0 ${i * ROW})`}>
          <text x={LABEL_WIDTH - 6} y={ROW / 2 + 4} textAnchor="end" fontSize="11" fill={tokens.colorNeutralForeground1}>
            {bar.label.length > 16 ? bar.label.slice(0, 15) + "…" : bar.label}
          </text>
          <rect x={LABEL_WIDTH} y={5} width={scale(bar.value)} height={ROW - 10} rx={2} fill={tokens.colorBrandBackground} />
          {/* A halo in the background colour keeps the value readable where the reference line crosses it. */}
          <text
            x={LABEL_WIDTH + scale(bar.value) + 4}
            y={ROW / 2 + 4}
            fontSize="11"
            fill={tokens.colorNeutralForeground2}
            stroke={tokens.colorNeutralBackground1}
            strokeWidth={3}
            paintOrder="stroke"
          >
            {bar.text}
          </text>
        </g>
      ))}
      {reference && (
        <g>
          <line
            x1={LABEL_WIDTH + scale(reference.value)}
            x2={LABEL_WIDTH + scale(reference.value)}
            y1={0}
            y2={bars.length * ROW}
            stroke={tokens.colorPaletteRedForeground1}
            strokeDasharray="4 3"
          />
          <text x={LABEL_WIDTH + scale(reference.value)} y={bars.length * ROW + 16} fontSize="11" textAnchor="middle" fill={tokens.colorPaletteRedForeground1}>
            {reference.text}
          </text>
        </g>
      )}
    </svg>
  );
}
