import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import { draw, type ChartSpec, type DrawnChart, type DrawTarget } from './draw'
import { Surface } from './Surface'
import './index.scss'

export type { ChartPoint, ChartSpec } from './draw'

interface ChartProps {
  /** The canvas' id and test id. */
  id: string
  spec: ChartSpec
  /** The chart in words: its accessible name, and what shows where no canvas can be drawn. */
  summary: string
  height?: number
}

/**
 * A chart with its text alternative: screen readers read `summary` (role img); where there is no
 * 2D canvas (jsdom, a webview without one) or drawing fails, the summary shows instead.
 */
export function ChartView({ id, spec, summary, height = 240 }: ChartProps) {
  const [target, setTarget] = useState<DrawTarget | null>(null)
  const [failed, setFailed] = useState(false)
  // The chart once drawn (a promise: a later spec waits for the first drawing to finish).
  const chart = useRef<Promise<DrawnChart> | null>(null)

  useEffect(() => {
    if (!target) return
    const drawn = chart.current
      ? chart.current.then(async (c) => {
          await c.update(spec)
          return c
        })
      : draw(target, spec)
    chart.current = drawn
    drawn.catch(() => setFailed(true))
  }, [target, spec])

  useEffect(
    () => () => {
      void chart.current?.then((c) => c.destroy()).catch(() => undefined)
    },
    []
  )

  return (
    <View className="chart" role="img" aria-label={summary} data-testid={`${id}-chart`}>
      {failed ? (
        <View className="chart__text" data-testid={`${id}-text`}>
          {summary}
        </View>
      ) : (
        <View aria-hidden>
          <Surface
            id={id}
            height={height}
            onReady={setTarget}
            onUnavailable={() => setFailed(true)}
          />
        </View>
      )}
    </View>
  )
}
