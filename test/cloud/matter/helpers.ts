import { uploadFolderOf } from '@/contract/files'
import {
  MATTER_TEMPLATES,
  type Matter,
  type MatterScope,
  type MatterStatus,
  type ReportMatterInput,
  type ToDeliberationInput,
} from '@/contract/matter'
import { sdkEnv } from '../../../emulator/db/testing'
import { codePng } from '../../../emulator/openapi/png'
import type { Json, TestEmulator } from '../../helpers/emulator'
import { call, countsOf, data, listAll, messagesAbout, PERSONAS, runTimer } from '../helpers'

// The matter domain's arrangements, on the shared cloud-test setup (../helpers): the flow driven
// through its actions (report → accept → reply → resolve → rate, escalate, withdraw, reopen) and
// cloud storage as the app uses it: the weapp uploads through the SDK under the resident's own
// folder (Taro.cloud.uploadFile with the cloud path the app picks), the H5 app through
// POST /api/_upload; temporary URLs fetched as an <Image> would.

export {
  call,
  C2_RESIDENT,
  callWithStats,
  data,
  expectError,
  newC2Resident,
  newResident,
  READ_TRIPS,
  useEmulator,
  WRITE_TRIPS,
} from '../helpers'
export { clockAt, DAY, HOUR, MINUTE, shanghaiDate } from '../errand/helpers'

/** 张桂兰, g1 1号楼 101 */
export const R1: string = PERSONAS.resident1
/** 李建国, g1 */
export const R2: string = PERSONAS.resident2
/** 王秀英, g2 (same community c1) */
export const R3: string = PERSONAS.resident3
/** 张伟, g1, the same household as R1 */
export const R4 = 'demo-resident-4'
export const V1: string = PERSONAS.volunteer1
/** 刘芳 (nickname 刘网格员), grid worker of g1 and g2 */
export const GW: string = PERSONAS.gridWorker
/** 周卫东, committee of c1 */
export const CM: string = PERSONAS.committee
export const ADMIN: string = PERSONAS.admin
export const NEWCOMER: string = PERSONAS.newcomer

/** The collection the matters are stored in (to check that a refusal stored nothing). */
export const MATTERS = 'matters'

/** The subscribe-message template ids as the emulator's outbox shows them. */
export const TPL = {
  accepted: `HONGLIN_TPL_${MATTER_TEMPLATES.matterAccepted}`,
  replied: `HONGLIN_TPL_${MATTER_TEMPLATES.matterReplied}`,
  resolved: `HONGLIN_TPL_${MATTER_TEMPLATES.matterResolved}`,
  alert: `HONGLIN_TPL_${MATTER_TEMPLATES.matterAlert}`,
} as const

/** R1 as those with a need see her (herself, staff of her grid), and as the board does. */
export const R1_FULL = { name: '张桂兰', buildingName: '1号楼', room: '101', phone: '13800000001' }
export const R1_MASKED = { name: '张*', buildingName: '1号楼', room: null, phone: null }
/** What must never show outside those with a need. */
export const R1_PERSONAL = /张桂兰|13800000001|1号楼\s*101|"101"/

export const LAMP = '3号楼门口的路灯坏了一个星期，晚上出门很黑'

/** A report that is valid whoever makes it. */
export const report = (patch: Partial<ReportMatterInput> = {}): ReportMatterInput => ({
  category: 'facility',
  content: LAMP,
  place: '3号楼门口',
  ...patch,
})

/** A real PNG, different for each label. */
export const png = (label: string): Buffer => codePng(label, 'pages/index/index', 280)

/** JPEG magic and filler: an image by its bytes, of any size. */
export const jpegOf = (bytes: number): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(Math.max(0, bytes - 4), 7)])

type Cloud = typeof import('wx-server-sdk')
let cloud: Cloud | undefined

/**
 * Uploads as the weapp does (Taro.cloud.uploadFile to `uploads/<openid>/<name>`), through the
 * real SDK pointed at the emulator; returns the file ID.
 */
export async function sdkUpload(
  emu: TestEmulator,
  openid: string,
  name: string,
  bytes: Buffer = png(name)
): Promise<string> {
  Object.assign(process.env, sdkEnv(`${emu.url}/admin`, 'honglin-local'))
  if (!cloud) {
    cloud = require('wx-server-sdk') as Cloud
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  }
  const res = await cloud.uploadFile({
    cloudPath: `${uploadFolderOf(openid)}/${name}`,
    fileContent: bytes,
  })
  return res.fileID
}

/** POST /api/_upload as the H5 app sends it. */
export async function h5Upload(
  emu: TestEmulator,
  openid: string | null,
  file: { bytes: Buffer; name: string; type?: string }
): Promise<{ status: number; body: Json }> {
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/png' }),
    file.name
  )
  const res = await fetch(`${emu.url}/api/_upload`, {
    method: 'POST',
    headers: openid ? { 'X-Openid': openid } : {},
    body: form,
  })
  return { status: res.status, body: (await res.json()) as Json }
}

/** An H5 upload of a fresh PNG; returns its file ID. */
export async function photo(emu: TestEmulator, openid: string, label: string): Promise<string> {
  const res = await h5Upload(emu, openid, { bytes: png(label), name: `${label}.png` })
  if (res.status !== 200 || !res.body.ok) throw new Error(`upload failed: ${JSON.stringify(res)}`)
  return res.body.data.fileID as string
}

/** What an <Image> gets from a URL. */
export async function fetchUrl(url: string): Promise<{ status: number; bytes: Buffer }> {
  const res = await fetch(url)
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) }
}

/** The cloud paths in storage, sorted. */
export const storedPaths = (emu: TestEmulator): string[] =>
  emu.emulator.storage.files.list().map((f) => f.cloudPath)

/** The cloud path of a file ID. */
export const pathOf = (fileID: string): string => fileID.replace(/^cloud:\/\/[^/]+\//, '')

const DAY_MS = 86_400_000

/**
 * The topic fields of `toDeliberation` (the create input of deliberation), valid whenever made:
 * a community topic of c1, discussion for 1 day from the emulator's clock, voting 2 more.
 */
export function topicFields(
  emu: TestEmulator,
  patch: Partial<Omit<ToDeliberationInput, 'id'>> = {}
): Omit<ToDeliberationInput, 'id'> {
  const now = emu.emulator.clock.now()
  return {
    title: '东门停车怎么管',
    background: '居民反映东门口乱停车，消防车进不来，请大家议一议。',
    scope: { type: 'community', id: 'c1' },
    options: ['划线停车', '禁止停车'],
    discussionEndsAt: new Date(now + DAY_MS).toISOString(),
    votingEndsAt: new Date(now + 3 * DAY_MS).toISOString(),
    unit: 'resident',
    quorum: 0,
    ...patch,
  }
}

export class MatterFlow {
  constructor(private emu: TestEmulator) {}

  /** An untyped call (for bad input); typed ones go through `call(emu, 'matter', …)`. */
  call<T = Matter>(who: string | null, action: string, input?: unknown, requestId?: string) {
    return this.emu.call<T>('matter', who, action, input, requestId)
  }

  async reported(reporter = R1, patch: Partial<ReportMatterInput> = {}): Promise<Matter> {
    return data(await call(this.emu, 'matter', reporter, 'report', report(patch)))
  }

  /** Accepted by the grid worker at level grid. */
  async handling(reporter = R1, patch: Partial<ReportMatterInput> = {}): Promise<Matter> {
    const m = await this.reported(reporter, patch)
    return data(await call(this.emu, 'matter', GW, 'accept', { id: m.id }))
  }

  /** Escalated by the grid worker to the community (status reported, level community). */
  async escalated(reporter = R1, patch: Partial<ReportMatterInput> = {}): Promise<Matter> {
    const m = await this.reported(reporter, patch)
    return data(
      await call(this.emu, 'matter', GW, 'escalate', {
        id: m.id,
        reason: '涉及多个网格，需要社区协调',
      })
    )
  }

  /** Escalated, then accepted by the committee. */
  async handlingByCommittee(reporter = R1): Promise<Matter> {
    const m = await this.escalated(reporter)
    return data(await call(this.emu, 'matter', CM, 'accept', { id: m.id }))
  }

  /** Escalated, then turned into a deliberation topic by the committee. */
  async deliberating(
    reporter = R1,
    patch: Partial<Omit<ToDeliberationInput, 'id'>> = {}
  ): Promise<Matter> {
    const m = await this.escalated(reporter)
    return data(
      await call(this.emu, 'matter', CM, 'toDeliberation', {
        id: m.id,
        ...topicFields(this.emu, patch),
      })
    )
  }

  async resolved(reporter = R1, patch: Partial<ReportMatterInput> = {}): Promise<Matter> {
    const m = await this.handling(reporter, patch)
    return data(
      await call(this.emu, 'matter', GW, 'resolve', { id: m.id, text: '已更换灯泡，恢复照明' })
    )
  }

  async closed(reporter = R1): Promise<Matter> {
    const m = await this.resolved(reporter)
    return data(
      await call(this.emu, 'matter', reporter, 'rate', { id: m.id, rating: 5, comment: '修得很快' })
    )
  }

  async withdrawn(reporter = R1): Promise<Matter> {
    const m = await this.reported(reporter)
    return data(await call(this.emu, 'matter', reporter, 'withdraw', { id: m.id }))
  }

  get(who: string, id: string) {
    return call(this.emu, 'matter', who, 'get', { id })
  }

  /** Every item of a scope, following the cursor to the end. */
  listAll(who: string, scope: MatterScope, status?: MatterStatus): Promise<Matter[]> {
    return listAll<Matter>(this.emu, 'matter', who, scope, status)
  }

  async ids(who: string, scope: MatterScope, status?: MatterStatus): Promise<string[]> {
    return (await this.listAll(who, scope, status)).map((m) => m.id)
  }

  /** The stored matters (demo data included). */
  raw(): Promise<Json[]> {
    return this.emu.emulator.db.find(MATTERS)
  }

  /** How many matters are stored: to check that a refusal stored nothing. */
  async count(): Promise<number> {
    return (await this.raw()).length
  }

  /** Messages to someone about one matter (their page names its id), in the order sent. */
  async messagesAbout(touser: string, id: string): Promise<string[]> {
    return (await messagesAbout(this.emu, touser, id)).reverse()
  }

  /** Runs the matter timer; returns what it reports it did. */
  tick(): Promise<Record<string, number>> {
    return runTimer(this.emu, 'matter')
  }

  /** Moves the clock on by `ms` (from where it is) and runs the timer. */
  async after(ms: number): Promise<Record<string, number>> {
    await this.emu.advanceClock(ms)
    return this.tick()
  }

  counts(who: string): Promise<Record<string, number | undefined>> {
    return countsOf(this.emu, who)
  }
}
