import { randomInt } from 'node:crypto'
import { db } from '../lib/cloud'
import { newId, sealedBallots, topics, votes, type BallotDoc, type TopicDoc } from './store'

// Mixing the ballot box once a topic is closed. A vote writes its roll entry and its ballot in one
// insert, so until then the box holds each ballot right after its roll entry, in the order people
// voted. Once the tally is sealed the timer writes every ballot of the topic again into
// `deliberationBallots`, apart from the roll, in a random order and under new random ids, and
// removes them from the box: from then on neither the store nor the order of storage pairs a voter
// with a ballot. Each box is claimed once (overlapping timer runs mix it once); copies are written
// before originals are removed, so a crash leaves a receipt twice or still in the box (verifiable
// either way; the sealed tally does not change), never lost.

const CHUNK = 500

/** Fisher-Yates with a cryptographic source: no order of the voters survives. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

const chunks = <T>(xs: T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_x, i) =>
    xs.slice(i * CHUNK, (i + 1) * CHUNK)
  )

/** Rewrites one closed topic's ballots in random order; how many. */
export async function mixBox(t: Pick<TopicDoc, '_id'>): Promise<number> {
  const _ = db().command
  // Claimed first, so timer runs that overlap mix a box once.
  const claimed = await topics()
    .where({ _id: t._id, mixed: false })
    .update({ data: { mixed: true } })
  if (claimed.stats.updated !== 1) return 0
  const { list } = await votes()
    .aggregate()
    .match({ topicId: t._id, kind: 'ballot' })
    .group({
      _id: null,
      b: { $push: { id: '$_id', o: '$optionIndex', r: '$receipt', g: '$origin' } },
    })
    .end()
  const old = (list[0]?.b ?? []) as { id: string; o: number; r: string; g: BallotDoc['origin'] }[]
  const copies: BallotDoc[] = shuffled(old).map((b) => ({
    _id: newId(),
    kind: 'ballot',
    topicId: t._id,
    optionIndex: b.o,
    receipt: b.r,
    origin: b.g,
  }))
  for (const part of chunks(copies)) {
    await sealedBallots().add({ data: part.map((c) => ({ ...c })) })
  }
  for (const part of chunks(old.map((b) => b.id))) {
    await votes()
      .where({ _id: _.in(part) })
      .remove()
  }
  return old.length
}

/** The closed topics whose box is not mixed yet, a few per run. */
export async function mixClosed(): Promise<number> {
  const { data } = await topics().where({ mixed: false, phase: 'closed' }).limit(10).get()
  let n = 0
  for (const t of data) n += await mixBox(t)
  return n
}
