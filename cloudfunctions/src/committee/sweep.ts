import { addMonths, EXPORT_KEEP_HOURS } from '@/contract/committee'
import { db, deleteFiles } from '../lib/cloud'
import { HOUR } from '../lib/sweep'
import { shanghaiTime } from '../lib/time'
import { monthOf, oldestMonth } from './figures'
import { exportsKept, recompute, stats, statsId } from './store'

// The `committee` timer (every DASHBOARD_REFRESH_MINUTES): recomputes the dashboard's current and
// previous month of every community, every older month within DASHBOARD_MAX_MONTHS once a night
// (and on a community's first run), and deletes ledgers older than EXPORT_KEEP_HOURS.

/** The night's full pass: the run that falls in 03:00–03:09 Asia/Shanghai. */
const nightly = (now: Date) => shanghaiTime(now).slice(11, 15) === '03:0'

export async function refreshStats(now = new Date()) {
  const { data: communities } = await db().collection('communities').limit(1000).get()
  const previous = addMonths(monthOf(now), -1)
  let months = 0
  for (const c of communities) {
    // No previous month stored: its first run, which computes every month it may show.
    const { data: seen } = await stats()
      .where({ _id: statsId(c._id, previous) })
      .limit(1)
      .get()
    const from = nightly(now) || !seen.length ? oldestMonth(now) : previous
    months += await recompute(c._id, from, now)
  }
  return { communities: communities.length, months }
}

/** Deletes the ledgers older than EXPORT_KEEP_HOURS (files, then their rows). */
export async function purgeExports(now = new Date()) {
  const cutoff = new Date(now.getTime() - EXPORT_KEEP_HOURS * HOUR)
  let purged = 0
  for (;;) {
    const { data } = await exportsKept()
      .where({ createdAt: db().command.lt(cutoff) })
      .orderBy('createdAt', 'asc')
      .limit(100)
      .get()
    if (!data.length) return purged
    await deleteFiles(data.map((d) => d.fileID))
    await exportsKept()
      .where({ _id: db().command.in(data.map((d) => d._id)) })
      .remove()
    purged += data.length
    if (data.length < 100) return purged
  }
}

export async function sweep() {
  const now = new Date()
  const refreshed = await refreshStats(now)
  const exportsPurged = await purgeExports(now)
  return { ...refreshed, exportsPurged }
}
