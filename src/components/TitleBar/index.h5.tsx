import { useEffect, useState } from 'react'
import { TAB_STOP } from '@/components/a11y'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMe } from '@/hooks/useMe'
import { ROUTES } from '@/pages/routes'
import './index.scss'

// H5 has no navigation bar of its own: the page's title (its `navigationBarTitleText`) as the
// page's one heading, and 返回 on every page that is not a tab. It also carries elder mode to
// what lives outside the page (Taro's tab bar and toasts) through a class on <html>.

const TABS: readonly string[] = [ROUTES.home, ROUTES.grid, ROUTES.mine]

// Our controls are Views with a role and a tab stop: Enter and Space press them, as they would
// press a native button.
const PRESSABLE = '[role=button],[role=link],[role=tab],[role=radio],[role=switch],[role=checkbox]'
let keysBound = false
function bindKeys() {
  if (keysBound) return
  keysBound = true
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    const el = e.target as HTMLElement | null
    if (!el?.matches?.(PRESSABLE) || el.matches('button,a,input,textarea')) return
    e.preventDefault()
    el.click()
  })
}

function currentPage(): { title: string; path: string } {
  const page = Taro.getCurrentInstance().page as
    { config?: { navigationBarTitleText?: string }; route?: string; path?: string } | undefined
  const path = '/' + (page?.route ?? page?.path ?? '').replace(/^\//, '').split('?')[0]
  return { title: page?.config?.navigationBarTitleText ?? '', path }
}

export function TitleBar() {
  const { me } = useMe()
  const [{ title, path }] = useState(currentPage)
  const elder = !!me?.elderMode

  useEffect(() => {
    document.documentElement.classList.toggle('elder', elder)
  }, [elder])
  useEffect(bindKeys, [])

  if (!title) return null
  const isTab = TABS.includes(path)
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.switchTab({ url: ROUTES.home })
  }
  return (
    <View className="title-bar" role="banner">
      {!isTab && (
        <View
          className="title-bar__back"
          role="button"
          {...TAB_STOP}
          aria-label="返回"
          data-testid="title-back"
          onClick={back}
        >
          ‹ 返回
        </View>
      )}
      <View className="title-bar__title" role="heading" aria-level={1} data-testid="page-title">
        {title}
      </View>
    </View>
  )
}
