import type { LedgerEntry, ServiceProof } from '@/contract/volunteer'
import {
  PROOF_SIZE,
  drawProof,
  wrapText,
  type ProofContext2D,
} from '@/packages/volunteer/pages/proof/drawProof'

// The proof as WeChat saves it: drawn on a fake Canvas 2D context that records every text it is
// given, where, and how wide it measures (CJK characters one font size wide, others half).

interface Drawn {
  text: string
  x: number
  y: number
  width: number
  align: string
}

function fakeContext() {
  const texts: Drawn[] = []
  const px = () => Number(/(\d+)px/.exec(ctx.font)?.[1] ?? 10)
  const measure = (s: string) =>
    Array.from(s).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? px() : px() / 2), 0)
  let turned = false
  const ctx: ProofContext2D = {
    font: '10px sans-serif',
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    textAlign: 'left',
    textBaseline: 'alphabetic',
    measureText: (s) => ({ width: measure(s) }),
    fillText: (text, x, y) => {
      // Seal characters are drawn turned about the seal's centre; their place is not checked.
      if (!turned) texts.push({ text, x, y, width: measure(text), align: ctx.textAlign })
      else texts.push({ text, x: NaN, y: NaN, width: 0, align: 'seal' })
    },
    fillRect: () => {},
    strokeRect: () => {},
    beginPath: () => {},
    moveTo: () => {},
    lineTo: () => {},
    arc: () => {},
    stroke: () => {},
    save: () => {},
    restore: () => {},
    translate: () => {
      turned = true
    },
    rotate: () => {},
  }
  const origRestore = ctx.restore
  ctx.restore = () => {
    turned = false
    origRestore()
  }
  const all = () => texts.map((t) => t.text).join('\n')
  return { ctx, texts, all }
}

const entry = (i: number, patch: Partial<LedgerEntry> = {}): LedgerEntry => ({
  source: 'activity',
  refId: `a${i}`,
  title: `重阳节义务理发第${i}场`,
  hours: 2,
  at: new Date(Date.UTC(2026, 10, 20 - (i % 20), 2)).toISOString(),
  ...patch,
})

function proofOf(patch: Partial<ServiceProof> = {}): ServiceProof {
  return {
    name: '张桂兰',
    communityName: '幸福里社区',
    gridName: '第一网格',
    period: { from: '2026-10-10T02:00:00.000Z', to: '2026-11-26T02:00:00.000Z' },
    totalHours: 142.5,
    stars: 1,
    entries: [
      entry(1),
      entry(2, { source: 'wish', refId: 'w1', title: '想请人帮忙换灯泡', hours: 1 }),
      entry(3, { source: 'errand', refId: 'e1', title: '代缴水电费', hours: 1 }),
    ],
    entryCount: 3,
    issuedAt: '2026-11-26T02:00:00.000Z',
    serial: '3FA9C21B07DE',
    ...patch,
  }
}

/** Whether a drawn text stays inside the sheet's margins (left, right or centre aligned). */
function inside(t: Drawn): boolean {
  const left = t.align === 'right' ? t.x - t.width : t.align === 'center' ? t.x - t.width / 2 : t.x
  return left >= 100 && left + t.width <= PROOF_SIZE.width - 100 && t.y <= PROOF_SIZE.height - 100
}

test('the image carries the title, name, community and grid, period, hours, stars, entries, date and serial', () => {
  const { ctx, texts, all } = fakeContext()
  const { entriesDrawn } = drawProof(ctx, proofOf())
  const text = all()
  // The paragraph may wrap anywhere: read it with the line breaks taken out.
  const flat = text.replace(/\n/g, '')
  expect(text).toContain('志 愿 服 务 证 明')
  expect(flat).toContain('兹证明张桂兰同志系幸福里社区第一网格志愿者')
  expect(flat).toContain('自2026年10月10日至2026年11月26日')
  expect(flat).toContain('累计志愿服务142.5小时，为1星志愿者。')
  expect(text).toContain('星级：★☆☆☆☆')
  expect(entriesDrawn).toBe(3)
  for (const s of ['重阳节义务理发第1场', '想请人帮忙换灯泡', '代缴水电费', '微心愿', '红色代办']) {
    expect(text).toContain(s)
  }
  expect(text).toContain('共 3 条服务记录。')
  expect(text).toContain('开具日期：2026年11月26日')
  expect(text).toContain('证明编号：3FA9C21B07DE')
  // The seal spells the community's name round its ring.
  expect(
    texts
      .filter((t) => t.align === 'seal')
      .map((t) => t.text)
      .join('')
  ).toBe('幸福里社区')
  expect(texts.filter((t) => t.align !== 'seal').every(inside)).toBe(true)
})

test('a long paragraph wraps within the margins and keeps every character', () => {
  const longName = '幸福里社区第一居民委员会暨新时代文明实践站'.repeat(2)
  const { ctx, texts } = fakeContext()
  drawProof(ctx, proofOf({ communityName: longName, gridName: null }))
  const first = texts.findIndex((t) => t.text.startsWith('兹证明'))
  const stars = texts.findIndex((t) => t.text.startsWith('星级'))
  expect(stars - first).toBeGreaterThan(2)
  expect(texts.filter((t) => t.align !== 'seal').every(inside)).toBe(true)
  expect(texts.map((t) => t.text).join('')).toContain(longName)
})

test('wrapping breaks Chinese text by measured width, keeps numbers whole, never starts a line with a comma', () => {
  const { ctx } = fakeContext()
  ctx.font = '10px sans-serif'
  const lines = wrapText(ctx, '一二三四，五六七八九十', 40)
  expect(lines).toEqual(['一二三四，', '五六七八', '九十'])
  expect(wrapText(ctx, '一二三四五六', 40, 20)).toEqual(['一二', '三四五六'])
  // Numbers (with their 年月日) stay whole unless wider than a line.
  expect(wrapText(ctx, '一二三2026年', 50)).toEqual(['一二三', '2026年'])
  expect(wrapText(ctx, '12345678901234567890', 40)).toEqual(['12345678', '90123456', '7890'])
})

test('a full sheet draws the newest entries that fit and says how many there are in all', () => {
  const entries = Array.from({ length: 500 }, (_, i) => entry(i + 1))
  const { ctx, texts, all } = fakeContext()
  const { entriesDrawn } = drawProof(ctx, proofOf({ entries, entryCount: 2000 }))
  expect(entriesDrawn).toBeGreaterThan(5)
  expect(entriesDrawn).toBeLessThan(500)
  expect(all()).toContain(`重阳节义务理发第${entriesDrawn}场`)
  expect(all()).not.toContain(`重阳节义务理发第${entriesDrawn + 1}场`)
  expect(all()).toContain(`共 2000 条服务记录，以上为最近 ${entriesDrawn} 条。`)
  expect(texts.filter((t) => t.align !== 'seal').every(inside)).toBe(true)
})

test('a long entry title is cut to two lines with an ellipsis', () => {
  const title = '为独居老人上门送餐并陪同就医取药，顺带检查家中燃气和用电安全隐患'.repeat(2)
  const { ctx, texts } = fakeContext()
  drawProof(ctx, proofOf({ entries: [entry(1, { title })], entryCount: 1 }))
  const rows = texts.filter((t) => t.text.length > 1 && title.includes(t.text.replace(/…$/, '')))
  expect(rows).toHaveLength(2)
  expect(rows[1].text.endsWith('…')).toBe(true)
})

test('never draws a full phone number, wherever one was typed', () => {
  const { ctx, all } = fakeContext()
  drawProof(
    ctx,
    proofOf({
      name: '张桂兰13800000001',
      entries: [entry(1, { title: '帮忙联系13912345678的王阿姨买菜' })],
      entryCount: 1,
    })
  )
  const text = all().replace(/\n/g, '')
  expect(text).not.toMatch(/1[3-9]\d{9}/)
  expect(text).toContain('138****0001')
  expect(text).toContain('139****5678')
  // Other numbers are left alone.
  expect(text).toContain('3FA9C21B07DE')
})

test('no entries yet: the sheet says so and shows no stars', () => {
  const { ctx, all } = fakeContext()
  drawProof(
    ctx,
    proofOf({
      entries: [],
      entryCount: 0,
      totalHours: 0,
      stars: 0,
      period: { from: null, to: '2026-11-26T02:00:00.000Z' },
    })
  )
  const text = all().replace(/\n/g, '')
  expect(text).toContain('累计志愿服务0小时。')
  expect(text).not.toContain('自')
  expect(text).toContain('星级：☆☆☆☆☆')
  expect(text).toContain('暂无服务记录。')
})
