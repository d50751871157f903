import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ListTabs, type ListTab } from '@/components/ListTabs'
import { AccessHint } from '@/components/AccessHint'
import { Button } from '@/components/Button'
import { PagedList } from '@/components/PagedList'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { volunteerApi } from '@/services/volunteer'
import type { Me } from '@/contract/user'
import type { ActivityListScope } from '@/contract/volunteer.rules'
import { VOLUNTEER_ROUTES } from '../../routes'
import { ActivityCard } from '../../components/ActivityCard'
import './index.scss'

// Activities: upcoming ones of the viewer's community, the viewer's own, past ones, and the ones
// a publisher organizes. Which tabs and buttons show comes from `me.can`; what each list holds
// is the server's decision.

const TABS: ListTab<ActivityListScope>[] = [
  { id: 'upcoming', label: '近期活动' },
  { id: 'mine', label: '我报名的' },
  { id: 'past', label: '往期活动' },
  { id: 'managed', label: '我组织的' },
]

const EMPTY: Record<ActivityListScope, { title: string; text: string }> = {
  upcoming: { title: '近期还没有志愿活动', text: '社区和网格发布活动后会出现在这里。' },
  mine: { title: '您还没有报名活动', text: '去「近期活动」看看有什么可以参加。' },
  past: { title: '还没有往期活动', text: '结束的活动和它们的总结会留在这里。' },
  managed: { title: '您还没有组织过活动', text: '发布一个活动，招募志愿者一起来。' },
}

function tabsFor(me: Me): ActivityListScope[] {
  const shown: Record<ActivityListScope, boolean> = {
    upcoming: me.can['volunteer.record'],
    mine: me.can['volunteer.signup'],
    past: me.can['volunteer.record'],
    managed: me.can['volunteer.publish'],
  }
  return TABS.map((t) => t.id).filter((s) => shown[s])
}

const go = (url: string) => void Taro.navigateTo({ url })

export default function VolunteerList() {
  const { me, loading, error, refresh } = useMe()
  const asked = ((useRouter()?.params ?? {}) as { scope?: string }).scope
  return (
    <Screen testId="page-volunteer-list" className="volunteer-list">
      {me ? (
        <ListBody me={me} asked={asked} />
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function ListBody({ me, asked }: { me: Me; asked?: string }) {
  const tabs = tabsFor(me)
  const [scope, setScope] = useState<ActivityListScope | undefined>(
    () => tabs.find((s) => s === asked) ?? tabs[0]
  )
  if (!scope) return <AccessHint bindStatus={me.bindStatus} service="志愿服务" />
  return (
    <>
      <Shortcuts me={me} />
      {tabs.length > 1 && (
        <ListTabs
          block="volunteer-list"
          testId="volunteer-tab"
          tabs={TABS.filter((t) => tabs.includes(t.id))}
          value={scope}
          onPick={setScope}
        />
      )}
      <Feed key={scope} me={me} scope={scope} />
      {me.can['volunteer.publish'] && (
        <Button
          className="volunteer-list__new"
          kind="primary"
          testId="volunteer-publish"
          onClick={() => go(VOLUNTEER_ROUTES.publish)}
        >
          发布活动
        </Button>
      )}
    </>
  )
}

/** Apply, my record, the honor roll: the ways on from the list. */
function Shortcuts({ me }: { me: Me }) {
  return (
    <View className="volunteer-list__shortcuts">
      {me.can['volunteer.register'] && (
        <View className="card volunteer-list__apply" data-testid="volunteer-apply-banner">
          <View className="card__title">成为志愿者</View>
          <View className="muted">申请通过后就可以报名志愿活动，服务时长计入个人记录。</View>
          <Button
            kind="primary"
            block
            className="volunteer-list__apply-button"
            testId="volunteer-apply"
            onClick={() => go(VOLUNTEER_ROUTES.apply)}
          >
            申请成为志愿者
          </Button>
        </View>
      )}
      <View className="volunteer-list__links">
        {me.can['volunteer.record'] && (
          <Button testId="volunteer-record" onClick={() => go(VOLUNTEER_ROUTES.record)}>
            我的服务记录
          </Button>
        )}
        {me.can['volunteer.record'] && (
          <Button testId="volunteer-honor" onClick={() => go(VOLUNTEER_ROUTES.honor)}>
            光荣榜
          </Button>
        )}
      </View>
    </View>
  )
}

function Feed({ me, scope }: { me: Me; scope: ActivityListScope }) {
  const list = usePaged((page) => volunteerApi.listActivities({ scope, ...page }))
  const empty = EMPTY[scope]
  return (
    <PagedList
      list={list}
      testId="volunteer-activities"
      access={{ bindStatus: me.bindStatus, service: '志愿服务' }}
      final={['FORBIDDEN']}
      empty={
        <EmptyState text={empty.title}>
          <View className="state__text">{empty.text}</View>
        </EmptyState>
      }
    >
      {(a) => (
        <ActivityCard
          activity={a}
          onOpen={() =>
            go(
              a.can.manage && scope === 'managed'
                ? VOLUNTEER_ROUTES.manage(a.id)
                : VOLUNTEER_ROUTES.detail(a.id)
            )
          }
        />
      )}
    </PagedList>
  )
}
