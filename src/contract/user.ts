import type { ViewerCan, ViewerCounts } from './viewer'
import { z } from 'zod'
import { ROLES, type BindStatus, type Role } from './roles'
import { EmptyInput, idSchema, pageInput, type Action, type Can, type ContactCan } from './common'
import type { Page } from './errors'
import {
  BIND_RULES,
  PHONE_CODE_RULE,
  PROFILE_CROSS,
  PROFILE_RULES,
  VERIFY_CROSS,
  VERIFY_RULES,
} from './user.rules'
import { withCross, zOptionalText, zText } from './zod-rules'

export * from './user.rules'

// Inputs of the `user` function (docs/contract.md §3.1). Unknown keys are stripped: an `openid` or `roles`
// that a caller smuggles into input never says who they are.

export const MeInput = EmptyInput
export const ListGridsInput = EmptyInput
export const MyGridInput = EmptyInput
export const ExportMyDataInput = EmptyInput
export const DeleteMeInput = EmptyInput
export const CountsInput = EmptyInput

export const BindGridInput = z.object({
  gridId: idSchema('网格'),
  buildingId: idSchema('楼栋'),
  room: zText(BIND_RULES.room),
  name: zText(BIND_RULES.name),
  phone: zOptionalText(BIND_RULES.phone),
  // weapp: the code from <Button openType="getPhoneNumber">; the server exchanges it.
  phoneCode: zOptionalText(PHONE_CODE_RULE),
})
export type BindGridInput = z.infer<typeof BindGridInput>

export const UpdateProfileInput = withCross(
  z.object({
    nickname: zOptionalText(PROFILE_RULES.nickname),
    elderMode: z.boolean('长辈模式开关格式不正确').optional(),
    creditByName: z.boolean('署名开关格式不正确').optional(),
  }),
  PROFILE_CROSS
)
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>

export const ListPendingResidentsInput = z.object(pageInput)
export type ListPendingResidentsInput = z.infer<typeof ListPendingResidentsInput>

// Staff's roster of verified residents: one grid they serve, or by default all they serve.
export const ListResidentsInput = z.object({ gridId: idSchema('网格').optional(), ...pageInput })
export type ListResidentsInput = z.infer<typeof ListResidentsInput>

export const VerifyResidentInput = withCross(
  z.object({
    openid: idSchema('居民'),
    approve: z.boolean('请选择通过或不通过'),
    reason: zOptionalText(VERIFY_RULES.reason),
  }),
  VERIFY_CROSS
)
export type VerifyResidentInput = z.infer<typeof VerifyResidentInput>

export const SetRolesInput = z.object({
  openid: idSchema('用户'),
  roles: z
    .array(z.enum(ROLES, '角色不正确'), '角色格式不正确')
    .max(ROLES.length, '角色太多')
    .refine((r) => new Set(r).size === r.length, '角色有重复'),
  // Grids a gridWorker serves (default: the target's own grid); community a committee moderates
  // (default: the target's own community). Must lie in the granter's community.
  gridIds: z.array(idSchema('网格'), '网格格式不正确').max(20, '网格太多').optional(),
  communityId: idSchema('社区').optional(),
})
export type SetRolesInput = z.infer<typeof SetRolesInput>

// Results

export interface GridRef {
  id: string
  name: string
  communityId: string
  communityName: string
  buildingId: string | null
  buildingName: string | null
  room: string | null
}

export interface Me {
  openid: string
  nickname: string
  roles: Role[]
  grid: GridRef | null
  verified: boolean
  bindStatus: BindStatus
  rejectReason: string | null
  realName: string | null
  phone: string | null
  elderMode: boolean
  /** A volunteer chose to be credited by nickname on the wish wall for the wishes they light. */
  creditByName: boolean
  /** Grids this user serves as a grid worker. */
  workerGridIds: string[]
  /** Community this user moderates as committee. */
  committeeCommunityId: string | null
  /** What this viewer may do, decided on the server: pages render from it, never from roles. */
  can: ViewerCan
}

export interface GridsTree {
  communities: {
    id: string
    name: string
    grids: { id: string; name: string; buildings: { id: string; name: string }[] }[]
  }[]
}

export interface StaffContact {
  id: string
  nickname: string
  /** Masked unless the viewer has a need (张*). */
  name: string
  /** Masked unless the viewer has a need (138****0001). */
  phone: string
  /** The viewer may dial this person (their full phone is known and it is not the viewer). */
  can: ContactCan
}

export interface MyGrid {
  grid: {
    id: string
    name: string
    communityId: string
    communityName: string
    buildingCount: number
  }
  workers: StaffContact[]
  residentCount: number
}

export interface PendingResident {
  id: string
  openid: string
  nickname: string
  name: string
  phone: string
  gridId: string
  gridName: string
  buildingName: string
  room: string
  boundAt: string
  can: Can<'verify'>
}

/** A verified resident as the staff of their grid see them: full name and phone, to reach them. */
export interface ResidentItem {
  id: string
  openid: string
  name: string
  nickname: string
  phone: string
  gridId: string
  gridName: string
  buildingName: string
  room: string
  /** Current roles, `resident` included. */
  roles: Role[]
  /** Roles the viewer may switch on or off for this resident (decided by the server). */
  grantableRoles: Role[]
  /**
   * What the viewer may do for this resident, per action (decided by the server from each
   * domain's policy): fileFor, file a wish (`wish.createFor`); bookFor, book an errand
   * (`errand.bookFor`).
   */
  can: Can<ResidentAction>
}

/** The actions a roster entry's `can` answers (the resident pickers' `allowed`). */
export type ResidentAction = 'fileFor' | 'bookFor'

export interface VerifyResult {
  openid: string
  bindStatus: BindStatus
}

export interface SetRolesResult {
  openid: string
  roles: Role[]
  workerGridIds: string[]
  committeeCommunityId: string | null
}

/** One part of the readable export: a title and its lines, in Chinese. */
export interface ExportSection {
  title: string
  lines: string[]
}

export interface MyDataExport {
  exportedAt: string
  /**
   * The same data, readable: field labels in Chinese, times in Asia/Shanghai (北京时间),
   * statuses by their labels. `profile`, `activity` and `records` stay the machine-readable file.
   */
  summary: ExportSection[]
  profile: Record<string, unknown> | null
  activity: Record<string, unknown>[]
  records: Record<string, Record<string, unknown>[]>
}

export interface DeleteMeResult {
  deleted: true
}

export type PendingResidentsPage = Page<PendingResident>
export type ResidentsPage = Page<ResidentItem>

// user.gridCode: the grid's 小程序码 for a grid worker going door to door. Scanning it opens the
// binding page with the scene, from which the page preselects the community and grid.

export const GridCodeInput = z.object({ gridId: idSchema('网格') })
export type GridCodeInput = z.infer<typeof GridCodeInput>

export interface GridCode {
  gridId: string
  gridName: string
  /** What the code carries, e.g. `g=g1` (see `gridScene`). */
  scene: string
  /** The code as a PNG data URL (`data:image/png;base64,...`). */
  image: string
}

/** The page a grid code opens (no leading slash, as `wxacode.getUnlimited` wants it). */
export const GRID_CODE_PAGE = 'pages/bind/index'

/** The scene of a grid's code: `g=<gridId>` (WeChat allows 32 characters). */
export const gridScene = (gridId: string): string => `g=${gridId}`

/**
 * The grid a scanned scene names, or null. The page gets the scene URL-encoded in
 * `options.scene` (`g%3Dg1`): pass it as it came.
 */
export function gridOfScene(scene: string | undefined | null): string | null {
  if (!scene) return null
  let text = scene
  try {
    text = decodeURIComponent(scene)
  } catch {
    return null
  }
  const m = /^g=([A-Za-z0-9_-]{1,30})$/.exec(text)
  return m ? m[1] : null
}

/** The `user` function's actions (registered in api.ts). */
export interface UserApi {
  me: Action<typeof MeInput, Me>
  counts: Action<typeof CountsInput, ViewerCounts>
  listGrids: Action<typeof ListGridsInput, GridsTree>
  myGrid: Action<typeof MyGridInput, MyGrid>
  bindGrid: Action<typeof BindGridInput, Me>
  updateProfile: Action<typeof UpdateProfileInput, Me>
  listPendingResidents: Action<typeof ListPendingResidentsInput, PendingResidentsPage>
  listResidents: Action<typeof ListResidentsInput, ResidentsPage>
  verifyResident: Action<typeof VerifyResidentInput, VerifyResult>
  setRoles: Action<typeof SetRolesInput, SetRolesResult>
  exportMyData: Action<typeof ExportMyDataInput, MyDataExport>
  deleteMe: Action<typeof DeleteMeInput, DeleteMeResult>
  gridCode: Action<typeof GridCodeInput, GridCode>
}
