import { cronFiresBetween, cronMatches, parseCron } from '../../emulator/functions/cron'

// CloudBase's 7-field cron (sec min hour day month weekday year), in Beijing time.

const beijing = (iso: string) => Date.parse(`${iso}+08:00`)

test('"0 0 * * * * *" fires on the hour', () => {
  const cron = parseCron('0 0 * * * * *')
  expect(cronMatches(cron, beijing('2025-03-01T10:00:00'))).toBe(true)
  expect(cronMatches(cron, beijing('2025-03-01T10:00:01'))).toBe(false)
  expect(cronMatches(cron, beijing('2025-03-01T10:30:00'))).toBe(false)
})

test('steps, ranges, lists and names', () => {
  const every5 = parseCron('0 */5 * * * * *')
  expect(cronMatches(every5, beijing('2025-03-01T10:35:00'))).toBe(true)
  expect(cronMatches(every5, beijing('2025-03-01T10:36:00'))).toBe(false)
  const workdays = parseCron('0 30 8-9 * * MON-FRI *')
  expect(cronMatches(workdays, beijing('2025-03-03T08:30:00'))).toBe(true) // Monday
  expect(cronMatches(workdays, beijing('2025-03-02T08:30:00'))).toBe(false) // Sunday
  const list = parseCron('0 0 2,14 1 JAN,JUL * *')
  expect(cronMatches(list, beijing('2025-07-01T14:00:00'))).toBe(true)
  expect(cronMatches(list, beijing('2025-08-01T14:00:00'))).toBe(false)
})

test('the hour is Beijing time whatever the host zone', () => {
  const cron = parseCron('0 0 2 * * * *')
  expect(cronMatches(cron, Date.parse('2025-03-01T18:00:00Z'))).toBe(true) // 02:00 next day in Beijing
})

test('cronFiresBetween finds a scheduled second inside a window', () => {
  const cron = parseCron('0 0 * * * * *')
  expect(
    cronFiresBetween(cron, beijing('2025-03-01T09:59:58'), beijing('2025-03-01T10:00:00'))
  ).toBe(true)
  expect(
    cronFiresBetween(cron, beijing('2025-03-01T10:00:00'), beijing('2025-03-01T10:00:05'))
  ).toBe(false)
})

test('bad expressions are rejected', () => {
  expect(() => parseCron('0 0 * * *')).toThrow()
  expect(() => parseCron('0 61 * * * * *')).toThrow()
})
