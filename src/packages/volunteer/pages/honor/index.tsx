import { useState } from 'react'
import { View } from '@tarojs/components'
import { AccessHint } from '@/components/AccessHint'
import { PagedList } from '@/components/PagedList'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { volunteerApi } from '@/services/volunteer'
import type { Me } from '@/contract/user'
import { StarRow } from '../../components/StarLevel'
import { hoursText } from '../../format'
import './index.scss'

// 公示: the community's volunteers by hours this year, names masked, with their stars.

export default function HonorRoll() {
  const { me, loading, error, refresh } = useMe()
  return (
    <Screen testId="page-volunteer-honor">
      {me ? (
        me.can['volunteer.record'] ? (
          <Roll me={me} />
        ) : (
          <AccessHint bindStatus={me.bindStatus} service="志愿光荣榜" />
        )
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function Roll({ me }: { me: Me }) {
  const [year, setYear] = useState<number | null>(null)
  const list = usePaged(async (page) => {
    const result = await volunteerApi.honorRoll(page)
    if (result.ok && !page.cursor) setYear(result.data.year)
    return result
  })
  return (
    <>
      <View className="honor__head">
        {year ? `${year} 年` : '今年'}志愿服务时长排行 · 感谢每一位志愿者
      </View>
      <PagedList
        list={list}
        testId="honor-roll"
        access={{ bindStatus: me.bindStatus, service: '志愿光荣榜' }}
        empty={<EmptyState text="今年还没有服务记录" />}
      >
        {(e) => (
          <View className="honor__row" data-testid={`honor-${e.rank}`}>
            <View className={`honor__rank${e.rank <= 3 ? ' honor__rank--top' : ''}`}>{e.rank}</View>
            <View className="honor__who">
              <View className="honor__name">
                {e.name}
                {e.nickname ? `（${e.nickname}）` : ''}
              </View>
              <StarRow stars={e.stars} />
            </View>
            <View className="honor__hours">{hoursText(e.hours)} 小时</View>
          </View>
        )}
      </PagedList>
    </>
  )
}
