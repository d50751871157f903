// Demo content from neighbours (docs/contract.md §6): so that a newcomer finds a community in use,
// residents whose openids start with `seed-` have written wishes in every state, with their
// timelines, and seed volunteers have claimed and lit them. The demo personas own none of it, so
// each of them starts with nothing in flight. Deterministic given `now`: every date is relative.

import type { WishCategory, WishStatus } from '@/contract/wish'
import { WISH_AUTO_CONFIRM_DAYS } from '@/contract/wish'
import type { WishDoc, TimelineDoc } from '../cloudfunctions/src/wish/store'
import { shanghaiYearStart } from '../cloudfunctions/src/lib/time'

const DAY = 24 * 3600 * 1000

/** A neighbour: a verified resident of c1 unless `pending` (waiting in the verification queue). */
export interface Neighbour {
  openid: string
  nickname: string
  realName: string
  phone: string
  gridId: 'g1' | 'g2'
  buildingId: string
  room: string
  /** Days since they bound (and were verified). */
  since: number
  volunteer?: { partyMember: boolean; skills: string[]; redAgent?: boolean }
  pending?: boolean
}

export const NEIGHBOURS: Neighbour[] = [
  // 第一网格
  {
    openid: 'seed-g1-01',
    nickname: '王奶奶',
    realName: '王淑芬',
    phone: '13800000010',
    gridId: 'g1',
    buildingId: 'g1-b1',
    room: '302',
    since: 460,
  },
  {
    openid: 'seed-g1-02',
    nickname: '老刘',
    realName: '刘德明',
    phone: '13800000011',
    gridId: 'g1',
    buildingId: 'g1-b2',
    room: '101',
    since: 300,
  },
  {
    openid: 'seed-g1-03',
    nickname: '丽华',
    realName: '孙丽华',
    phone: '13800000012',
    gridId: 'g1',
    buildingId: 'g1-b3',
    room: '201',
    since: 240,
  },
  {
    openid: 'seed-g1-04',
    nickname: '建军',
    realName: '吴建军',
    phone: '13800000013',
    gridId: 'g1',
    buildingId: 'g1-b2',
    room: '503',
    since: 480,
    volunteer: { partyMember: true, skills: ['水电维修', '跑腿'], redAgent: true },
  },
  {
    openid: 'seed-g1-05',
    nickname: '小雨',
    realName: '郑小雨',
    phone: '13800000014',
    gridId: 'g1',
    buildingId: 'g1-b3',
    room: '402',
    since: 200,
    volunteer: { partyMember: false, skills: ['手机教学', '陪伴'] },
  },
  {
    openid: 'seed-g1-06',
    nickname: '马阿姨',
    realName: '马桂芝',
    phone: '13800000015',
    gridId: 'g1',
    buildingId: 'g1-b1',
    room: '601',
    since: 180,
  },
  // 第二网格
  {
    openid: 'seed-g2-01',
    nickname: '黄阿姨',
    realName: '黄秀兰',
    phone: '13800000016',
    gridId: 'g2',
    buildingId: 'g2-b4',
    room: '102',
    since: 260,
  },
  {
    openid: 'seed-g2-02',
    nickname: '老林',
    realName: '林国强',
    phone: '13800000017',
    gridId: 'g2',
    buildingId: 'g2-b5',
    room: '303',
    since: 220,
  },
  {
    openid: 'seed-g2-03',
    nickname: '佳怡',
    realName: '何佳怡',
    phone: '13800000018',
    gridId: 'g2',
    buildingId: 'g2-b6',
    room: '201',
    since: 210,
    volunteer: { partyMember: false, skills: ['陪伴', '陪诊'] },
  },
  {
    openid: 'seed-g2-04',
    nickname: '志明',
    realName: '高志明',
    phone: '13800000019',
    gridId: 'g2',
    buildingId: 'g2-b4',
    room: '502',
    since: 330,
    volunteer: { partyMember: true, skills: ['象棋', '手机教学'], redAgent: true },
  },
  {
    openid: 'seed-g2-05',
    nickname: '罗奶奶',
    realName: '罗玉梅',
    phone: '13800000020',
    gridId: 'g2',
    buildingId: 'g2-b6',
    room: '101',
    since: 150,
  },
  {
    openid: 'seed-g2-06',
    nickname: '文博',
    realName: '谢文博',
    phone: '13800000021',
    gridId: 'g2',
    buildingId: 'g2-b5',
    room: '404',
    since: 1,
    pending: true,
  },
]

/** A wish's story: who wrote it, how far it went, and when it started. */
interface Story {
  author: string
  title: string
  content: string
  category: WishCategory
  status: WishStatus
  /** Days between its creation and `now`. */
  daysAgo: number
  claimer?: string
  /** Filed by the grid worker for an elder (starts `open`). */
  filed?: boolean
  /** A first claimer who released it, and why. */
  released?: { by: string; reason: string }
  note?: string
  rating?: number
  thanks?: string
  autoConfirmed?: boolean
  rejectReason?: string
  /** Lit this calendar year (Asia/Shanghai) whatever day `now` is. */
  thisYear?: boolean
}

const STORIES: Story[] = [
  // 已点亮
  {
    author: 'seed-g1-01',
    title: '教我用手机和孙子视频',
    category: 'study',
    status: 'done',
    daysAgo: 150,
    thisYear: true,
    content: '孙子在外地上大学，想学会用微信视频通话，能常常看看他。',
    claimer: 'seed-g1-05',
    note: '已经教会视频通话和发语音，还写了一张步骤卡片贴在手机壳上',
    rating: 5,
    thanks: '小雨教了三遍都不嫌烦，现在每个周末都能看见孙子了，谢谢你！',
  },
  {
    author: 'seed-g1-02',
    title: '帮忙修一下阳台晾衣架',
    category: 'daily',
    status: 'done',
    daysAgo: 120,
    thisYear: true,
    content: '阳台的升降晾衣架摇不动了，一边高一边低，自己年纪大了不敢爬高。',
    claimer: 'seed-g1-04',
    note: '换了两个滑轮和一根钢丝绳，已经能正常升降',
    rating: 5,
    thanks: '建军师傅手艺好，晾衣架又结实了，老刘记着这份情。',
  },
  {
    author: 'seed-g2-01',
    title: '想找人陪我去社区医院复查',
    category: 'health',
    status: 'done',
    daysAgo: 90,
    thisYear: true,
    content: '上个月量出血压偏高，医生让我复查，家里孩子都上班，一个人去有点怕。',
    claimer: 'seed-g2-03',
    note: '陪阿姨做完复查，血压已经平稳，下次复查约在三个月后',
    rating: 5,
    thanks: '佳怡一路扶着我，挂号排队都是她跑的，真是好孩子。',
  },
  {
    author: 'seed-g2-02',
    title: '想借几本象棋书看看',
    category: 'study',
    status: 'done',
    daysAgo: 60,
    thisYear: true,
    content: '退休后迷上了下象棋，想找几本讲残局的书研究研究。',
    claimer: 'seed-g2-04',
    note: '送去三本残局书，看完可以再换',
    rating: 4,
    thanks: '书很好看，下回请志明来下两盘！',
  },
  {
    author: 'seed-g1-03',
    title: '孩子的自行车链条掉了',
    category: 'daily',
    status: 'done',
    daysAgo: 40,
    thisYear: true,
    content: '孩子上学骑的自行车链条老是掉，想请会修车的邻居帮忙看看。',
    claimer: 'seed-g1-04',
    note: '调了后轮，链条上了油，骑起来不掉了',
    autoConfirmed: true,
  },
  {
    author: 'seed-g2-05',
    title: '想请人陪我聊聊天',
    category: 'companionship',
    status: 'done',
    daysAgo: 25,
    thisYear: true,
    content: '老伴走了以后一个人住，白天家里太安静，想有人来说说话。',
    claimer: 'seed-g2-03',
    note: '约好了每周二下午来坐坐',
    rating: 5,
    thanks: '每周二下午佳怡都来陪我说说话，日子热闹多了。',
  },
  {
    author: 'seed-g1-06',
    title: '帮忙把旧衣服送到捐赠点',
    category: 'other',
    status: 'done',
    daysAgo: 15,
    thisYear: true,
    content: '整理出两袋冬衣，都洗干净了，想捐给需要的人，自己拎不动。',
    claimer: 'seed-g1-05',
    note: '两袋衣服已送到街道爱心驿站',
    rating: 5,
    thanks: '衣服都送去了，还拍了照片给我看，谢谢小雨！',
  },
  {
    author: 'seed-g1-01',
    title: '春节前想贴副春联',
    category: 'other',
    status: 'done',
    daysAgo: 420,
    content: '手抖写不了字，想请会写毛笔字的邻居帮忙写一副春联。',
    claimer: 'seed-g1-04',
    note: '写好春联和福字，帮忙贴好了',
    rating: 5,
    thanks: '春联写得真好，过了个红红火火的年。',
  },
  // 待确认
  {
    author: 'seed-g1-02',
    title: '帮忙换个厨房灯泡',
    category: 'daily',
    status: 'fulfilled',
    daysAgo: 5,
    content: '厨房吸顶灯坏了，晚上做饭看不清，灯罩够不着。',
    claimer: 'seed-g1-04',
    note: '灯泡已换好，顺便擦了灯罩',
  },
  {
    author: 'seed-g2-05',
    title: '想学用手机交电费',
    category: 'study',
    status: 'fulfilled',
    daysAgo: 6,
    content: '每次交电费都要跑营业厅，听说手机上就能交，想学一学。',
    claimer: 'seed-g2-04',
    note: '教会了在微信里交电费和查电量',
  },
  // 已认领
  {
    author: 'seed-g1-06',
    title: '想要一个放大镜看报纸',
    category: 'daily',
    status: 'claimed',
    daysAgo: 4,
    content: '眼睛花了，报纸上的字看不清，想要一个带灯的放大镜。',
    claimer: 'seed-g1-05',
  },
  {
    author: 'seed-g2-02',
    title: '帮忙把旧报纸搬下楼',
    category: 'daily',
    status: 'claimed',
    daysAgo: 8,
    content: '攒了一年的旧报纸，想搬到楼下回收点，腰不好搬不动。',
    claimer: 'seed-g2-03',
    released: { by: 'seed-g2-04', reason: '临时要出差，换人帮忙' },
  },
  // 待认领
  {
    author: 'seed-g1-01',
    title: '想请人帮忙取药',
    category: 'health',
    status: 'open',
    daysAgo: 3,
    filed: true,
    content: '每月要去社区医院取降压药，最近腿疼走不了远路。',
  },
  {
    author: 'seed-g1-03',
    title: '想找人教孩子写毛笔字',
    category: 'study',
    status: 'open',
    daysAgo: 6,
    content: '孩子对书法感兴趣，周末想找会写毛笔字的邻居指点指点。',
  },
  {
    author: 'seed-g2-01',
    title: '阳台的花需要换盆',
    category: 'daily',
    status: 'open',
    daysAgo: 2,
    content: '几盆君子兰长大了，花盆太小，想请人帮忙换个大盆。',
  },
  {
    author: 'seed-g2-05',
    title: '想听人读读报纸',
    category: 'companionship',
    status: 'open',
    daysAgo: 9,
    content: '眼神不好了，想请人每周来读一读报纸上的新闻。',
  },
  // 待审核
  {
    author: 'seed-g1-02',
    title: '想请人帮忙装个扶手',
    category: 'health',
    status: 'pending',
    daysAgo: 1,
    content: '卫生间起身有点费劲，想在马桶边装个扶手，扶手自己已经买好了。',
  },
  {
    author: 'seed-g1-06',
    title: '想学做手工香包',
    category: 'study',
    status: 'pending',
    daysAgo: 0.4,
    content: '端午快到了，想学做香包送给邻居家的小朋友。',
  },
  {
    author: 'seed-g2-02',
    title: '楼道里想摆几盆绿植',
    category: 'other',
    status: 'pending',
    daysAgo: 1.2,
    content: '楼道有点冷清，想请大家帮忙挑几盆好养的绿植摆上。',
  },
  // 未通过、已取消
  {
    author: 'seed-g2-01',
    title: '想买一台新电视',
    category: 'other',
    status: 'rejected',
    daysAgo: 30,
    content: '家里的电视用了十几年，画面发绿，想换一台新的。',
    rejectReason: '微心愿请控制在小而具体的帮助，可以改为请人帮忙调试电视',
  },
  {
    author: 'seed-g1-03',
    title: '想请人接孩子放学',
    category: 'daily',
    status: 'cancelled',
    daysAgo: 20,
    content: '这周加班，想请人帮忙接一下孩子放学。',
  },
  {
    author: 'seed-g1-01',
    title: '想找人帮忙拿快递',
    category: 'daily',
    status: 'cancelled',
    daysAgo: 35,
    content: '快递放在小区门口的驿站，东西有点重。',
  },
]

/** Who reviewed the wishes of each grid. */
const REVIEWER: Record<string, string> = { g1: 'demo-gridworker-1', g2: 'demo-committee-1' }

const step = (at: number, type: TimelineDoc['type'], text: string): TimelineDoc => ({
  at: new Date(at),
  type,
  text,
})

/** The timeline of a story, in days after its creation. */
function stepsOf(s: Story): { offset: number; type: TimelineDoc['type']; text: string }[] {
  const out: { offset: number; type: TimelineDoc['type']; text: string }[] = []
  const add = (offset: number, type: TimelineDoc['type'], text: string) =>
    out.push({ offset, type, text })
  if (s.filed) add(0, 'filed', '网格员代居民登记心愿，已发布')
  else add(0, 'created', '提交心愿，等待网格员审核')
  if (s.status === 'pending') return out
  if (s.status === 'rejected') {
    add(0.2, 'rejected', `审核未通过：${s.rejectReason}`)
    return out
  }
  if (!s.filed) add(0.15, 'approved', '审核通过，等待志愿者认领')
  if (s.status === 'cancelled') {
    add(1.1, 'cancelled', '发布人取消了心愿')
    return out
  }
  if (s.status === 'open') return out
  let claimedAt = 0.8
  if (s.released) {
    add(0.5, 'claimed', '志愿者认领了心愿')
    add(1.5, 'released', `认领人放弃了认领：${s.released.reason}`)
    claimedAt = 2
  }
  add(claimedAt, 'claimed', '志愿者认领了心愿')
  if (s.status === 'claimed') return out
  add(claimedAt + 2.2, 'fulfilled', '认领人已完成心愿，等待确认')
  if (s.status === 'fulfilled') return out
  if (s.autoConfirmed) {
    add(
      claimedAt + 2.2 + WISH_AUTO_CONFIRM_DAYS + 0.05,
      'autoConfirmed',
      `超过 ${WISH_AUTO_CONFIRM_DAYS} 天未确认，系统自动确认点亮`
    )
  } else add(claimedAt + 3.1, 'confirmed', '发布人确认心愿已点亮')
  return out
}

/**
 * When a story starts: `daysAgo` before `now`, except that a wish lit this year is moved into this
 * year when `now` is so early in it that its confirmation would fall in the last one.
 */
function startOf(s: Story, i: number, now: number, span: number): number {
  const start = now - s.daysAgo * DAY
  const yearStart = shanghaiYearStart(new Date(now)).getTime()
  if (!s.thisYear || start + span * DAY >= yearStart) return start
  const litAt = yearStart + (now - yearStart) * ((i % 7) + 1) * 0.1
  return litAt - span * DAY
}

type Person = { openid: string; nickname: string; realName: string; phone: string }
type Stamps = Pick<
  WishDoc,
  'reviewedAt' | 'claimedAt' | 'fulfilledAt' | 'doneAt' | 'cancelledAt' | 'updatedAt' | 'createdAt'
>

/** The dates a wish keeps, read off its timeline (the last step of each type). */
function stampsOf(timeline: TimelineDoc[]): Stamps {
  const at = (...types: TimelineDoc['type'][]) =>
    [...timeline].reverse().find((x) => types.includes(x.type))?.at ?? null
  return {
    createdAt: timeline[0].at,
    reviewedAt: at('approved', 'rejected', 'filed'),
    claimedAt: at('claimed'),
    fulfilledAt: at('fulfilled'),
    doneAt: at('confirmed', 'autoConfirmed'),
    cancelledAt: at('cancelled'),
    updatedAt: timeline[timeline.length - 1].at,
  }
}

/** The claimer's snapshot (taken when they claimed). */
const claimerOf = (c: Neighbour | null) => ({
  claimerOpenid: c?.openid ?? null,
  claimerNickname: c?.nickname ?? null,
  claimerName: c?.realName ?? null,
  claimerPhone: c?.phone ?? null,
})

/** What happened to it: review, release, fulfilment, confirmation. */
const outcomeOf = (s: Story, stamps: Stamps) => ({
  reviewedBy: stamps.reviewedAt ? REVIEWER[s.filed ? 'g1' : authorGrid(s)] : null,
  rejectReason: s.rejectReason ?? null,
  releaseReason: s.released?.reason ?? null,
  fulfillNote: stamps.fulfilledAt ? (s.note ?? null) : null,
  rating: s.rating ?? null,
  thanks: s.thanks ?? null,
  autoConfirmed: !!s.autoConfirmed,
})

const neighbour = (openid: string): Neighbour => {
  const n = NEIGHBOURS.find((x) => x.openid === openid)
  if (!n) throw new Error(`seed: no neighbour ${openid}`)
  return n
}
const authorGrid = (s: Story) => neighbour(s.author).gridId

const ACTIVE: readonly WishStatus[] = ['pending', 'open', 'claimed', 'fulfilled']

/** The seeded wishes, given the users they name (authors and claimers). */
export function seedWishes(now: Date, people: Person[], places: PlaceNames): WishDoc[] {
  const who = (openid: string): Neighbour => {
    if (!people.some((p) => p.openid === openid)) throw new Error(`seed: no user ${openid}`)
    return neighbour(openid)
  }
  const slots = new Map<string, number>()
  /** An active wish holds one of its author's slots, a finished one its own id. */
  const slotOf = (s: Story, id: string) => {
    if (!ACTIVE.includes(s.status)) return id
    const held = slots.get(s.author) ?? 0
    slots.set(s.author, held + 1)
    return `${s.author}#${held}`
  }
  return STORIES.map((s, i): WishDoc => {
    const id = `seed-wish-${String(i + 1).padStart(2, '0')}`
    const author = who(s.author)
    const steps = stepsOf(s)
    const start = startOf(s, i, now.getTime(), steps[steps.length - 1].offset)
    const timeline = steps.map((x) => step(start + x.offset * DAY, x.type, x.text))
    const stamps = stampsOf(timeline)
    return {
      _id: id,
      title: s.title,
      content: s.content,
      category: s.category,
      status: s.status,
      gridId: author.gridId,
      gridName: places.gridName(author.gridId),
      communityId: 'c1',
      slot: slotOf(s, id),
      authorOpenid: author.openid,
      authorNickname: author.nickname,
      authorName: author.realName,
      authorPhone: author.phone,
      authorBuildingName: places.buildingName(author.buildingId),
      authorRoom: author.room,
      filedBy: s.filed ? REVIEWER.g1 : null,
      ...claimerOf(s.claimer ? who(s.claimer) : null),
      ...outcomeOf(s, stamps),
      ...stamps,
      timeline,
    }
  })
}

export interface PlaceNames {
  gridName(gridId: string): string
  buildingName(buildingId: string): string
}
