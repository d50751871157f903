import { Field } from '@/components/Field'
import { OptionList } from '@/components/OptionList'
import { ErrorState, LoadingState } from '@/components/Status'
import { useQuery } from '@/hooks/useQuery'
import { userApi } from '@/services/user'
import type { GridsTree, Me } from '@/contract/user'

// Whom an activity or a topic is for: a grid or the whole community. The scopes offered are the
// viewer's community (every community when they live in none) and its grids; which of them are
// the viewer's to use is the server's word, shown next to the field.

export type ScopeType = 'grid' | 'community'

/** `grid:<id>` / `community:<id>` (one radio group for both kinds). */
export const scopeKey = (type: ScopeType, id: string) => `${type}:${id}`

/** The contract's `scope` of a picked key. */
export function scopeOf(key: string): { type: ScopeType; id: string } {
  const [type, id] = key.split(':') as [ScopeType, string]
  return { type, id }
}

function scopeOptions(tree: GridsTree | undefined, me: Me) {
  const home = me.grid?.communityId
  const communities = (tree?.communities ?? []).filter((c) => !home || c.id === home)
  return communities.flatMap((c) => [
    { id: scopeKey('community', c.id), label: '全社区', hint: c.name },
    ...c.grids.map((g) => ({ id: scopeKey('grid', g.id), label: g.name, hint: c.name })),
  ])
}

/** The scope as a radio group (`<testIdPrefix><key>`), in a `Field` named `scope`. */
export function ScopeField({
  me,
  label,
  hint,
  error,
  value,
  onChange,
  testIdPrefix,
}: {
  me: Me
  label: string
  hint: string
  error?: string
  value: string
  onChange: (key: string) => void
  testIdPrefix: string
}) {
  const tree = useQuery(() => userApi.listGrids())
  return (
    <Field label={label} name="scope" error={error} hint={hint}>
      {tree.data ? (
        <OptionList
          label={label}
          options={scopeOptions(tree.data, me)}
          value={value || null}
          onChange={onChange}
          testIdPrefix={testIdPrefix}
        />
      ) : tree.error ? (
        <ErrorState error={tree.error} onRetry={tree.refresh} />
      ) : (
        <LoadingState />
      )}
    </Field>
  )
}
