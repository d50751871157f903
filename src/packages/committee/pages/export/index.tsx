import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { ChoiceTiles } from '@/components/ChoiceTiles'
import { pickerParts } from '@/components/DateTimePick'
import { toast } from '@/components/Feedback'
import { Field } from '@/components/Field'
import { FilterChips } from '@/components/FilterChips'
import { StaffGate } from '@/components/NoAccess'
import { SubmitBar } from '@/components/SubmitBar'
import { formatTime } from '@/components/TimeText'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import type { ExportResult } from '@/contract/committee'
import {
  COMMITTEE_RULES,
  EXPORT_CROSS,
  EXPORT_KEEP_HOURS,
  EXPORT_KIND_LABELS,
  EXPORT_KINDS,
  type ExportKind,
} from '@/contract/committee.rules'
import { committeeApi } from '@/services/committee'
import { CommunityField } from '../../components/CommunityField'
import { PickBox } from '../../components/PickBox'
import { download } from '../../download'
import './index.scss'

// 导出台账: a ledger of the days chosen, written as an .xlsx file by the server
// (`committee.export`), then downloaded (H5) or opened in WeChat's viewer (weapp).

export default function ExportPage() {
  return (
    <StaffGate
      testId="page-committee-export"
      service="导出台账"
      forWhom="社区两委"
      allowed={(me) => me.can['committee.export']}
    >
      {() => <ExportForm />}
    </StaffGate>
  )
}

interface ExportForm extends Record<string, unknown> {
  kind: ExportKind | null
  from: string
  to: string
  /** Only when the server asks which community (see CommunityField); '' = the caller's own. */
  communityId: string
}

const RULES = {
  kind: COMMITTEE_RULES.kind,
  from: COMMITTEE_RULES.fromDay,
  to: COMMITTEE_RULES.toDay,
}

const KINDS = EXPORT_KINDS.map((id) => ({ id, label: EXPORT_KIND_LABELS[id] }))

/** Today, 'YYYY-MM-DD' in Asia/Shanghai. */
const shanghaiToday = (): string => pickerParts(Date.now()).date

/** 2026-03-08 → 2026年3月8日 */
function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

const PRESETS = [
  { id: 'month', label: '本月' },
  { id: 'lastMonth', label: '上月' },
  { id: 'year', label: '今年' },
] as const
type PresetId = (typeof PRESETS)[number]['id']

function presetRange(id: PresetId): { from: string; to: string } {
  const today = shanghaiToday()
  if (id === 'month') return { from: `${today.slice(0, 7)}-01`, to: today }
  if (id === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today }
  const firstOfMonth = Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`)
  const lastOfPrev = new Date(firstOfMonth - 86_400_000).toISOString().slice(0, 10)
  return { from: `${lastOfPrev.slice(0, 7)}-01`, to: lastOfPrev }
}

function ExportForm() {
  const intent = useIntent()
  const form = useForm<ExportForm>(
    { kind: null, ...presetRange('month'), communityId: '' },
    { rules: RULES, cross: EXPORT_CROSS }
  )
  const [file, setFile] = useState<ExportResult | null>(null)
  const v = form.values
  const today = shanghaiToday()
  const preset = PRESETS.find((p) => {
    const r = presetRange(p.id)
    return r.from === v.from && r.to === v.to
  })

  const change = (patch: Partial<ExportForm>) => {
    setFile(null)
    form.set(patch)
    for (const f of Object.keys(patch)) form.touch(f)
  }

  const send = async () => {
    const result = await intent.run((opts) =>
      committeeApi.export(
        {
          kind: v.kind!,
          from: v.from,
          to: v.to,
          ...(v.communityId ? { communityId: v.communityId } : {}),
        },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      form.refuse(result.error)
      return toast(result.error.message)
    }
    setFile(result.data)
  }

  const communityError = form.messageOf('communityId')
  return (
    <>
      {(communityError || v.communityId) && (
        <CommunityField
          value={v.communityId || undefined}
          error={communityError}
          testId="export-community"
          onPick={(communityId) => change({ communityId })}
        />
      )}
      <View className="card">
        <Field label="哪本台账" name="kind" error={form.messageOf('kind')}>
          <ChoiceTiles
            label="台账类型"
            twoColumns
            testId="export-kind"
            choices={KINDS}
            value={v.kind}
            onPick={(kind) => change({ kind })}
          />
        </Field>
      </View>
      <View className="card">
        <View className="card__title">时间范围</View>
        <FilterChips
          block="export"
          label="快速选择时间"
          options={PRESETS}
          value={preset?.id ?? ('' as PresetId)}
          testId="export-preset"
          onPick={(id) => change(presetRange(id))}
        />
        <PickBox
          name="from"
          label="开始日期"
          fields="day"
          value={v.from}
          text={dayText(v.from)}
          end={today}
          error={form.messageOf('from')}
          testId="export-from"
          onChange={(from) => change({ from })}
        />
        <PickBox
          name="to"
          label="结束日期"
          fields="day"
          value={v.to}
          text={dayText(v.to)}
          end={today}
          error={form.messageOf('to')}
          testId="export-to"
          onChange={(to) => change({ to })}
        />
      </View>

      {file ? (
        <ExportDone file={file} />
      ) : (
        <SubmitBar
          error={form.formError}
          testId="export-submit"
          busy={intent.busy}
          text="导出"
          check={form.attempt}
          confirm={{
            title: '确认导出',
            okText: '导出',
            body: (
              <View data-testid="export-confirm">
                <View>{v.kind ? EXPORT_KIND_LABELS[v.kind] : ''}</View>
                <View>
                  {dayText(v.from)} 至 {dayText(v.to)}
                </View>
                <View className="muted">
                  表格含居民信息（电话只显示前三后四位），请妥善保管；云端的表格 {EXPORT_KEEP_HOURS}{' '}
                  小时后自动删除。导出会记入操作记录。
                </View>
              </View>
            ),
          }}
          onSubmit={send}
        />
      )}
    </>
  )
}

function ExportDone({ file }: { file: ExportResult }) {
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      await download(file)
    } catch {
      toast('下载没有成功，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card export__done" data-testid="export-result" role="status">
      <View className="card__title">已生成</View>
      <View className="export__file" data-testid="export-file">
        {file.fileName}
      </View>
      <View className="muted" data-testid="export-rows">
        共 {file.rows} 行 · {formatTime(file.expiresAt, 'M月D日 HH:mm')} 前可下载
      </View>
      <Button
        className="export__download"
        kind="primary"
        block
        loading={busy}
        testId="export-download"
        onClick={() => void save()}
      >
        下载
      </Button>
    </View>
  )
}
