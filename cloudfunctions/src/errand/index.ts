import { createFunction } from '../lib/router'
import { types } from './types'
import { book } from './book'
import { help } from './help'
import { bookFor } from './bookFor'
import { list } from './list'
import { get } from './get'
import { accept } from './accept'
import { release } from './release'
import { complete } from './complete'
import { confirm } from './confirm'
import { cancel } from './cancel'
import { sweep } from './sweep'

export const main = createFunction(
  'errand',
  { types, book, help, bookFor, list, get, accept, release, complete, confirm, cancel },
  { errand: sweep }
)
