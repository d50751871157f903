import { useState } from 'react'
import { View } from '@tarojs/components'
import { Dialog, TextArea } from '@nutui/nutui-react-taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { EmptyState, ErrorState, LoadingState } from '@/components/Status'
import { Field } from '@/components/Field'
import { TimeText } from '@/components/TimeText'
import { toast } from '@/components/Feedback'
import { usePaged } from '@/hooks/usePaged'
import { newRequestId } from '@/services/cloud'
import { userApi } from '@/services/user'
import type { PendingResident } from '@/contract/user'
import './index.scss'

// A grid worker's / the committee's queue of residents waiting for verification. The server
// decides who appears here and whether full names and phones are shown.

interface Decision {
  resident: PendingResident
  approve: boolean
}

export default function VerifyQueue() {
  const list = usePaged((page) => userApi.listPendingResidents(page))
  const [decision, setDecision] = useState<Decision | null>(null)

  const body = () => {
    if (list.loading && list.items.length === 0) return <LoadingState />
    if (list.error && list.items.length === 0)
      return <ErrorState error={list.error} onRetry={list.refresh} />
    if (list.items.length === 0) return <EmptyState text="暂无待认证居民" />
    return (
      <>
        {list.items.map((r) => (
          <ResidentCard
            key={r.id}
            resident={r}
            onDecide={(approve) => setDecision({ resident: r, approve })}
          />
        ))}
        <View className="verify__foot muted">
          {list.loadingMore ? '正在加载更多…' : list.hasMore ? '上拉加载更多' : '没有更多了'}
        </View>
      </>
    )
  }

  return (
    <Screen testId="page-verify">
      {body()}
      <DecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={(id) => list.remove(id)}
      />
    </Screen>
  )
}

function ResidentCard({
  resident: r,
  onDecide,
}: {
  resident: PendingResident
  onDecide: (approve: boolean) => void
}) {
  return (
    <View className="card verify__item" data-testid={`pending-${r.openid}`}>
      <View className="verify__name">{r.name}</View>
      <View className="verify__line">手机号：{r.phone}</View>
      <View className="verify__line">
        住址：{r.gridName} · {r.buildingName} {r.room}室
      </View>
      <View className="verify__line muted">
        微信昵称：{r.nickname} · 提交于 <TimeText value={r.boundAt} />
      </View>
      {r.can.verify && (
        <View className="verify__buttons">
          <Button
            className="verify__button"

            testId={`reject-${r.openid}`}
            onClick={() => onDecide(false)}
          >
            不通过
          </Button>
          <Button
            className="verify__button"
            kind="primary"

            testId={`approve-${r.openid}`}
            onClick={() => onDecide(true)}
          >
            通过
          </Button>
        </View>
      )}
    </View>
  )
}

function DecisionDialog({
  decision,
  onClose,
  onDone,
}: {
  decision: Decision | null
  onClose: () => void
  onDone: (id: string) => void
}) {
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  // One id per decision, kept across a retry after a network failure.
  const [requestId, setRequestId] = useState(newRequestId)

  const reset = () => {
    setReason('')
    setReasonError(null)
    setRequestId(newRequestId())
    onClose()
  }

  const confirm = async () => {
    if (!decision) return
    const { resident, approve } = decision
    const trimmed = reason.trim()
    if (!approve && !trimmed) {
      setReasonError('请填写不通过的原因，居民会看到')
      throw new Error('reason required') // keeps the dialog open
    }
    const result = await userApi.verifyResident(
      { openid: resident.openid, approve, ...(approve ? {} : { reason: trimmed }) },
      { requestId }
    )
    if (!result.ok) {
      toast(result.error.message)
      // Someone else already decided, or the resident left: nothing more to do here.
      if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') {
        onDone(resident.id)
        return
      }
      if (result.error.field === 'reason') setReasonError(result.error.message)
      if (result.error.code !== 'INTERNAL') setRequestId(newRequestId())
      throw new Error(result.error.message)
    }
    onDone(resident.id)
    toast(approve ? `已通过 ${resident.name} 的认证` : `已标记 ${resident.name} 为不通过`)
  }

  const r = decision?.resident
  return (
    <Dialog
      visible={!!decision}
      title={decision?.approve ? '确认通过认证' : '不通过认证'}
      confirmText="确认"
      cancelText="取消"
      onConfirm={confirm}
      onCancel={reset}
      onClose={reset}
    >
      {r && (
        <View className="verify__dialog" data-testid="verify-dialog">
          <View>
            {decision?.approve ? '确认' : ''}
            {r.name}（{r.gridName} · {r.buildingName} {r.room}室）
            {decision?.approve ? '是本网格居民？' : '的绑定不通过认证。'}
          </View>
          {!decision?.approve && (
            <Field label="原因" name="reason" error={reasonError}>
              <View data-testid="verify-reason">
                <TextArea
                  className="verify__reason"
                  value={reason}
                  maxLength={100}
                  showCount
                  placeholder="居民会看到，如：房号与登记信息不符"
                  onChange={(v) => {
                    setReason(v)
                    setReasonError(null)
                  }}
                />
              </View>
            </Field>
          )}
        </View>
      )}
    </Dialog>
  )
}
