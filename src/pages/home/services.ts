import { WISH_ROUTES } from '@/pages/routes'

// The four neighbourhood services. A service gets its `url` when its subpackage lands.
export interface ServiceEntry {
  key: 'wish' | 'errand' | 'volunteer' | 'deliberation'
  title: string
  desc: string
  url?: string
}

export const SERVICES: ServiceEntry[] = [
  { key: 'wish', title: '微心愿', desc: '说出小心愿，邻里帮您圆', url: WISH_ROUTES.list },
  { key: 'errand', title: '红色代办', desc: '缴费买药办证，党员帮您跑' },
  { key: 'volunteer', title: '志愿服务', desc: '参加活动，记录服务时长' },
  { key: 'deliberation', title: '居民议事', desc: '小区大事，大家商量着办' },
]
