import Taro, { usePullDownRefresh } from '@tarojs/taro'

/** Pull-down refresh for a page (its config sets `enablePullDownRefresh: true`). */
export function usePullRefresh(refresh: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh())
  })
}
