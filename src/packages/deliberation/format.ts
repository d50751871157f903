import { formatTime } from '@/components/TimeText'
import type { Topic } from '@/contract/deliberation'

// How a topic's times and parts read, the same on every screen.

/** 11月27日 周五 09:00 */
export const whenText = (iso: string): string => formatTime(iso, 'M月D日 ddd HH:mm')

/** What the topic waits for: 讨论截止 …, 投票截止 …, or when it ended. */
export function deadlineText(
  t: Pick<Topic, 'phase' | 'discussionEndsAt' | 'votingEndsAt' | 'closedAt'>
): string {
  if (t.phase === 'discussion') return `讨论截止 ${whenText(t.discussionEndsAt)}`
  if (t.phase === 'voting') return `投票截止 ${whenText(t.votingEndsAt)}`
  return t.closedAt ? `${whenText(t.closedAt)} 结束` : '已结束'
}

/** 每户 or 每人: what one ballot stands for, in counts (人 / 户). */
export const voterWord = (t: Pick<Topic, 'unit'>): string => (t.unit === 'household' ? '户' : '人')

/** 网格议题 · 第一网格 / 社区议题 · 幸福里社区 */
export const scopeText = (t: Pick<Topic, 'scope'>): string =>
  `${t.scope.type === 'grid' ? '网格议题' : '社区议题'} · ${t.scope.name}`
