/**
 * Geometry of the small line charts, shared by the widget script and the server-rendered pages.
 * Pure: returns numbers and SVG path data, never markup.
 */

export type Plot = {
  /** One entry per input value, in order. */
  points: { x: number; y: number }[];
  /** SVG path data through the points ("M x y L x y …"), "" for no points. */
  path: string;
  min: number;
  max: number;
};

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Places values in a width × height box with `pad` pixels of margin; equal values sit mid-height.
 * @example plot([1, 3, 2], 100, 20, 2).path // "M2 18L50 2L98 10"
 */
export function plot(values: number[], width: number, height: number, pad = 2): Plot {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { points: [], path: "", min: 0, max: 0 };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const points = values.map((v, i) => ({
    x: r1(pad + (values.length === 1 ? w / 2 : (i * w) / (values.length - 1))),
    y: r1(max === min ? pad + h / 2 : pad + h - ((v - min) / (max - min)) * h),
  }));
  const path = points.map((p, i) => `${i ? "L" : "M"}${p.x} ${p.y}`).join("");
  return { points, path, min, max };
}
