import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TAB_STOP } from '@/components/a11y'
import type { MatterPhoto } from '@/contract/matter'
import './index.scss'

/** Opens the photos full screen at `current` (WeChat's viewer; H5's own in the browser). */
export function previewPhotos(urls: string[], current: string): void {
  void Taro.previewImage({ urls, current }).catch(() => undefined)
}

/** A matter's photos as thumbnails; a tap opens them full size. A photo already gone says so. */
export function PhotoGrid({ photos, testId }: { photos: MatterPhoto[]; testId: string }) {
  if (!photos.length) return null
  const urls = photos.flatMap((p) => (p.url ? [p.url] : []))
  return (
    <View className="matter-photos" data-testid={testId}>
      {photos.map((p, i) =>
        p.url ? (
          <View
            key={p.fileID}
            className="matter-photos__item"
            role="button"
            {...TAB_STOP}
            aria-label={`查看第 ${i + 1} 张照片`}
            data-testid={`${testId}-${i}`}
            onClick={() => previewPhotos(urls, p.url!)}
          >
            <Image
              className="matter-photos__img"
              src={p.url}
              mode="aspectFill"
              nativeProps={{ alt: `现场照片 ${i + 1}` }}
            />
          </View>
        ) : (
          <View key={p.fileID} className="matter-photos__item matter-photos__gone muted">
            照片已清除
          </View>
        )
      )}
    </View>
  )
}
