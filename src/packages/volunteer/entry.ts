import type { DomainEntry } from '@/components/DomainEntry/types'
import { VOLUNTEER_ROUTES } from './routes'

// 志愿服务 on the main package's tabs (listed in src/pages/entries.ts). Zod-free and tiny.

export const volunteerEntry: DomainEntry = {
  key: 'volunteer',
  tile: {
    title: '志愿服务',
    desc: '参加活动，记录服务时长',
    url: VOLUNTEER_ROUTES.list,
    counts: [
      { key: 'volunteer.upcoming', text: (n) => `可报名 ${n} 个` },
      { key: 'volunteer.signedUp', text: (n) => `已报名 ${n} 个` },
    ],
  },
  links: [
    {
      id: 'volunteer-honor',
      title: '志愿光荣榜',
      desc: '今年服务时长最多的志愿者',
      url: VOLUNTEER_ROUTES.honor,
    },
  ],
  queues: [
    {
      id: 'volunteer-review',
      title: '志愿者审核',
      description: '居民申请成为志愿者，等您审核',
      url: VOLUNTEER_ROUTES.review,
      ability: 'volunteer.review',
      count: 'volunteer.toReview',
    },
    {
      id: 'volunteer-managed',
      title: '我组织的活动',
      description: '发布活动、签到码、确认出勤',
      url: VOLUNTEER_ROUTES.managed,
      ability: 'volunteer.publish',
    },
    {
      id: 'volunteer-report',
      title: '双报到台账',
      description: '在职党员按工作单位的报到和服务时长',
      url: VOLUNTEER_ROUTES.report,
      ability: 'volunteer.ledger',
    },
    {
      id: 'volunteer-settings',
      title: '服务时长设置',
      description: '微心愿、代办计入的时长和星级标准',
      url: VOLUNTEER_ROUTES.settings,
      ability: 'volunteer.ledger',
    },
  ],
  notices: [
    {
      id: 'volunteer-signed',
      count: 'volunteer.signedUp',
      text: (n) => `您报名了 ${n} 个即将开始的志愿活动`,
      url: VOLUNTEER_ROUTES.mine,
    },
  ],
  grid: {
    id: 'volunteers',
    title: '志愿服务',
    counts: [
      { key: 'volunteer.upcoming', label: '可报名活动', testId: 'grid-volunteer-upcoming' },
      { key: 'volunteer.signedUp', label: '我已报名', testId: 'grid-volunteer-signed' },
    ],
    links: [
      { text: '我的服务记录', url: VOLUNTEER_ROUTES.record, testId: 'grid-volunteer-record' },
      {
        text: '志愿活动',
        url: VOLUNTEER_ROUTES.list,
        testId: 'grid-volunteer-list',
        primary: true,
      },
    ],
  },
}
