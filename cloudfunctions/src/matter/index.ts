import { createFunction } from '../lib/router'
import { report } from './report'
import { list } from './list'
import { get } from './get'
import { second } from './second'
import { accept } from './accept'
import { reply } from './reply'
import { resolve } from './resolve'
import { escalate } from './escalate'
import { toDeliberation } from './toDeliberation'
import { rate } from './rate'
import { reopen } from './reopen'
import { withdraw } from './withdraw'
import { sweep } from './sweep'

export const main = createFunction(
  'matter',
  {
    report,
    list,
    get,
    second,
    accept,
    reply,
    resolve,
    escalate,
    toDeliberation,
    rate,
    reopen,
    withdraw,
  },
  { matter: sweep }
)
