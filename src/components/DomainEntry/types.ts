import type { Ability, CountKey } from '@/contract/viewer'

// What a domain shows on the main package's tabs, declared in src/packages/<domain>/entry.ts and
// listed once in src/pages/entries.ts. Plain data (no zod, no page code): the main package
// imports every domain's entry. What shows and which counts come from the server (`me.can`,
// `user.counts`); an entry only says where and how.

/** One part of a count line; shown only when `user.counts` answers its key. */
export interface CountPart {
  key: CountKey
  /** e.g. (n) => `今年已点亮 ${n} 个` */
  text: (n: number) => string
}

/** The domain's tile among 首页 → 社区服务. */
export interface ServiceTile {
  title: string
  desc: string
  /** Absent: the domain has not landed yet (即将上线). */
  url?: string
  /** Shown only to viewers with this ability; absent: to everyone. */
  ability?: Ability
  /** 今年已点亮 N 个 · 待认领 M 个 */
  counts?: CountPart[]
}

/** A staff queue: a row on 首页 (with the count as a badge) and under 我的 → 工作. */
export interface QueueEntry {
  /** Test ids: `entry-<id>` on 首页, `mine-<id>` on 我的. */
  id: string
  title: string
  description: string
  url: string
  ability: Ability
  /** The badge; a queue without one is listed under 我的 only. */
  count?: CountKey
}

/** Something waiting for the viewer themself, e.g. 您有 N 个心愿待确认. */
export interface NoticeEntry {
  /** Test id `notice-<id>`. */
  id: string
  count: CountKey
  text: (n: number) => string
  url: string
}

/** The domain's card on the 网格 tab: a few numbers and the ways in. */
export interface GridCard {
  /** Test id `grid-<id>`. */
  id: string
  /** Followed by ` · <year>年`. */
  title: string
  /** Each `grid-<id>-<label key>`; the card shows when any of them is answered. */
  counts: { key: CountKey; label: string; testId: string }[]
  links: { text: string; url: string; testId: string; primary?: boolean }[]
}

/** A way in shown on 首页 below the tiles, e.g. 心愿墙. */
export interface HomeLink {
  /** Test id `home-link-<id>`. */
  id: string
  title: string
  desc: string
  url: string
}

export interface DomainEntry {
  key: string
  tile?: ServiceTile
  links?: HomeLink[]
  queues?: QueueEntry[]
  notices?: NoticeEntry[]
  grid?: GridCard
}
