import { View } from '@tarojs/components'
import type { Topic } from '@/contract/deliberation'
import { voterWord } from '../../format'
import './index.scss'

/**
 * The live turnout against the quorum: 已投 N / M 户, a bar with the quorum's mark, and how many
 * more ballots the vote needs to count. Never per-option counts (sealed until close).
 */
export function QuorumMeter({ topic: t }: { topic: Topic }) {
  if (t.eligibleCount === null || t.quorumNeeded === null) return null
  const eligible = t.eligibleCount
  const word = voterWord(t)
  const share = eligible > 0 ? Math.min(100, (t.turnout / eligible) * 100) : 0
  const mark = eligible > 0 ? Math.min(100, (t.quorumNeeded / eligible) * 100) : 0
  const missing = Math.max(0, t.quorumNeeded - t.turnout)
  return (
    <View className="card quorum" data-testid="deliberation-quorum">
      <View className="card__title">参与情况</View>
      <View className="quorum__text">
        <View data-testid="deliberation-turnout">
          已投 <View className="quorum__n">{t.turnout}</View> / {eligible} {word}
        </View>
        <View className={missing ? 'muted' : 'quorum__met'} data-testid="deliberation-quorum-state">
          {t.quorum === 0
            ? '不设参与率要求'
            : missing
              ? `还差 ${missing} ${word}达到参与率要求`
              : '已达到参与率要求'}
        </View>
      </View>
      <View
        className="quorum__track"
        role="progressbar"
        aria-label="投票参与率"
        aria-valuemin={0}
        aria-valuemax={eligible}
        aria-valuenow={Math.min(t.turnout, eligible)}
      >
        <View
          className={`quorum__fill${missing ? '' : ' quorum__fill--met'}`}
          style={{ width: `${share}%` }}
        />
        {t.quorum > 0 && <View className="quorum__mark" style={{ left: `${mark}%` }} />}
      </View>
      <View className="muted quorum__rule">
        参与率要求 {t.quorum}%：至少 {t.quorumNeeded} {word}
        投票，结果才有效。各选项票数在投票结束后公布。
      </View>
    </View>
  )
}
