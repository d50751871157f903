import Taro from '@tarojs/taro'

/** A short message at the centre of the screen, long enough for slow readers. */
export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}
