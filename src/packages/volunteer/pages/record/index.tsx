import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { PagedList } from '@/components/PagedList'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { Tag } from '@/components/Tag'
import { AccessHint } from '@/components/AccessHint'
import { useMe } from '@/hooks/useMe'
import { usePaged } from '@/hooks/usePaged'
import { volunteerApi } from '@/services/volunteer'
import type { LedgerEntry, ServiceRecord } from '@/contract/volunteer'
import { LEDGER_SOURCES, LEDGER_SOURCE_LABELS } from '@/contract/volunteer.rules'
import type { Me } from '@/contract/user'
import { VOLUNTEER_ROUTES } from '../../routes'
import { StarProgress, StarRow } from '../../components/StarLevel'
import { dateText, hoursText } from '../../format'
import './index.scss'

// The viewer's one hours ledger: total hours, stars and the way to the next, hours per source
// (activities, wishes, errands), and every entry, newest first, a page at a time.

type Row = LedgerEntry & { id: string }
const rowOf = (e: LedgerEntry): Row => ({ ...e, id: `${e.source}-${e.refId}` })

export default function VolunteerRecord() {
  const { me, loading, error, refresh } = useMe()
  return (
    <Screen testId="page-volunteer-record">
      {me ? (
        me.can['volunteer.record'] ? (
          <RecordBody me={me} />
        ) : (
          <AccessHint bindStatus={me.bindStatus} service="服务记录" />
        )
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function RecordBody({ me }: { me: Me }) {
  const [record, setRecord] = useState<ServiceRecord | null>(null)
  const list = usePaged(async (page) => {
    const result = await volunteerApi.myRecord(page)
    if (!result.ok) return result
    if (!page.cursor) setRecord(result.data)
    return {
      ok: true,
      data: { items: result.data.entries.map(rowOf), nextCursor: result.data.nextCursor },
    }
  })
  return (
    <>
      {record && <Totals record={record} />}
      <View className="record__heading">服务明细</View>
      <PagedList
        list={list}
        testId="record-entries"
        access={{ bindStatus: me.bindStatus, service: '服务记录' }}
        empty={
          <EmptyState text="还没有服务记录">
            <View className="state__text">
              参加志愿活动、认领微心愿、接红色代办，都会计入服务时长。
            </View>
            <Button
              className="state__action"
              kind="primary"
              testId="record-go-list"
              onClick={() => void Taro.navigateTo({ url: VOLUNTEER_ROUTES.list })}
            >
              看看志愿活动
            </Button>
          </EmptyState>
        }
      >
        {(e) => (
          <View className="record__entry" data-testid={`record-entry-${e.id}`}>
            <View className="record__entry-main">
              <Tag tone={e.source === 'activity' ? 'primary' : 'default'} plain>
                {LEDGER_SOURCE_LABELS[e.source]}
              </Tag>
              <View className="record__entry-title">{e.title}</View>
              <View className="muted">{dateText(e.at)}</View>
            </View>
            <View className="record__entry-hours">+{hoursText(e.hours)} 小时</View>
          </View>
        )}
      </PagedList>
    </>
  )
}

function Totals({ record: r }: { record: ServiceRecord }) {
  return (
    <View className="card record__totals" data-testid="record-totals">
      <View className="record__total">
        累计服务{' '}
        <View className="record__total-n" data-testid="record-total-hours">
          {hoursText(r.totalHours)}
        </View>{' '}
        小时
      </View>
      <View className="record__stars">
        <StarRow stars={r.stars} testId="record-stars" />
        <View className="record__stars-text">
          {r.stars > 0 ? `${r.stars} 星志愿者` : '还未评星'}
        </View>
      </View>
      <StarProgress record={r} />
      <View className="record__sources" data-testid="record-by-source">
        {LEDGER_SOURCES.map((s) => (
          <View key={s} className="record__source">
            <View className="record__source-n">{hoursText(r.bySource[s] ?? 0)}</View>
            <View className="muted">{LEDGER_SOURCE_LABELS[s]}</View>
          </View>
        ))}
      </View>
      <Button
        block
        testId="record-proof"
        onClick={() => void Taro.navigateTo({ url: VOLUNTEER_ROUTES.proof })}
      >
        开具服务证明
      </Button>
    </View>
  )
}
