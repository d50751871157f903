import { useEffect, useRef } from 'react'
import type { SurfaceProps } from './types'

// H5: a plain <canvas>, as wide as its box, drawn at the screen's pixel ratio.

export function Surface({ id, height, onReady, onUnavailable }: SurfaceProps) {
  const ref = useRef<HTMLCanvasElement | null>(null)
  useEffect(() => {
    const el = ref.current
    let context: CanvasRenderingContext2D | null = null
    try {
      // jsdom has no canvas (getContext is "not implemented" there): the chart's text stands in.
      context = el && !navigator.userAgent.includes('jsdom') ? el.getContext('2d') : null
    } catch {
      context = null
    }
    if (!el || !context) {
      onUnavailable()
      return
    }
    const width = el.parentElement?.clientWidth || 320
    const pixelRatio = window.devicePixelRatio || 1
    el.width = width * pixelRatio
    el.height = height * pixelRatio
    el.style.width = `${width}px`
    el.style.height = `${height}px`
    onReady({ context, width, height, pixelRatio })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, height])
  return <canvas ref={ref} id={id} data-testid={id} style={{ display: 'block', height }} />
}
