import type { DrawTarget } from './draw'

export interface SurfaceProps {
  /** Unique on the page (weapp finds its canvas node by id). */
  id: string
  /** CSS pixels. */
  height: number
  /** Called once the canvas has a 2D context (never where there is none: jsdom, old webviews). */
  onReady: (target: DrawTarget) => void
  /** No 2D context here: the chart's text stands in for it. */
  onUnavailable: () => void
}
