import type { IncomingHttpHeaders } from 'node:http'
import busboy from 'busboy'
import type { FunctionInfo } from '../functions/registry'
import { FAKES, type FakeContext, type Params } from './fakes'
import { decodeCommApiData, encodeCommOpenApiResp, type ApiPair } from './proto'

export { Outbox, type OutboxMessage } from './outbox'

// `cloud.openapi.*` on the wire: wx-server-sdk posts multipart/form-data to /admin with
// action=wx.openApi, apiName, and requestData = protobuf CommApiData whose pairs hold the
// JSON-encoded params. The answer is a protobuf CommOpenApiResp: the API's JSON (or binary) in
// respData, or a WeChat system error code in errorCode (which the SDK throws as errCode).

/** No permission: the API is not in the function's config.json, or not one the emulator fakes. */
export const NO_PERMISSION = -604101

export function isMultipart(headers: IncomingHttpHeaders): boolean {
  return /^multipart\/form-data/i.test(headers['content-type'] ?? '')
}

/** Parses a multipart body into raw bytes per field (busboy decodes latin1: one char per byte). */
export function parseMultipart(
  headers: IncomingHttpHeaders,
  body: Buffer
): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, Buffer>()
    const bb = busboy({
      headers,
      defCharset: 'latin1',
      defParamCharset: 'latin1',
      limits: { fieldSize: 10 * 1024 * 1024, fileSize: 10 * 1024 * 1024 },
    })
    bb.on('field', (name, value) => fields.set(name, Buffer.from(value, 'latin1')))
    bb.on('file', (name, stream) => {
      const parts: Buffer[] = []
      stream.on('data', (d: Buffer) => parts.push(d))
      stream.on('end', () => fields.set(name, Buffer.concat(parts)))
    })
    bb.on('error', reject)
    bb.on('close', () => resolve(fields))
    bb.end(body)
  })
}

function pairsToParams(pairs: ApiPair[]): Params {
  const params: Params = {}
  for (const pair of pairs) {
    if (pair.contentType || pair.filename) {
      // media upload (e.g. imgSecCheck): the SDK sends the bytes as they are, named `media.<ext>`
      // (wx-server-sdk 4.0.2 sets `contentType` where its protobuf expects `contenttype`, so only
      // the file name marks a media pair on the wire)
      params[pair.key] = {
        contentType: pair.contentType,
        value: pair.value,
        filename: pair.filename,
      }
      continue
    }
    const text = pair.value.toString('utf8')
    try {
      params[pair.key] = JSON.parse(text)
    } catch {
      params[pair.key] = text
    }
  }
  return params
}

export interface OpenApiCallInfo {
  apiName: string
  params: Params
  /** 0 when answered; otherwise the system error code */
  errorCode: number
  errcode?: number
}

export interface OpenApiRequest {
  fields: Map<string, Buffer>
  /** the function that called, from the /admin/<tag> path; undefined for untagged callers */
  fn?: FunctionInfo
  ctx: FakeContext
  warn: (line: string) => void
}

/** Answers one `wx.openApi` request with the protobuf body the SDK expects. */
export function handleWxOpenApi(req: OpenApiRequest): { body: Buffer; call: OpenApiCallInfo } {
  const apiName = req.fields.get('apiName')?.toString('utf8') ?? ''
  const requestData = req.fields.get('requestData') ?? Buffer.alloc(0)
  const params = pairsToParams(decodeCommApiData(requestData).pairs)
  const fail = (errorCode: number, why: string) => {
    req.warn(
      `[openapi] ${apiName} from ${req.fn?.name ?? 'an untagged caller'} failed with ${errorCode}: ${why}`
    )
    return { body: encodeCommOpenApiResp({ errorCode }), call: { apiName, params, errorCode } }
  }
  if (req.fn && !req.fn.config.openapi.includes(apiName)) {
    return fail(NO_PERMISSION, `not declared in ${req.fn.name}/config.json permissions.openapi`)
  }
  const fake = FAKES[apiName]
  if (!fake) return fail(NO_PERMISSION, 'the emulator does not provide this API')
  const answer = fake(params, { ...req.ctx, fn: req.fn?.name })
  if ('binary' in answer) {
    return {
      body: encodeCommOpenApiResp({ respData: answer.binary, contentType: answer.contentType }),
      call: { apiName, params, errorCode: 0, errcode: 0 },
    }
  }
  return {
    body: encodeCommOpenApiResp({
      respData: Buffer.from(JSON.stringify(answer.json)),
      contentType: 'application/json',
    }),
    call: { apiName, params, errorCode: 0, errcode: Number(answer.json.errcode ?? 0) },
  }
}
