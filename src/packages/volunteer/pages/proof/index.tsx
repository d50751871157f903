import { View } from '@tarojs/components'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { useQuery } from '@/hooks/useQuery'
import { volunteerApi } from '@/services/volunteer'
import type { ServiceProof } from '@/contract/volunteer'
import { LEDGER_SOURCE_LABELS } from '@/contract/volunteer.rules'
import { dateText, hoursText } from '../../format'
import { ProofTools } from './ProofTools'
import './index.scss'

// The caller's service record (志愿服务证明): an A4 sheet to read; ProofTools prints it in H5 and
// saves it as a picture in WeChat (ProofTools.weapp.tsx).

export default function ServiceProofPage() {
  const query = useQuery(() => volunteerApi.proof())
  const p = query.data
  return (
    <Screen testId="page-volunteer-proof" className="proof-screen">
      {p ? (
        <>
          <ProofTools proof={p} />
          <Sheet proof={p} />
        </>
      ) : query.error && !query.loading ? (
        <ErrorState error={query.error} onRetry={query.refresh} />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function Sheet({ proof: p }: { proof: ServiceProof }) {
  return (
    <View className="proof__sheet" data-testid="proof-sheet">
      <View className="proof__title" role="heading" aria-level={2}>
        志愿服务证明
      </View>
      <View className="proof__para">
        兹证明{' '}
        <View className="proof__em" data-testid="proof-name">
          {p.name}
        </View>{' '}
        同志系
        {p.communityName}
        {p.gridName ? `${p.gridName}` : ''}志愿者，
        {p.period.from ? `自 ${dateText(p.period.from)} 至 ${dateText(p.period.to)}，` : ''}
        累计志愿服务{' '}
        <View className="proof__em" data-testid="proof-hours">
          {hoursText(p.totalHours)}
        </View>{' '}
        小时
        {p.stars > 0 ? `，为 ${p.stars} 星志愿者` : ''}。
      </View>
      <View className="proof__table" role="table" aria-label="服务明细">
        <View className="proof__tr proof__tr--head" role="row">
          <View className="proof__td" role="columnheader">
            日期
          </View>
          <View className="proof__td proof__td--wide" role="columnheader">
            服务内容
          </View>
          <View className="proof__td" role="columnheader">
            类别
          </View>
          <View className="proof__td" role="columnheader">
            时长
          </View>
        </View>
        {p.entries.map((e) => (
          <View key={`${e.source}-${e.refId}`} className="proof__tr" role="row">
            <View className="proof__td" role="cell">
              {dateText(e.at)}
            </View>
            <View className="proof__td proof__td--wide" role="cell">
              {e.title}
            </View>
            <View className="proof__td" role="cell">
              {LEDGER_SOURCE_LABELS[e.source]}
            </View>
            <View className="proof__td" role="cell">
              {hoursText(e.hours)}
            </View>
          </View>
        ))}
      </View>
      {p.entryCount > p.entries.length && (
        <View className="muted">
          共 {p.entryCount} 条，以上为最近 {p.entries.length} 条。
        </View>
      )}
      <View className="proof__foot">
        <View>{p.communityName}</View>
        <View>开具日期：{dateText(p.issuedAt)}</View>
        <View>证明编号：{p.serial}</View>
      </View>
    </View>
  )
}
