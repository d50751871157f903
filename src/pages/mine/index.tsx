import { useEffect, useState } from 'react'
import { TAB_STOP } from '@/components/a11y'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Button } from '@/components/Button'
import { Screen } from '@/components/Screen'
import { ErrorState, LoadingState } from '@/components/Status'
import { BindStatusTag } from '@/components/BindStatusTag'
import { RoleTags } from '@/components/RoleTags'
import { Toggle } from '@/components/Toggle'
import { Dialog } from '@/components/Dialog'
import { Field, TextInput } from '@/components/Field'
import { PersonaSwitcher } from '@/components/PersonaSwitcher'
import { toast } from '@/components/Feedback'
import { useMe } from '@/hooks/useMe'
import { WorkList } from '@/components/DomainEntry'
import { useQuery } from '@/hooks/useQuery'
import { usePullRefresh } from '@/hooks/usePullRefresh'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { userApi } from '@/services/user'
import { PROFILE_RULES } from '@/contract/user.rules'
import type { Me } from '@/contract/user'
import { ENTRIES } from '../entries'
import { ROUTES } from '../routes'
import './index.scss'

type Panel = 'nickname' | 'export' | null

export default function Mine() {
  const { me, loading, error, refresh } = useMe()
  usePullRefresh(refresh)

  return (
    <Screen testId="page-mine">
      {me ? (
        <MineBody me={me} />
      ) : error && !loading ? (
        <ErrorState error={error} onRetry={refresh} />
      ) : (
        <LoadingState />
      )}
      <PersonaSwitcher />
    </Screen>
  )
}

function MineBody({ me }: { me: Me }) {
  const { refresh, setMe } = useMe()
  const [panel, setPanel] = useState<Panel>(null)
  const deletion = useIntent()
  const [savingElder, setSavingElder] = useState(false)

  const credited = me.creditByName
  const toggleCredit = async (creditByName: boolean) => {
    setSavingElder(true)
    const result = await userApi.updateProfile({ creditByName })
    setSavingElder(false)
    if (!result.ok) return toast(result.error.message)
    setMe(result.data)
    toast(creditByName ? '心愿墙上将显示您的姓名' : '心愿墙上只显示您的昵称')
  }

  const toggleElder = async (elderMode: boolean) => {
    setSavingElder(true)
    const result = await userApi.updateProfile({ elderMode })
    setSavingElder(false)
    if (!result.ok) return toast(result.error.message)
    setMe(result.data)
    toast(elderMode ? '已开启长辈模式，字更大了' : '已关闭长辈模式')
  }

  const close = () => setPanel(null)

  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const deleteMe = async () => {
    const result = await deletion.run((opts) => userApi.deleteMe(opts))
    if (!result) return
    setConfirmingDelete(false)
    if (!result.ok) return toast(result.error.message)
    toast('已注销，您的数据已删除')
    await refresh()
    void Taro.switchTab({ url: ROUTES.home })
  }

  return (
    <>
      <View className="mine__head">
        <View className="mine__nickname" data-testid="mine-nickname">
          {me.nickname || '未设置昵称'}
        </View>
        <View
          className="mine__edit"
          role="button"
          {...TAB_STOP}
          data-testid="edit-nickname"
          onClick={() => setPanel(panel === 'nickname' ? null : 'nickname')}
        >
          修改昵称
        </View>
      </View>
      {panel === 'nickname' && <NicknameEditor me={me} onDone={setMe} onClose={close} />}

      <CellGroup title="我的身份">
        <Cell title="认证状态" extra={<BindStatusTag status={me.bindStatus} />} />
        {me.bindStatus === 'rejected' && (
          <Cell
            title="未通过原因"
            extra={<View data-testid="reject-reason">{me.rejectReason || '未填写'}</View>}
          />
        )}
        <Cell title="我的网格" extra={gridText(me)} />
        <Cell title="真实姓名" extra={me.realName || '未填写'} />
        <Cell title="手机号" extra={me.phone || '未填写'} />
        <Cell title="角色" extra={<RoleTags roles={me.roles} />} />
      </CellGroup>
      {me.bindStatus !== 'verified' && me.bindStatus !== 'pending' && (
        <View className="actions">
          <Button
            kind="primary"

            block
            testId="mine-bind"
            onClick={() => void Taro.navigateTo({ url: ROUTES.bind })}
          >
            {me.bindStatus === 'rejected' ? '重新绑定' : '绑定网格'}
          </Button>
        </View>
      )}

      <WorkList entries={ENTRIES} me={me} />

      <CellGroup title="设置">
        <Cell
          title="长辈模式"
          description="字体更大，更易阅读"
          extra={
            <Toggle
              testId="elder-switch"
              label="长辈模式"
              checked={me.elderMode}
              disabled={savingElder}
              onChange={(v) => void toggleElder(v)}
            />
          }
        />
        {me.can['wish.claim'] && (
          <Cell
            title="心愿墙署名"
            description="帮邻居点亮心愿后，在心愿墙上显示您的姓名"
            extra={
              <Toggle
                testId="credit-switch"
                label="心愿墙署名"
                checked={credited}
                disabled={savingElder}
                onChange={(v) => void toggleCredit(v)}
              />
            }
          />
        )}
      </CellGroup>

      <CellGroup title="我的数据">
        <View
          role="button"
          {...TAB_STOP}
          data-testid="export-data"
          onClick={() => setPanel('export')}
        >
          <Cell title="导出我的数据" extra="查看" />
        </View>
        <View
          role="button"
          {...TAB_STOP}
          data-testid="delete-me"
          onClick={() => setConfirmingDelete(true)}
        >
          <Cell title="注销并删除我的数据" className="mine__danger" />
        </View>
      </CellGroup>
      {panel === 'export' && <DataExport onClose={close} />}
      {confirmingDelete && (
        <Dialog
          title="注销并删除我的数据"
          okText="确认注销"
          okKind="danger"
          busy={deletion.busy}
          onOk={() => void deleteMe()}
          onCancel={() => setConfirmingDelete(false)}
        >
          注销后，您的网格绑定、个人资料和记录将被删除，且无法恢复。确定要注销吗？
        </Dialog>
      )}
    </>
  )
}

function gridText(me: Me): string {
  if (!me.grid) return '未绑定'
  const room = [me.grid.buildingName, me.grid.room ? `${me.grid.room}室` : ''].join(' ').trim()
  return `${me.grid.name}${room ? ` ${room}` : ''}`
}

function NicknameEditor({
  me,
  onDone,
  onClose,
}: {
  me: Me
  onDone: (me: Me) => void
  onClose: () => void
}) {
  const form = useForm({ nickname: me.nickname }, { rules: PROFILE_RULES })
  const intent = useIntent()

  const save = async () => {
    if (!form.attempt()) return
    const nickname = form.values.nickname.trim()
    const result = await intent.run(() => userApi.updateProfile({ nickname }))
    if (!result) return
    if (!result.ok) return form.refuse({ ...result.error, field: 'nickname' })
    onDone(result.data)
    toast('昵称已修改')
    onClose()
  }

  return (
    <View className="card" data-testid="nickname-editor">
      <Field label="新昵称" name="nickname" error={form.messageOf('nickname')}>
        <TextInput
          testId="nickname-input"
          value={form.values.nickname}
          maxLength={PROFILE_RULES.nickname.max.value}
          placeholder="邻居们看到的称呼"
          onChange={(nickname) => form.set({ nickname })}
        />
      </Field>
      <View className="mine__row">
        <Button className="mine__row-button" onClick={onClose}>
          取消
        </Button>
        <Button
          kind="primary"

          className="mine__row-button"
          loading={intent.busy}
          disabled={intent.busy}
          testId="nickname-save"
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  )
}

function DataExport({ onClose }: { onClose: () => void }) {
  const exported = useQuery(() => userApi.exportMyData())
  const [showJson, setShowJson] = useState(false)
  // The panel opens below the fold on most phones: bring it into view.
  useEffect(() => {
    Taro.pageScrollTo({ selector: '#export-panel', duration: 300 }).catch(() => undefined)
  }, [])
  const data = exported.data
  const json = data ? JSON.stringify(data, null, 2) : null
  const summary = data?.summary ?? []

  const copy = async () => {
    if (!json) return
    await Taro.setClipboardData({ data: json })
    toast('已复制完整数据（JSON 格式），可以粘贴保存')
  }

  return (
    <View className="card" id="export-panel" data-testid="export-panel">
      <View className="card__title">我的数据</View>
      {json ? (
        <>
          {summary.map((section) => (
            <View key={section.title} className="mine__export-section" data-testid="export-section">
              <View className="mine__export-title">{section.title}</View>
              {section.lines.map((line, i) => (
                <View key={i} className="mine__export-line">
                  {line}
                </View>
              ))}
            </View>
          ))}
          {(showJson || !summary.length) && (
            <ScrollView scrollY className="mine__export" data-testid="export-json">
              <Text userSelect>{json}</Text>
            </ScrollView>
          )}
          {summary.length > 0 && !showJson && (
            <Button block testId="export-show-json" onClick={() => setShowJson(true)}>
              查看完整数据（JSON）
            </Button>
          )}
        </>
      ) : exported.error ? (
        <ErrorState error={exported.error} onRetry={exported.refresh} />
      ) : (
        <LoadingState text="正在整理您的数据…" />
      )}
      <View className="mine__row">
        <Button className="mine__row-button" onClick={onClose}>
          收起
        </Button>
        <Button
          kind="primary"
          className="mine__row-button"
          disabled={!json}
          testId="export-copy"
          onClick={() => void copy()}
        >
          复制完整数据
        </Button>
      </View>
    </View>
  )
}
