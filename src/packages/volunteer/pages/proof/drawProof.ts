import type { ServiceProof } from '@/contract/volunteer'
import { LEDGER_SOURCE_LABELS } from '@/contract/volunteer.rules'
import { PHONE_RE } from '@/contract/user.rules'
import { maskPhone } from '@/contract/mask'
import { dateText, hoursText } from '../../format'

// The service record drawn as an A4 image (what WeChat saves to the album). Pure: it only talks
// to the small part of a Canvas 2D context below, so jest draws it on a fake context.

/** The part of CanvasRenderingContext2D the drawing uses. */
export interface ProofContext2D {
  font: string
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  textAlign: 'left' | 'right' | 'center' | 'start' | 'end'
  textBaseline: 'top' | 'middle' | 'alphabetic' | 'bottom' | 'hanging' | 'ideographic'
  measureText(text: string): { width: number }
  fillText(text: string, x: number, y: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  stroke(): void
  save(): void
  restore(): void
  translate(x: number, y: number): void
  rotate(angle: number): void
}

/** A4 at 150 dpi, in canvas pixels. */
export const PROOF_SIZE = { width: 1240, height: 1754 }

const MARGIN = 120
const CONTENT_W = PROOF_SIZE.width - 2 * MARGIN
const INK = '#1f1f1f'
const MUTED = '#666666'
const RED = '#c8161d'
const FAMILY = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif'
const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px ${FAMILY}`

const BODY = 34
const BODY_LINE = 64
const ROW = 30
const ROW_LINE = 44
const ROW_GAP = 16
// Columns of the entries table: date, content, kind, hours (x offsets from the left margin).
const COLS = { date: 0, title: 260, kind: 720, hours: 870 }
const FOOT_H = 400

/** Closing punctuation never starts a line (避头): it stays on the line before. */
const NO_LINE_START = '，。、；：！？）》」』”’,.;:!?)%'

/** Every 11-digit mobile number in free text (an activity title, a name) shown masked. */
export function maskPhones(text: string): string {
  return text.replace(/\d+/g, (digits) => (PHONE_RE.test(digits) ? maskPhone(digits) : digits))
}

/**
 * Breaks `text` into lines no wider than `maxWidth` as the context measures them: between any two
 * Chinese characters (there are no spaces), but not inside a number or Latin word, nor between a
 * number and its 年月日 (2026年, 342.5) unless that is wider than a line, and never before closing punctuation.
 * `firstIndent` narrows the first line (a paragraph's two-character indent).
 */
export function wrapText(
  ctx: Pick<ProofContext2D, 'measureText'>,
  text: string,
  maxWidth: number,
  firstIndent = 0
): string[] {
  const lines: string[] = []
  let line = ''
  const units = (text.match(/[A-Za-z0-9.]+[年月日]?|[\s\S]/g) ?? []).flatMap((u) =>
    u.length > 1 && ctx.measureText(u).width > maxWidth - firstIndent ? Array.from(u) : [u]
  )
  for (const ch of units) {
    const room = lines.length === 0 ? maxWidth - firstIndent : maxWidth
    const fits = ctx.measureText(line + ch).width <= room
    if (fits || line === '' || NO_LINE_START.includes(ch)) {
      line += ch
    } else {
      lines.push(line)
      line = ch
    }
  }
  if (line) lines.push(line)
  return lines
}

/** `text` cut with … to at most `maxLines` lines of `maxWidth`. */
export function clampText(
  ctx: Pick<ProofContext2D, 'measureText'>,
  text: string,
  maxWidth: number,
  maxLines: number
): string[] {
  const lines = wrapText(ctx, text, maxWidth)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = Array.from(kept[maxLines - 1])
  while (last.length > 0 && ctx.measureText(`${last.join('')}…`).width > maxWidth) last.pop()
  kept[maxLines - 1] = `${last.join('')}…`
  return kept
}

/** The certifying paragraph, as one string (wrapped when drawn). */
export function proofParagraph(p: ServiceProof): string {
  const where = `${p.communityName}${p.gridName ?? ''}`
  const period = p.period.from ? `自${dateText(p.period.from)}至${dateText(p.period.to)}，` : ''
  const stars = p.stars > 0 ? `，为${p.stars}星志愿者` : ''
  return `兹证明${p.name}同志系${where}志愿者，${period}累计志愿服务${hoursText(p.totalHours)}小时${stars}。`
}

/** ★★☆☆☆ for 2 of 5 stars. */
export const starsText = (stars: number, of = 5): string =>
  '★'.repeat(Math.min(stars, of)) + '☆'.repeat(Math.max(of - stars, 0))

/**
 * Draws the whole proof on `ctx` (sized PROOF_SIZE) and says how many entries fitted: the newest
 * first, as many as the sheet holds above the footer; a line then says how many there are in all.
 */
export function drawProof(ctx: ProofContext2D, p: ServiceProof): { entriesDrawn: number } {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, PROOF_SIZE.width, PROOF_SIZE.height)
  drawFrame(ctx)
  let y = drawHeading(ctx, p, MARGIN + 90)
  y = drawTableHead(ctx, y + 24)
  const { drawn, bottom } = drawEntries(ctx, p, y)
  drawCountLine(ctx, p, drawn, bottom + 20)
  drawFooter(ctx, p)
  return { entriesDrawn: drawn }
}

function text(ctx: ProofContext2D, s: string, x: number, y: number, px: number, color = INK) {
  ctx.font = font(px)
  ctx.fillStyle = color
  ctx.fillText(maskPhones(s), x, y)
}

function drawFrame(ctx: ProofContext2D) {
  ctx.strokeStyle = RED
  ctx.lineWidth = 6
  ctx.strokeRect(50, 50, PROOF_SIZE.width - 100, PROOF_SIZE.height - 100)
  ctx.lineWidth = 2
  ctx.strokeRect(66, 66, PROOF_SIZE.width - 132, PROOF_SIZE.height - 132)
}

/** Title, paragraph and star row; returns the y below them. */
function drawHeading(ctx: ProofContext2D, p: ServiceProof, top: number): number {
  ctx.textBaseline = 'top'
  ctx.textAlign = 'center'
  ctx.font = font(68, true)
  ctx.fillStyle = INK
  ctx.fillText('志 愿 服 务 证 明', PROOF_SIZE.width / 2, top)
  ctx.textAlign = 'left'
  ctx.font = font(BODY)
  const indent = ctx.measureText('兹证').width
  const lines = wrapText(ctx, maskPhones(proofParagraph(p)), CONTENT_W, indent)
  let y = top + 150
  lines.forEach((line, i) => {
    text(ctx, line, MARGIN + (i === 0 ? indent : 0), y, BODY)
    y += BODY_LINE
  })
  text(ctx, `星级：${starsText(p.stars)}`, MARGIN, y + 8, BODY, p.stars > 0 ? RED : MUTED)
  return y + BODY_LINE + 8
}

function rule(ctx: ProofContext2D, y: number, width: number, color = INK) {
  ctx.strokeStyle = color
  ctx.lineWidth = width
  ctx.beginPath()
  ctx.moveTo(MARGIN, y)
  ctx.lineTo(MARGIN + CONTENT_W, y)
  ctx.stroke()
}

function drawTableHead(ctx: ProofContext2D, top: number): number {
  rule(ctx, top, 3)
  const y = top + ROW_GAP
  ctx.font = font(ROW, true)
  ctx.fillStyle = INK
  ctx.fillText('日期', MARGIN + COLS.date, y)
  ctx.fillText('服务内容', MARGIN + COLS.title, y)
  ctx.fillText('类别', MARGIN + COLS.kind, y)
  ctx.fillText('时长', MARGIN + COLS.hours, y)
  const bottom = y + ROW_LINE
  rule(ctx, bottom, 1, '#999999')
  return bottom
}

/** The newest entries while they fit above the count line and footer. */
function drawEntries(ctx: ProofContext2D, p: ServiceProof, top: number) {
  const limit = PROOF_SIZE.height - MARGIN - FOOT_H - BODY_LINE
  let y = top
  let drawn = 0
  ctx.font = font(ROW)
  for (const e of p.entries) {
    const lines = clampText(ctx, maskPhones(e.title), COLS.kind - COLS.title - 24, 2)
    const height = lines.length * ROW_LINE + ROW_GAP
    if (y + height > limit) break
    const row = y + ROW_GAP / 2
    text(ctx, dateText(e.at), MARGIN + COLS.date, row, ROW)
    lines.forEach((l, i) => text(ctx, l, MARGIN + COLS.title, row + i * ROW_LINE, ROW))
    text(ctx, LEDGER_SOURCE_LABELS[e.source], MARGIN + COLS.kind, row, ROW)
    text(ctx, `${hoursText(e.hours)} 小时`, MARGIN + COLS.hours, row, ROW)
    y += height
    rule(ctx, y, 1, '#dddddd')
    drawn += 1
  }
  return { drawn, bottom: y }
}

function drawCountLine(ctx: ProofContext2D, p: ServiceProof, drawn: number, y: number) {
  const s =
    p.entryCount === 0
      ? '暂无服务记录。'
      : drawn < p.entryCount
        ? `共 ${p.entryCount} 条服务记录，以上为最近 ${drawn} 条。`
        : `共 ${p.entryCount} 条服务记录。`
  text(ctx, s, MARGIN, y, 28, MUTED)
}

/** Community, issue date and serial at the bottom right, beside a seal-like red circle. */
function drawFooter(ctx: ProofContext2D, p: ServiceProof) {
  const right = MARGIN + CONTENT_W
  const top = PROOF_SIZE.height - MARGIN - FOOT_H + 60
  ctx.textAlign = 'right'
  ctx.font = font(BODY)
  const lines = [
    ...clampText(ctx, p.communityName, 560, 2),
    `开具日期：${dateText(p.issuedAt)}`,
    `证明编号：${p.serial}`,
  ]
  lines.forEach((l, i) => text(ctx, l, right, top + 40 + i * BODY_LINE, BODY))
  // Beside the block rather than over it, so the date and serial stay legible.
  ctx.font = font(BODY)
  const blockWidth = Math.max(...lines.map((l) => ctx.measureText(l).width))
  const below = top + 40 + lines.length * BODY_LINE
  drawSeal(ctx, p.communityName, right - blockWidth - 160, (top + below) / 2 + 10)
  ctx.textAlign = 'left'
  const note = '本证明由红邻志愿服务记录生成，可凭编号到社区核验。'
  text(ctx, note, MARGIN, below + 40, 24, MUTED)
}

/** A red ring with the community's name round its top and a star in the middle. */
function drawSeal(ctx: ProofContext2D, name: string, cx: number, cy: number) {
  const r = 120
  ctx.save()
  ctx.strokeStyle = RED
  ctx.fillStyle = RED
  ctx.lineWidth = 6
  ctx.beginPath()
  ctx.arc(cx, cy, r, 0, Math.PI * 2)
  ctx.stroke()
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.font = font(56)
  ctx.fillText('★', cx, cy)
  const chars = Array.from(name).slice(0, 14)
  const px = chars.length > 10 ? 24 : 30
  ctx.font = font(px, true)
  // Characters spread over up to 240° of the ring, centred on the top.
  const step = Math.min((Math.PI * 4) / 3 / Math.max(chars.length, 1), Math.PI / 5)
  chars.forEach((ch, i) => {
    ctx.save()
    ctx.translate(cx, cy)
    ctx.rotate((i - (chars.length - 1) / 2) * step)
    ctx.fillText(ch, 0, -r + px)
    ctx.restore()
  })
  ctx.font = font(22)
  ctx.fillText('志愿服务', cx, cy + 62)
  ctx.restore()
}
