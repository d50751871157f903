import { useState } from 'react'
import { View } from '@tarojs/components'
import { toast } from '@/components/Feedback'
import { OptionList } from '@/components/OptionList'
import { SubmitBar } from '@/components/SubmitBar'
import { useIntent } from '@/hooks/useIntent'
import type { Topic } from '@/contract/deliberation'
import { deliberationApi } from '@/services/deliberation'
import { Receipt } from '../Receipt'
import { askToSubscribe } from '../../subscribe'
import { keepReceipt, keptReceipt } from '../../receipts'
import { whenText } from '../../format'
import './index.scss'

// The options and the viewer's part in the vote: choose, confirm (final and secret; on a
// household topic, the one ballot of the home), then the receipt, which only this phone keeps.

interface VotePanelProps {
  topic: Topic
  openid: string
  onChanged: (topic: Topic) => void
  /** The vote was refused (already voted, window over): the message was shown. */
  onStale: () => void
}

export function VotePanel({ topic: t, openid, onChanged, onStale }: VotePanelProps) {
  const [choice, setChoice] = useState<number | null>(null)
  const [receipt, setReceipt] = useState(() => keptReceipt(openid, t.id))
  const intent = useIntent()

  const send = async () => {
    if (choice === null) return
    // WeChat only asks from a tap: before the request, never holding it up.
    await askToSubscribe('voting')
    const result = await intent.run((opts) =>
      deliberationApi.vote({ id: t.id, optionIndex: choice }, opts)
    )
    if (!result) return
    if (!result.ok) {
      toast(result.error.message)
      if (result.error.code !== 'INTERNAL') onStale()
      return
    }
    // A repeated request answers without the receipt: the first answer's is kept already.
    if (result.data.receipt) {
      keepReceipt(openid, t.id, result.data.receipt)
      setReceipt(result.data.receipt)
    }
    toast('投票成功')
    onChanged(result.data.topic)
  }

  return (
    <View className="card" data-testid="deliberation-vote">
      <View className="card__title">选项</View>
      {t.can.vote ? (
        <>
          <OptionList
            label="投票选项"
            column
            options={t.options.map((o, i) => ({ id: String(i), label: o }))}
            value={choice === null ? null : String(choice)}
            onChange={(id) => setChoice(Number(id))}
            testIdPrefix="deliberation-option-"
          />
          <View className="vote__hint muted">
            无记名投票，{t.unit === 'household' ? '每户一票' : '每人一票'}，投出后不能修改。
          </View>
          <SubmitBar
            error={null}
            testId="deliberation-vote-submit"
            busy={intent.busy}
            text="投票"
            check={() => choice !== null}
            fixHint="请先选择一个选项"
            confirm={{
              title: '确认投票',
              okText: '确认投票',
              body: (
                <View data-testid="deliberation-vote-confirm">
                  <View className="vote__chosen">
                    您选择：「{choice === null ? '' : t.options[choice]}」
                  </View>
                  <View>投票后不能修改或撤回。</View>
                  <View>
                    无记名投票：谁投了票和投了哪一项分开保存，任何人（包括社区）都看不到您投了哪一项。
                  </View>
                  {t.unit === 'household' && (
                    <View className="vote__household" data-testid="deliberation-vote-household">
                      {t.myVote.householdVoter
                        ? `您家 ${t.myVote.householdVoter} 已经投过票了，每户只能投一票。`
                        : '本议题每户一票：您家里还没有人投票，您这一票代表全家，投后家人不能再投。'}
                    </View>
                  )}
                </View>
              ),
            }}
            onSubmit={send}
          />
        </>
      ) : (
        <View className="vote__options" data-testid="deliberation-options">
          {t.options.map((o, i) => (
            <View key={i} className="vote__option">
              {i + 1}. {o}
            </View>
          ))}
        </View>
      )}
      <VoteState topic={t} />
      {t.myVote.voted &&
        (receipt ? (
          <Receipt receipt={receipt} />
        ) : (
          <View className="muted vote__no-receipt">
            这台手机上没有保存您的投票回执（回执只在投票时给出一次）。
          </View>
        ))}
    </View>
  )
}

/** Why the viewer can or cannot vote now, in words. */
function VoteState({ topic: t }: { topic: Topic }) {
  const v = t.myVote
  let text: string | null = null
  let testId = 'deliberation-vote-state'
  if (t.phase === 'discussion') {
    text = `讨论中，${whenText(t.discussionEndsAt)} 开始投票。`
  } else if (v.voted) {
    text = t.phase === 'closed' ? '您参与了本次投票。' : '您已投票，谢谢参与！'
    testId = 'deliberation-voted'
  } else if (v.byHousehold) {
    text = `您家 ${v.householdVoter ?? '家人'} 已经投过票了。本议题每户一票，您不能再投。`
    testId = 'deliberation-household-voted'
  } else if (t.phase === 'voting' && v.eligible === false) {
    text = '您不在本次投票的名单上：名单在投票开始时确定，之后认证的居民不能参与本次投票。'
  } else if (t.phase === 'voting' && !t.can.vote) {
    text = '本议题由范围内已认证的居民投票。'
  }
  if (!text) return null
  return (
    <View className="vote__state" data-testid={testId}>
      {text}
    </View>
  )
}
