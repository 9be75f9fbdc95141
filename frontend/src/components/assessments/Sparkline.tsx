import { sparkline } from '../../lib/assessments/charts';

/** A small line of scores (0–100), drawn as SVG so it prints and needs no chart library. */
export function Sparkline({ scores, label, width = 120, height = 32 }: { scores: number[]; label: string; width?: number; height?: number }) {
  const line = sparkline(scores, width, height, 3);
  if (!line.last) return null;
  return (
    <svg
      className="as-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid="organisatiegraad-sparkline"
      data-points={scores.length}
    >
      <line x1="0" x2={width} y1={height - 0.5} y2={height - 0.5} className="as-sparkline-base" />
      {scores.length > 1 && <polyline points={line.points} fill="none" className="as-sparkline-line" />}
      <circle cx={line.last.x} cy={line.last.y} r="3" className="as-sparkline-dot" />
    </svg>
  );
}
