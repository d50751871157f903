import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { EmptyState } from '@/components/Status'
import { Field } from '@/components/Field'
import { TimeText } from '@/components/TimeText'
import { TextBox } from '@/components/TextBox'
import { Dialog } from '@/components/Dialog'
import { PagedList } from '@/components/PagedList'
import { toast } from '@/components/Feedback'
import { usePaged } from '@/hooks/usePaged'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { userApi } from '@/services/user'
import { VERIFY_CROSS, VERIFY_RULES } from '@/contract/user.rules'
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

  return (
    <Screen testId="page-verify">
      <PagedList list={list} empty={<EmptyState text="暂无待认证居民" />}>
        {(r) => (
          <ResidentCard
            resident={r}
            onDecide={(approve) => setDecision({ resident: r, approve })}
          />
        )}
      </PagedList>
      {decision && (
        <DecisionDialog
          key={`${decision.resident.id}-${decision.approve}`}
          decision={decision}
          onClose={() => setDecision(null)}
          onDone={(id) => list.remove(id)}
        />
      )}
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

/** Render it only while a decision is open: one dialog, one intent. */
function DecisionDialog({
  decision: { resident: r, approve },
  onClose,
  onDone,
}: {
  decision: Decision
  onClose: () => void
  onDone: (id: string) => void
}) {
  const form = useForm({ approve, reason: '' }, { rules: VERIFY_RULES, cross: VERIFY_CROSS })
  const intent = useIntent()

  const confirm = async () => {
    if (!form.attempt()) return
    const reason = form.values.reason.trim()
    const result = await intent.run((opts) =>
      userApi.verifyResident({ openid: r.openid, approve, ...(approve ? {} : { reason }) }, opts)
    )
    if (!result) return
    if (!result.ok) {
      toast(result.error.message)
      // Someone else already decided, or the resident left: nothing more to do here.
      if (result.error.code === 'CONFLICT' || result.error.code === 'NOT_FOUND') {
        onDone(r.id)
        onClose()
      } else form.refuse(result.error)
      return
    }
    onDone(r.id)
    onClose()
    toast(approve ? `已通过 ${r.name} 的认证` : `已标记 ${r.name} 为不通过`)
  }

  return (
    <Dialog
      title={approve ? '确认通过认证' : '不通过认证'}
      okText="确认"
      busy={intent.busy}
      onOk={() => void confirm()}
      onCancel={onClose}
    >
      <View className="verify__dialog" data-testid="verify-dialog">
        <View>
          {approve ? '确认' : ''}
          {r.name}（{r.gridName} · {r.buildingName} {r.room}室）
          {approve ? '是本网格居民？' : '的绑定不通过认证。'}
        </View>
        {!approve && (
          <Field label="原因" name="reason" error={form.messageOf('reason')}>
            <TextBox
              testId="verify-reason"
              fixed
              value={form.values.reason}
              maxLength={VERIFY_RULES.reason.max.value}
              placeholder="居民会看到，如：房号与登记信息不符"
              onChange={(reason) => form.set({ reason })}
            />
          </Field>
        )}
        {form.formError && (
          <View className="error-text" role="alert">
            {form.formError}
          </View>
        )}
      </View>
    </Dialog>
  )
}
