import { useEffect, useMemo, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { Field, TextInput } from '@/components/Field'
import { OptionList } from '@/components/OptionList'
import { PhoneField, type PhoneValue } from '@/components/PhoneField'
import { BIND_STATUS_LABELS } from '@/contract/roles'
import { toast } from '@/components/Feedback'
import { useMe } from '@/hooks/useMe'
import { useQuery } from '@/hooks/useQuery'
import { newRequestId } from '@/services/cloud'
import { userApi } from '@/services/user'
import type { GridsTree, Me } from '@/contract/user'
import { ROUTES } from '../routes'
import { fieldOf, validateBind, type BindErrors, type BindField, type BindForm } from './validate'
import './index.scss'

const EMPTY_FORM: BindForm = {
  communityId: null,
  gridId: null,
  buildingId: null,
  room: '',
  name: '',
  phone: '',
}

export default function Bind() {
  const { me, setMe, refresh } = useMe()
  const tree = useQuery(() => userApi.listGrids())
  const [form, setForm] = useState<BindForm>(EMPTY_FORM)
  // A field shows its message once left (blur) or after a submit attempt; then it updates live.
  const [touched, setTouched] = useState<Partial<Record<BindField, boolean>>>({})
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<BindErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Me | null>(null)
  const requestId = useRef(newRequestId())

  usePrefill(me, tree.data, setForm)

  const errors = useMemo(() => validateBind(form), [form])
  const messageOf = (f: BindField) =>
    serverErrors[f] ?? (submitted || touched[f] ? errors[f] : undefined)

  const change = (patch: Partial<BindForm>, fields: BindField[]) => {
    setForm((prev) => ({ ...prev, ...patch }))
    setServerErrors((prev) => {
      const next = { ...prev }
      for (const f of fields) delete next[f]
      return next
    })
    setFormError(null)
  }
  const touch = (f: BindField) => setTouched((prev) => ({ ...prev, [f]: true }))

  const submit = async () => {
    if (busy) return
    setSubmitted(true)
    if (Object.keys(errors).length > 0) return toast('请按红色提示修改后再提交')
    setBusy(true)
    const result = await userApi.bindGrid(
      {
        gridId: form.gridId ?? '',
        buildingId: form.buildingId ?? '',
        room: form.room.trim(),
        name: form.name.trim(),
        ...(form.phoneCode ? { phoneCode: form.phoneCode } : { phone: form.phone.trim() }),
      },
      { requestId: requestId.current }
    )
    setBusy(false)
    if (!result.ok) {
      // A network failure is retried as the same intent; anything else is a new attempt.
      if (result.error.code !== 'INTERNAL') requestId.current = newRequestId()
      const field = fieldOf(result.error.field)
      if (field) setServerErrors({ [field]: result.error.message })
      else setFormError(result.error.message)
      return toast(result.error.message)
    }
    setMe(result.data)
    setDone(result.data)
    void refresh()
  }

  if (done) return <BindDone me={done} />

  if (!tree.data) {
    return (
      <Screen testId="page-bind">
        {tree.error ? <ErrorState error={tree.error} onRetry={tree.refresh} /> : <LoadingState />}
      </Screen>
    )
  }

  const community = tree.data.communities.find((c) => c.id === form.communityId)
  const grid = community?.grids.find((g) => g.id === form.gridId)
  const phoneValue: PhoneValue = { phone: form.phone, phoneCode: form.phoneCode }

  return (
    <Screen testId="page-bind" className="bind">
      {me?.grid && me.bindStatus !== 'none' && (
        <View className="card bind__notice">
          您已绑定「{me.grid.name}」（{BIND_STATUS_LABELS[me.bindStatus]}
          ），重新提交后需要网格员再次认证。
        </View>
      )}

      <View className="card">
        <Step n={1} title="选择社区" />
        <Field name="communityId" error={messageOf('communityId')}>
          <OptionList
            label="选择社区"
            options={tree.data.communities.map((c) => ({ id: c.id, label: c.name }))}
            value={form.communityId}
            onChange={(id) =>
              change({ communityId: id, gridId: null, buildingId: null }, [
                'communityId',
                'gridId',
                'buildingId',
              ])
            }
          />
        </Field>

        <Step n={2} title="选择网格" />
        <Field name="gridId" error={messageOf('gridId')}>
          {community ? (
            <OptionList
              label="选择网格"
              options={community.grids.map((g) => ({
                id: g.id,
                label: g.name,
                hint: `${g.buildings.length} 栋楼`,
              }))}
              value={form.gridId}
              onChange={(id) => change({ gridId: id, buildingId: null }, ['gridId', 'buildingId'])}
            />
          ) : (
            <View className="muted">请先选择社区</View>
          )}
        </Field>

        <Step n={3} title="选择楼栋" />
        <Field name="buildingId" error={messageOf('buildingId')}>
          {grid ? (
            <OptionList
              label="选择楼栋"
              options={grid.buildings.map((b) => ({ id: b.id, label: b.name }))}
              value={form.buildingId}
              onChange={(id) => change({ buildingId: id }, ['buildingId'])}
            />
          ) : (
            <View className="muted">请先选择网格</View>
          )}
        </Field>
      </View>

      <View className="card">
        <Step n={4} title="填写住户信息" />
        <Field label="房号" name="room" error={messageOf('room')} hint="如 302 或 2-302">
          <TextInput
            testId="bind-room"
            value={form.room}
            maxLength={10}
            placeholder="请输入房号"
            onChange={(room) => change({ room }, ['room'])}
            onBlur={() => touch('room')}
          />
        </Field>
        <Field label="真实姓名" name="name" error={messageOf('name')} hint="仅网格员认证时可见">
          <TextInput
            testId="bind-name"
            value={form.name}
            maxLength={20}
            placeholder="请输入您的姓名"
            onChange={(name) => change({ name }, ['name'])}
            onBlur={() => touch('name')}
          />
        </Field>
        <PhoneField
          value={phoneValue}
          error={messageOf('phone')}
          onChange={(v) => change({ phone: v.phone, phoneCode: v.phoneCode }, ['phone'])}
          onBlur={() => touch('phone')}
        />
      </View>

      {formError && (
        <View className="bind__form-error error-text" role="alert" data-testid="bind-error">
          {formError}
        </View>
      )}
      <View className="actions">
        <Button
          kind="primary"

          block
          loading={busy}
          disabled={busy}
          testId="bind-submit"
          onClick={() => void submit()}
        >
          提交绑定
        </Button>
      </View>
    </Screen>
  )
}

function Step({ n, title }: { n: number; title: string }) {
  return (
    <View className="bind__step">
      <View className="bind__step-no">{n}</View>
      <View className="bind__step-title">{title}</View>
    </View>
  )
}

/** Starts from what we know: the current binding (to correct it) and a lone community. */
function usePrefill(
  me: Me | null,
  tree: GridsTree | undefined,
  setForm: (update: (prev: BindForm) => BindForm) => void
) {
  const done = useRef(false)
  useEffect(() => {
    if (done.current || !me || !tree) return
    done.current = true
    const lone = tree.communities.length === 1 ? tree.communities[0].id : null
    const grid = me.grid
    setForm((prev) => ({
      ...prev,
      communityId: grid?.communityId ?? lone,
      gridId: grid?.id ?? null,
      buildingId: grid?.buildingId ?? null,
      room: grid?.room ?? '',
      name: me.realName ?? '',
      phone: me.phone ?? '',
    }))
  }, [me, tree, setForm])
}

function BindDone({ me }: { me: Me }) {
  return (
    <Screen testId="page-bind">
      <View className="card bind__done" data-testid="bind-success">
        <View className="bind__done-icon">✓</View>
        <View className="bind__done-title">
          {me.bindStatus === 'verified' ? '绑定成功' : '已提交，等待网格员认证'}
        </View>
        <View className="muted">
          {me.grid ? `${me.grid.communityName} · ${me.grid.name}` : ''}
          {me.bindStatus === 'verified' ? '' : '。网格员核实后即可使用全部服务。'}
        </View>
      </View>
      <View className="actions">
        <Button
          kind="primary"

          block
          testId="bind-back-mine"
          onClick={() => void Taro.switchTab({ url: ROUTES.mine })}
        >
          返回我的
        </Button>
        <Button
          block
          testId="bind-back-home"
          onClick={() => void Taro.switchTab({ url: ROUTES.home })}
        >
          回到首页
        </Button>
      </View>
    </Screen>
  )
}
