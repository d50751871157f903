import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@/components/Button'
import { DetailRow, DetailScreen } from '@/components/Detail'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { useForm } from '@/hooks/useForm'
import { useMe } from '@/hooks/useMe'
import { deliberationApi } from '@/services/deliberation'
import type { ReceiptCheck, Topic, TopicResult } from '@/contract/deliberation'
import type { Result } from '@/contract/errors'
import {
  BALLOT_ORIGIN_LABELS,
  DELIBERATION_RULES,
  VOTE_OUTCOME_LABELS,
} from '@/contract/deliberation.rules'
import { DELIBERATION_ROUTES } from '../../routes'
import { TopicActions } from '../../components/TopicActions'
import { Updates } from '../../components/Updates'
import { keptReceipt } from '../../receipts'
import { voterWord } from '../../format'
import './index.scss'

// The sealed tally of a closed topic: each option's ballots as a bar, turnout against the roll,
// the outcome, online and meeting ballots, the tally hash, and a box to check a receipt.

interface Loaded {
  topic: Topic
  result: TopicResult
}

async function load(id: string): Promise<Result<Loaded>> {
  const [topic, result] = await Promise.all([deliberationApi.get(id), deliberationApi.result(id)])
  if (!topic.ok) return topic
  if (!result.ok) return result
  return { ok: true, data: { topic: topic.data, result: result.data } }
}

export default function TopicResultPage() {
  const params = (useRouter()?.params ?? {}) as { id?: string }
  // The viewer's kept receipt fills the check box: known once the viewer is.
  const { me } = useMe()
  return (
    <DetailScreen
      testId="page-deliberation-result"
      id={params.id ?? ''}
      emptyText="没有找到这个议题"
      load={load}
    >
      {({ topic, result }, setLoaded, refresh) => (
        <>
          <Tally topic={topic} result={result} />
          <Turnout topic={topic} result={result} />
          <Updates topic={topic} />
          <View className="actions">
            <TopicActions
              topic={topic}
              onChanged={(t) => setLoaded({ topic: t, result })}
              onStale={refresh}
            />
            {topic.can.followUp && (
              <Button
                kind="primary"
                block
                testId="deliberation-follow-up"
                onClick={() =>
                  void Taro.navigateTo({ url: DELIBERATION_ROUTES.followUp(topic.id) })
                }
              >
                发起下一轮议题
              </Button>
            )}
          </View>
          <Verify key={me?.openid ?? ''} topic={topic} />
        </>
      )}
    </DetailScreen>
  )
}

function Tally({ topic: t, result: r }: Loaded) {
  const total = r.counts.reduce((a, b) => a + b, 0)
  return (
    <View className="card" data-testid="deliberation-result">
      <View className="detail__title">{t.title}</View>
      <View
        className={`result__outcome result__outcome--${r.outcome}`}
        data-testid="deliberation-result-outcome"
      >
        {VOTE_OUTCOME_LABELS[r.outcome]}
        {r.outcome === 'decided' && r.winner !== undefined ? `：「${t.options[r.winner]}」` : ''}
      </View>
      <View role="list" aria-label="各选项票数">
        {t.options.map((o, i) => {
          const n = r.counts[i] ?? 0
          const share = total > 0 ? Math.round((n / total) * 100) : 0
          const winner = r.outcome === 'decided' && r.winner === i
          return (
            <View
              key={i}
              className="result__bar"
              role="listitem"
              data-testid={`deliberation-bar-${i}`}
            >
              <View className="result__bar-text">
                <View>{o}</View>
                <View className="result__bar-count">
                  {n} 票（{share}%）
                </View>
              </View>
              <View className="result__track" aria-hidden>
                <View
                  className={`result__fill${winner ? ' result__fill--winner' : ''}`}
                  style={{ width: `${share}%` }}
                />
              </View>
            </View>
          )
        })}
      </View>
    </View>
  )
}

function Turnout({ topic: t, result: r }: Loaded) {
  const word = voterWord(t)
  return (
    <View className="card" data-testid="deliberation-result-turnout">
      <View className="card__title">参与情况</View>
      <DetailRow label="参与" testId="deliberation-result-turnout-text">
        {r.turnout} / {r.eligibleCount} {word}
      </DetailRow>
      <DetailRow label="参与率要求">
        {t.quorum}%（{r.quorumMet ? '已达到' : '未达到'}）
      </DetailRow>
      <DetailRow label={BALLOT_ORIGIN_LABELS.online} testId="deliberation-result-online">
        {r.byOrigin.online} 票
      </DetailRow>
      <DetailRow label={BALLOT_ORIGIN_LABELS.meeting} testId="deliberation-result-meeting">
        {r.byOrigin.meeting} 票
      </DetailRow>
      <View className="detail__meta">
        <View className="detail__label">计票校验码</View>
        <View className="result__hash muted" data-testid="deliberation-tally-hash">
          {r.tallyHash}
        </View>
        <View className="muted">由全部回执和所投选项算出，任何人都可以用公开的回执复核。</View>
      </View>
    </View>
  )
}

/** Anyone with a receipt checks how that ballot was counted (the viewer's own is filled in). */
function Verify({ topic: t }: { topic: Topic }) {
  const { me } = useMe()

  const form = useForm(() => ({ receipt: (me && keptReceipt(me.openid, t.id)) ?? '' }), {
    rules: { receipt: DELIBERATION_RULES.receipt },
  })
  const [check, setCheck] = useState<ReceiptCheck | null>(null)
  const [busy, setBusy] = useState(false)
  const send = async () => {
    if (busy || !form.attempt()) return
    setBusy(true)
    const res = await deliberationApi.verifyReceipt({
      id: t.id,
      receipt: form.values.receipt.trim(),
    })
    setBusy(false)
    if (!res.ok) {
      form.refuse(res.error)
      return toast(res.error.message)
    }
    setCheck(res.data)
  }
  return (
    <View className="card result__verify" data-testid="deliberation-verify">
      <View className="card__title">核对投票回执</View>
      <Field label="投票回执" name="receipt" error={form.messageOf('receipt')}>
        <TextInput
          testId="deliberation-verify-input"
          value={form.values.receipt}
          maxLength={DELIBERATION_RULES.receipt.max.value}
          placeholder="如：ABCD-EFGH-JKMN-PQRS"
          onChange={(receipt) => {
            form.set({ receipt })
            setCheck(null)
          }}
        />
      </Field>
      <Button loading={busy} testId="deliberation-verify-submit" onClick={() => void send()}>
        核对
      </Button>
      {check && (
        <View
          className={`result__check${check.counted ? '' : ' result__check--no'}`}
          role="status"
          data-testid="deliberation-verify-result"
        >
          {check.counted && check.optionIndex !== undefined
            ? `已计入：「${t.options[check.optionIndex]}」${
                check.origin ? `（${BALLOT_ORIGIN_LABELS[check.origin]}）` : ''
              }`
            : '没有找到这张回执对应的选票，请检查是否输入正确。'}
        </View>
      )}
    </View>
  )
}
