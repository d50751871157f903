import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { SubmitBar } from '@/components/SubmitBar'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { Field, TextInput } from '@/components/Field'
import { OptionList } from '@/components/OptionList'
import { Checkbox } from '@/components/Checkbox'
import { TAB_STOP } from '@/components/a11y'
import { USER_ROUTES } from '@/packages/user/routes'
import { gridFromScene } from './grid-scene'
import { sceneOf } from './launch-scene'
import { PhoneField, type PhoneValue } from '@/components/PhoneField'
import { BIND_STATUS_LABELS } from '@/contract/roles'
import { toast } from '@/components/Feedback'
import { useMe } from '@/hooks/useMe'
import { useQuery } from '@/hooks/useQuery'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { userApi } from '@/services/user'
import { idRule } from '@/contract/rules'
import { BIND_RULES } from '@/contract/user.rules'
import type { GridsTree, Me } from '@/contract/user'
import { ROUTES } from '../routes'
import './index.scss'

interface BindForm extends Record<string, unknown> {
  communityId: string
  gridId: string
  buildingId: string
  room: string
  name: string
  phone: string
  /** weapp: the getPhoneNumber code, in place of a typed phone. */
  phoneCode?: string
}

const EMPTY_FORM: BindForm = {
  communityId: '',
  gridId: '',
  buildingId: '',
  room: '',
  name: '',
  phone: '',
}

/** The server's rules (BIND_RULES) and the picks; the form asks for a phone unless WeChat gave one. */
const rulesFor = (phoneCode?: string) => ({
  communityId: idRule('社区'),
  gridId: idRule('网格'),
  buildingId: idRule('楼栋'),
  room: BIND_RULES.room,
  name: BIND_RULES.name,
  ...(phoneCode
    ? {}
    : { phone: { ...BIND_RULES.phone, required: BIND_RULES.phone.pattern.message } }),
})

/** `phoneCode` is shown at the phone field. */
const fieldOf = (f: string) =>
  f === 'phoneCode' ? 'phone' : f in EMPTY_FORM ? (f as keyof BindForm & string) : null

export default function Bind() {
  const { me, setMe, refresh } = useMe()
  const tree = useQuery(() => userApi.listGrids())
  const [phoneCode, setPhoneCode] = useState<string | undefined>()
  const form = useForm(EMPTY_FORM, { rules: rulesFor(phoneCode), fieldOf })
  const intent = useIntent()
  const [done, setDone] = useState<Me | null>(null)
  // PIPL: binding collects a name, phone and home; the resident agrees to the policy first.
  const [consent, setConsent] = useState(false)
  const [consentAsked, setConsentAsked] = useState(false)
  const v = form.values
  const params = (useRouter()?.params ?? {}) as Record<string, string | undefined>
  const scannedGrid = gridFromScene(sceneOf(params))

  usePrefill(me, tree.data, form.set, scannedGrid)

  const submit = async () => {
    setConsentAsked(true)
    const valid = form.attempt()
    if (!valid) return toast('请按红色提示修改后再提交')
    if (!consent) return toast('请先阅读并同意隐私保护指引')
    const result = await intent.run((opts) =>
      userApi.bindGrid(
        {
          gridId: v.gridId,
          buildingId: v.buildingId,
          room: v.room.trim(),
          name: v.name.trim(),
          ...(v.phoneCode ? { phoneCode: v.phoneCode } : { phone: v.phone.trim() }),
        },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
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

  const community = tree.data.communities.find((c) => c.id === v.communityId)
  const grid = community?.grids.find((g) => g.id === v.gridId)
  const phoneValue: PhoneValue = { phone: v.phone, phoneCode: v.phoneCode }

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
        <Field name="communityId" error={form.messageOf('communityId')}>
          <OptionList
            label="选择社区"
            options={tree.data.communities.map((c) => ({ id: c.id, label: c.name }))}
            value={v.communityId}
            onChange={(id) => form.set({ communityId: id, gridId: '', buildingId: '' })}
          />
        </Field>

        <Step n={2} title="选择网格" />
        <Field name="gridId" error={form.messageOf('gridId')}>
          {community ? (
            <OptionList
              label="选择网格"
              options={community.grids.map((g) => ({
                id: g.id,
                label: g.name,
                hint: `${g.buildings.length} 栋楼`,
              }))}
              value={v.gridId}
              onChange={(id) => form.set({ gridId: id, buildingId: '' })}
            />
          ) : (
            <View className="muted">请先选择社区</View>
          )}
        </Field>

        <Step n={3} title="选择楼栋" />
        <Field name="buildingId" error={form.messageOf('buildingId')}>
          {grid ? (
            <OptionList
              label="选择楼栋"
              options={grid.buildings.map((b) => ({ id: b.id, label: b.name }))}
              value={v.buildingId}
              onChange={(id) => form.set({ buildingId: id })}
            />
          ) : (
            <View className="muted">请先选择网格</View>
          )}
        </Field>
      </View>

      <View className="card">
        <Step n={4} title="填写住户信息" />
        <Field label="房号" name="room" error={form.messageOf('room')} hint="如 302 或 2-302">
          <TextInput
            testId="bind-room"
            value={v.room}
            maxLength={BIND_RULES.room.max?.value}
            placeholder="请输入房号"
            onChange={(room) => form.set({ room })}
            onBlur={() => form.touch('room')}
          />
        </Field>
        <Field
          label="真实姓名"
          name="name"
          error={form.messageOf('name')}
          hint="仅网格员认证时可见"
        >
          <TextInput
            testId="bind-name"
            value={v.name}
            maxLength={BIND_RULES.name.max?.value}
            placeholder="请输入您的姓名"
            onChange={(name) => form.set({ name })}
            onBlur={() => form.touch('name')}
          />
        </Field>
        <PhoneField
          value={phoneValue}
          error={form.messageOf('phone')}
          onChange={(p) => {
            setPhoneCode(p.phoneCode)
            form.set({ phone: p.phone, phoneCode: p.phoneCode })
          }}
          onBlur={() => form.touch('phone')}
        />
      </View>

      <Consent checked={consent} onChange={setConsent} asked={consentAsked} />

      <SubmitBar
        error={form.formError}
        testId="bind-submit"
        busy={intent.busy}
        text="提交绑定"
        onSubmit={() => void submit()}
      />
    </Screen>
  )
}

/** PIPL: explicit consent to the policy, unticked until the resident ticks it. */
function Consent({
  checked,
  onChange,
  asked,
}: {
  checked: boolean
  onChange: (checked: boolean) => void
  asked: boolean
}) {
  return (
    <View className="card">
      <Field name="consent" error={asked && !checked ? '请先阅读并同意隐私保护指引' : null}>
        <Checkbox checked={checked} onChange={onChange} testId="bind-consent">
          我已阅读并同意《红邻隐私保护指引》：姓名、手机号和住址仅用于网格员认证和邻里帮忙
        </Checkbox>
        <View
          className="bind__policy-link"
          role="link"
          {...TAB_STOP}
          data-testid="bind-privacy-link"
          onClick={() => void Taro.navigateTo({ url: USER_ROUTES.privacy })}
        >
          查看《红邻隐私保护指引》›
        </View>
      </Field>
    </View>
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

/**
 * Starts from what we know: a scanned grid QR code (its community and grid chosen), else the
 * current binding (to correct it), else a lone community.
 */
function usePrefill(
  me: Me | null,
  tree: GridsTree | undefined,
  set: (patch: Partial<BindForm>) => void,
  scannedGrid: string | null
) {
  const done = useRef(false)
  useEffect(() => {
    if (done.current || !me || !tree) return
    done.current = true
    set({
      ...placeOf(me, tree, scannedGrid),
      name: me.realName ?? '',
      phone: me.phone ?? '',
    })
  }, [me, tree, set, scannedGrid])
}

/** Where the form starts: the scanned grid, else the current binding, else a lone community. */
function placeOf(me: Me, tree: GridsTree, scannedGrid: string | null): Partial<BindForm> {
  const grid = me.grid
  const scanned = scannedGrid
    ? tree.communities.find((c) => c.grids.some((g) => g.id === scannedGrid))
    : undefined
  if (scanned && grid?.id !== scannedGrid)
    return { communityId: scanned.id, gridId: scannedGrid!, buildingId: '', room: '' }
  if (grid)
    return {
      communityId: grid.communityId,
      gridId: grid.id,
      buildingId: grid.buildingId ?? '',
      room: grid.room ?? '',
    }
  return { communityId: tree.communities.length === 1 ? tree.communities[0].id : '' }
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
