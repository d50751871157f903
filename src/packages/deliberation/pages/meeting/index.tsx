import { useState } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { DetailScreen } from '@/components/Detail'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { OptionList } from '@/components/OptionList'
import { ResidentPicker } from '@/components/ResidentPicker'
import { EmptyState } from '@/components/Status'
import { SubmitBar } from '@/components/SubmitBar'
import { useIntent } from '@/hooks/useIntent'
import { deliberationApi } from '@/services/deliberation'
import type { ResidentItem } from '@/contract/user'
import type { MeetingVoteOutcome, Topic } from '@/contract/deliberation'
import { MAX_MEETING_VOTES } from '@/contract/deliberation.rules'
import { QuorumMeter } from '../../components/QuorumMeter'
import './index.scss'

// The committee enters the ballots cast at a meeting (居民说事会, 1+3+N): pick each resident from
// the roster, the option they chose, then send them together. Each is checked on the server
// against the same roll as online votes; the answer says, per entry, counted or why not.

interface Entry {
  resident: ResidentItem
  optionIndex: number | null
}

export default function MeetingVotes() {
  const params = (useRouter()?.params ?? {}) as { id?: string }
  return (
    <DetailScreen
      testId="page-deliberation-meeting"
      id={params.id ?? ''}
      emptyText="没有找到这个议题"
      load={(id) => deliberationApi.get(id)}
    >
      {(topic, setTopic) =>
        topic.can.recordInPerson ? (
          <MeetingForm topic={topic} onChanged={setTopic} />
        ) : (
          <EmptyState text="现在不能录入会议投票">
            <View className="state__text" data-testid="meeting-closed">
              会议投票由社区两委在投票期间录入。
            </View>
          </EmptyState>
        )
      }
    </DetailScreen>
  )
}

interface Sent {
  entries: Entry[]
  outcomes: MeetingVoteOutcome[]
}

function MeetingForm({ topic: t, onChanged }: { topic: Topic; onChanged: (t: Topic) => void }) {
  const [entries, setEntries] = useState<Entry[]>([])
  const [sent, setSent] = useState<Sent | null>(null)
  const [checked, setChecked] = useState(false)
  const intent = useIntent()

  const add = (r: ResidentItem) => {
    if (entries.some((e) => e.resident.openid === r.openid)) return toast('已经添加过这位居民')
    if (entries.length >= MAX_MEETING_VOTES) return toast(`每次最多录入 ${MAX_MEETING_VOTES} 张`)
    setEntries((prev) => [...prev, { resident: r, optionIndex: null }])
  }
  const choose = (openid: string, optionIndex: number) =>
    setEntries((prev) =>
      prev.map((e) => (e.resident.openid === openid ? { ...e, optionIndex } : e))
    )
  const remove = (openid: string) =>
    setEntries((prev) => prev.filter((e) => e.resident.openid !== openid))

  const check = () => {
    setChecked(true)
    return entries.length > 0 && entries.every((e) => e.optionIndex !== null)
  }

  const send = async () => {
    const votes = entries.map((e) => ({ openid: e.resident.openid, optionIndex: e.optionIndex! }))
    const result = await intent.run((opts) =>
      deliberationApi.recordInPerson({ id: t.id, votes }, opts)
    )
    if (!result) return
    if (!result.ok) return toast(result.error.message)
    const counted = result.data.entries.filter((o) => o.ok).length
    toast(`已计入 ${counted} 张`)
    setSent({ entries, outcomes: result.data.entries })
    setEntries([])
    setChecked(false)
    onChanged(result.data.topic)
  }

  return (
    <>
      <View className="card">
        <View className="detail__title">{t.title}</View>
        <View className="muted">
          只录入在会议上当面投票的居民。已经在线上投过票的（或同户已投的）不会重复计入；录入后他们不能再在线上投票。
        </View>
      </View>
      <QuorumMeter topic={t} />
      {sent && <Outcomes sent={sent} topic={t} />}
      <View className="card" data-testid="meeting-entries">
        <View className="card__title">本次录入（{entries.length}）</View>
        <Field label="添加居民" name="meeting-voter">
          <ResidentPicker
            value={null}
            onChange={add}
            allowed={null}
            testIdPrefix="meeting-resident"
          />
        </Field>
        {entries.map((e) => (
          <View
            key={e.resident.openid}
            className="meeting__entry"
            data-testid={`meeting-entry-${e.resident.openid}`}
          >
            <View className="meeting__entry-head">
              <View>
                <View className="meeting__name">{e.resident.name}</View>
                <View className="muted">
                  {e.resident.buildingName} {e.resident.room}室 · {e.resident.gridName}
                </View>
              </View>
              <Button
                testId={`meeting-remove-${e.resident.openid}`}
                onClick={() => remove(e.resident.openid)}
              >
                移除
              </Button>
            </View>
            <Field
              label="所投选项"
              name={`option-${e.resident.openid}`}
              error={checked && e.optionIndex === null ? '请选择这位居民所投的选项' : undefined}
            >
              <OptionList
                label={`${e.resident.name}所投选项`}
                column
                options={t.options.map((o, i) => ({ id: String(i), label: o }))}
                value={e.optionIndex === null ? null : String(e.optionIndex)}
                onChange={(id) => choose(e.resident.openid, Number(id))}
                testIdPrefix={`meeting-option-${e.resident.openid}-`}
              />
            </Field>
          </View>
        ))}
      </View>
      <SubmitBar
        error={null}
        testId="meeting-submit"
        busy={intent.busy}
        text="提交会议投票"
        check={check}
        fixHint={entries.length ? '请为每位居民选择选项' : '请先添加居民'}
        confirm={{
          title: '确认录入',
          okText: '确认录入',
          body: (
            <View data-testid="meeting-confirm">
              录入 {entries.length} 位居民在会议上的投票。录入后不能修改，请核对每位居民的选项。
            </View>
          ),
        }}
        onSubmit={send}
      />
    </>
  )
}

/** Per entry: counted (with its receipt, to hand to the voter) or why not. */
function Outcomes({ sent, topic: t }: { sent: Sent; topic: Topic }) {
  return (
    <View className="card" data-testid="meeting-outcomes">
      <View className="card__title">录入结果</View>
      {sent.outcomes.map((o) => {
        const e = sent.entries[o.index]
        return (
          <View
            key={o.index}
            className={`meeting__outcome meeting__outcome--${o.ok ? 'ok' : 'no'}`}
            data-testid={`meeting-outcome-${e.resident.openid}`}
          >
            <View className="meeting__name">
              {e.resident.name}：{o.ok ? `已计入「${t.options[e.optionIndex!]}」` : o.error.message}
            </View>
            {o.ok && o.receipt && (
              <View className="muted">
                回执 <View className="meeting__receipt">{o.receipt}</View>（请交给居民本人保存）
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}
