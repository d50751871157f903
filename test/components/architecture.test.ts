import fs from 'node:fs'
import path from 'node:path'

// Pages hold no role logic: what the viewer may do comes from the server (`me.can`, items' `can`).
// Role names may appear in src/pages and src/packages only as labels (ROLE_LABELS, RoleTags) and
// in the role editor, whose whole job is roles.

const root = path.resolve(__dirname, '../../src')
const ROLE_EDITOR = path.join('packages', 'user', 'components', 'RolesEditor')
const ROLE_NAMES = ['resident', 'volunteer', 'redAgent', 'gridWorker', 'committee', 'admin']
/** Values of contract/roles a page may import: labels to display. */
const LABELS = new Set(['ROLE_LABELS', 'BIND_STATUS_LABELS'])

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name)
    if (d.isDirectory()) return rel === ROLE_EDITOR ? [] : sources(rel)
    return /\.tsx?$/.test(d.name) ? [rel] : []
  })
}

const files = [...sources('pages'), ...sources('packages')]

/** What a file does that amounts to a role test, one line each. */
function roleLogic(text: string): string[] {
  const found: string[] = []
  const imports = text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'[^']*contract\/roles'/g)
  for (const [, typeOnly, names] of imports) {
    if (typeOnly) continue
    for (const raw of names.split(',')) {
      const name = raw.trim()
      if (name && !name.startsWith('type ') && !LABELS.has(name)) found.push(`imports ${name}`)
    }
  }
  if (/contract\/roles'/.test(text) && /import\s+\*/.test(text)) found.push('imports roles as *')
  for (const m of text.matchAll(/\broles\s*\.\s*(includes|some|indexOf|every|find)\b/g)) {
    found.push(`tests roles.${m[1]}`)
  }
  for (const m of text.matchAll(
    /\b(workerGridIds|committeeCommunityId|isStaff|isWishReviewer)\b/g
  )) {
    found.push(`reads ${m[1]}`)
  }
  // A role name in quotes, unless it names a domain (`key: 'volunteer'` of an entry).
  const quoted = new RegExp(`(key:\\s*|soon\\()?(['"])(${ROLE_NAMES.join('|')})\\2`, 'g')
  for (const m of text.matchAll(quoted)) if (!m[1]) found.push(`names the role '${m[3]}'`)
  return found
}

test('the scan covers the pages and the domain packages', () => {
  expect(files).toContain(path.join('pages', 'home', 'index.tsx'))
  expect(files).toContain(path.join('packages', 'wish', 'pages', 'list', 'index.tsx'))
  expect(files.some((f) => f.startsWith(ROLE_EDITOR))).toBe(false)
})

test('the check catches the role tests it is meant to', () => {
  expect(roleLogic("import { ROLES, ROLE_LABELS } from '@/contract/roles'")).toEqual([
    'imports ROLES',
  ])
  expect(roleLogic("const staff = me.roles.includes('gridWorker')")).toEqual([
    'tests roles.includes',
    "names the role 'gridWorker'",
  ])
  expect(roleLogic('const serves = me.workerGridIds.length > 0')).toEqual(['reads workerGridIds'])
  expect(roleLogic("if (r === 'admin') return")).toEqual(["names the role 'admin'"])
  expect(roleLogic("import type { Role } from '@/contract/roles'")).toEqual([])
  expect(roleLogic("soon('volunteer', '志愿服务', '…')")).toEqual([])
})

test.each(files)('%s holds no role logic', (file) => {
  expect(roleLogic(fs.readFileSync(path.join(root, file), 'utf8'))).toEqual([])
})
