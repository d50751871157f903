import { View } from '@tarojs/components'
import { ChoiceTiles } from '@/components/ChoiceTiles'
import { Field } from '@/components/Field'
import { LoadingState } from '@/components/Status'
import { useQuery } from '@/hooks/useQuery'
import { userApi } from '@/services/user'

/**
 * Which community: shown only when the server asks for one (an answer refused on `communityId`,
 * e.g. a street admin who belongs to none) or one was picked. The communities are those
 * `user.listGrids` lists; the message is the server's, next to the tiles.
 */
export function CommunityField({
  value,
  error,
  onPick,
  testId,
}: {
  value: string | undefined
  error: string | undefined
  onPick: (communityId: string) => void
  testId: string
}) {
  const tree = useQuery(() => userApi.listGrids(), [])
  const choices = (tree.data?.communities ?? []).map((c) => ({ id: c.id, label: c.name }))
  return (
    <View className="card" data-testid={testId}>
      <Field label="哪个社区" name="communityId" error={error}>
        {tree.loading && !tree.data ? (
          <LoadingState />
        ) : (
          <ChoiceTiles
            label="社区"
            twoColumns
            testId={`${testId}-choice`}
            choices={choices}
            value={value ?? null}
            onPick={onPick}
          />
        )}
      </Field>
    </View>
  )
}
