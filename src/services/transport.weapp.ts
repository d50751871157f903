import Taro from '@tarojs/taro'
import type { Request } from '@/contract/errors'

// weapp build: WeChat cloud functions. Identity travels with the call (OPENID), never in data.

const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV

let initialised = false

/** Initialises `Taro.cloud` once (the calls here and the photo uploads of upload.weapp.ts). */
export function initCloud() {
  if (initialised) return
  // No env id: the mini-program's default CloudBase environment.
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
  initialised = true
}

/** Sends one request to a cloud function; rejects when the call itself fails. */
export async function send(fn: string, request: Request): Promise<unknown> {
  initCloud()
  const res = await Taro.cloud.callFunction({ name: fn, data: request })
  return res.result
}
