import type { Topic, TopicActionKey, TopicComment, TopicResult } from '@/contract/deliberation'

export const NO_CAN: Record<TopicActionKey, boolean> = {
  comment: false,
  openVoting: false,
  vote: false,
  recordInPerson: false,
  close: false,
  result: false,
  followUp: false,
  addUpdate: false,
  moderate: false,
}

export const can = (...keys: TopicActionKey[]) => ({
  ...NO_CAN,
  ...Object.fromEntries(keys.map((k) => [k, true])),
})

/** A household topic of grid g1 in voting, as a resident on the roll who has not voted sees it. */
export function topicOf(patch: Partial<Topic> = {}): Topic {
  return {
    id: 't1',
    title: '2号楼是否加装电梯',
    background: '2号楼老人多，上下楼不便。加装电梯需要一楼住户同意，费用按楼层分摊。',
    scope: { type: 'grid', id: 'g1', name: '第一网格' },
    options: ['同意加装', '不同意', '再议'],
    phase: 'voting',
    discussionEndsAt: '2026-11-20T02:00:00.000Z',
    votingEndsAt: '2026-11-30T02:00:00.000Z',
    unit: 'household',
    quorum: 50,
    eligibleCount: 10,
    turnout: 3,
    quorumNeeded: 5,
    myVote: { voted: false, byHousehold: false, householdVoter: null, eligible: true },
    outcome: null,
    matterId: null,
    previousId: null,
    nextId: null,
    commentCount: 0,
    createdBy: '社区两委',
    updates: [],
    createdAt: '2026-11-18T02:00:00.000Z',
    votingOpenedAt: '2026-11-20T02:00:00.000Z',
    closedAt: null,
    timeline: [{ at: '2026-11-18T02:00:00.000Z', type: 'created', text: '社区两委发起议题' }],
    can: can('comment', 'vote'),
    ...patch,
  }
}

export function commentOf(patch: Partial<TopicComment> = {}): TopicComment {
  return {
    id: 'c1',
    topicId: 't1',
    author: '老李',
    content: '我家在六楼，非常需要电梯。',
    hidden: false,
    hiddenReason: null,
    awaitingReview: false,
    reportCount: null,
    mine: false,
    myReport: false,
    createdAt: '2026-11-19T02:00:00.000Z',
    can: { report: true, hide: false, restore: false },
    ...patch,
  }
}

export function resultOf(patch: Partial<TopicResult> = {}): TopicResult {
  return {
    counts: [6, 2, 0],
    turnout: 8,
    eligibleCount: 10,
    quorumMet: true,
    outcome: 'decided',
    winner: 0,
    byOrigin: { online: 7, meeting: 1 },
    tallyHash: 'a'.repeat(64),
    ...patch,
  }
}

export const page = <T>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor })
