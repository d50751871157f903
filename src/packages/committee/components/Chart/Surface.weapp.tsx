import { useEffect } from 'react'
import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { SurfaceProps } from './types'

// weapp: a `<canvas type="2d">` node found by its id once rendered; its context drawn at the
// device's pixel ratio.

interface CanvasNode {
  width: number
  height: number
  getContext: (type: '2d') => CanvasRenderingContext2D
  createImage: () => HTMLImageElement
}

export function Surface({ id, height, onReady, onUnavailable }: SurfaceProps) {
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number }[]) => {
          const node = res?.[0]?.node
          if (!node) {
            onUnavailable()
            return
          }
          const width = res[0].width || 320
          const pixelRatio = Taro.getSystemInfoSync().pixelRatio || 2
          node.width = width * pixelRatio
          node.height = height * pixelRatio
          onReady({
            context: node.getContext('2d'),
            width,
            height,
            pixelRatio,
            createImage: () => node.createImage(),
          })
        })
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, height])
  return <Canvas type="2d" id={id} style={{ width: '100%', height: `${height}px` }} />
}
