import { createFunction } from '../lib/router'
import { moderationQueue } from './moderationQueue'
import { dashboard } from './dashboard'
import { exportLedger } from './export'
import { sweep } from './sweep'

export const main = createFunction(
  'committee',
  { moderationQueue, dashboard, export: exportLedger },
  { committee: sweep }
)
