import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { AccessHint } from '@/components/AccessHint'
import { Button } from '@/components/Button'
import { ListTabs, type ListTab } from '@/components/ListTabs'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { PagedList } from '@/components/PagedList'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { deliberationApi } from '@/services/deliberation'
import type { Me } from '@/contract/user'
import type { TopicListScope } from '@/contract/deliberation.rules'
import { DELIBERATION_ROUTES } from '../../routes'
import { TopicCard } from '../../components/TopicCard'
import './index.scss'

// The topics of the viewer's grid and community: 进行中 (discussion and voting) and 已结束.
// Which topics each holds is the server's decision; 发起议题 shows from `me.can`.

const TABS: ListTab<TopicListScope>[] = [
  { id: 'open', label: '进行中' },
  { id: 'closed', label: '已结束' },
]

const open = (id: string) => void Taro.navigateTo({ url: DELIBERATION_ROUTES.detail(id) })

export default function TopicList() {
  const { me, loading, error, refresh } = useMe()
  const asked = (useRouter()?.params ?? {}) as { scope?: string }
  return (
    <Screen testId="page-deliberation-list" className="topic-list">
      {me ? (
        <ListBody me={me} asked={asked.scope} />
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function ListBody({ me, asked }: { me: Me; asked?: string }) {
  const [scope, setScope] = useState<TopicListScope>(
    () => TABS.find((t) => t.id === asked)?.id ?? 'open'
  )
  if (!me.can['deliberation.view']) {
    return <AccessHint bindStatus={me.bindStatus} service="居民议事" />
  }
  return (
    <>
      <ListTabs
        block="topic-list"
        testId="deliberation-tab"
        tabs={TABS}
        value={scope}
        onPick={setScope}
      />
      <Feed key={scope} me={me} scope={scope} />
      {me.can['deliberation.create'] && (
        <Button
          className="topic-list__new"
          kind="primary"
          testId="deliberation-new"
          onClick={() => void Taro.navigateTo({ url: DELIBERATION_ROUTES.create })}
        >
          发起议题
        </Button>
      )}
    </>
  )
}

function Feed({ me, scope }: { me: Me; scope: TopicListScope }) {
  const list = usePaged((page) => deliberationApi.list({ scope, ...page }))
  return (
    <PagedList
      list={list}
      testId="deliberation-list"
      access={{ bindStatus: me.bindStatus, service: '居民议事' }}
      empty={
        <EmptyState text={scope === 'open' ? '现在没有进行中的议题' : '还没有已结束的议题'}>
          <View className="state__text">
            {scope === 'open'
              ? '社区或网格发起议题后，大家可以在这里讨论、投票。'
              : '投票结束的议题和结果会留在这里。'}
          </View>
        </EmptyState>
      }
    >
      {(t) => <TopicCard topic={t} onOpen={() => open(t.id)} />}
    </PagedList>
  )
}
