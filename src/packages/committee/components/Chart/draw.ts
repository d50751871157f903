import { Axis, Canvas, Chart, createElement, Interval, Legend, Line, Point } from '@antv/f2'

// The charts drawn with F2 (v5) on a 2D context the platform's Surface hands over. Plain
// `createElement` calls rather than JSX: Taro's babel compiles JSX for React.

/** One value of one series in one month. */
export interface ChartPoint {
  month: string
  series: string
  value: number
}

export interface ChartSpec {
  kind: 'bars' | 'line'
  data: ChartPoint[]
  /** The value axis' suffix, e.g. % */
  unit?: string
}

/** What a Surface hands to `draw`: a 2D context and its size in CSS pixels. */
export interface DrawTarget {
  context: CanvasRenderingContext2D
  width: number
  height: number
  pixelRatio: number
  createImage?: () => HTMLImageElement
}

// F2's own typing of createElement fits its JSX, not direct calls with generic components.
type Create = (type: unknown, props: object | null, ...children: unknown[]) => unknown
const h = createElement as unknown as Create

const COLORS = ['#c8102e', '#2f6fb0', '#1a7f37', '#9a4f00']
// Sizes in CSS pixels (the canvas is drawn at the screen's pixel ratio).
const LABEL = { fontSize: 13, fill: '#4a4a4a' }

function chartOf(spec: ChartSpec) {
  const axes = [
    h(Axis, { field: 'month', style: { label: LABEL } }),
    h(Axis, {
      field: 'value',
      style: { label: LABEL },
      formatter: (v: number) => `${v}${spec.unit ?? ''}`,
    }),
  ]
  const color = { field: 'series', range: COLORS }
  const marks =
    spec.kind === 'bars'
      ? [h(Interval, { x: 'month', y: 'value', color, adjust: 'dodge' })]
      : [h(Line, { x: 'month', y: 'value', color }), h(Point, { x: 'month', y: 'value', color })]
  // Counts start at 0; a rate (unit %) spans 0–100.
  const scale = { value: spec.unit === '%' ? { min: 0, max: 100 } : { min: 0, nice: true } }
  return h(
    Chart,
    { data: spec.data, scale },
    ...axes,
    ...marks,
    h(Legend, { position: 'top', nameStyle: { fontSize: 13, fill: '#1a1a1a' } })
  )
}

/** A chart drawn on one canvas: redrawn in place when its data changes, freed once. */
export interface DrawnChart {
  update: (spec: ChartSpec) => Promise<void>
  destroy: () => void
}

/** Draws `spec` on `target` (one F2 canvas per 2D context, however often the data changes). */
export async function draw(target: DrawTarget, spec: ChartSpec): Promise<DrawnChart> {
  const props = (s: ChartSpec) =>
    ({
      context: target.context,
      pixelRatio: target.pixelRatio,
      width: target.width,
      height: target.height,
      // Drawn at once: no animation frame to wait for (and the same picture every time).
      animate: false,
      createImage: target.createImage,
      children: chartOf(s),
    }) as ConstructorParameters<typeof Canvas>[0]
  const canvas = new Canvas(props(spec))
  await canvas.render()
  return {
    update: (next) => canvas.update(props(next)),
    destroy: () => canvas.destroy(),
  }
}
