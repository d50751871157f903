import protobuf from 'protobufjs'

// The protobuf messages of `wx.openApi` (layouts as captured from the real service,
// checked against wx-server-sdk 4.0.2's generated openapi.js). Only the fields the emulator
// reads or writes are declared; protobuf skips the rest.
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
})

const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

export interface ApiPair {
  key: string
  value: Buffer
  contentType?: string
  filename?: string
}

export interface DecodedApiData {
  apiType: number
  appid: string
  pairs: ApiPair[]
}

export function decodeCommApiData(bytes: Uint8Array): DecodedApiData {
  const msg = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true }) as {
    apiType: number
    appid: string
    openapiData?: {
      pairs?: { key: string; value: Uint8Array; contenttype?: string; filename?: string }[]
    }
  }
  return {
    apiType: msg.apiType,
    appid: msg.appid,
    pairs: (msg.openapiData?.pairs ?? []).map((p) => ({
      key: p.key,
      value: Buffer.from(p.value ?? []),
      ...(p.contenttype ? { contentType: p.contenttype } : {}),
      ...(p.filename ? { filename: p.filename } : {}),
    })),
  }
}

export interface OpenApiResponse {
  respData?: Buffer
  contentType?: string
  /** a WeChat system error such as -604101 (no permission); the SDK throws it as errCode */
  errorCode?: number
}

export function encodeCommOpenApiResp(resp: OpenApiResponse): Buffer {
  const message = CommOpenApiResp.fromObject({
    respData: resp.respData ?? Buffer.alloc(0),
    contentType: resp.contentType ?? '',
    errorCode: resp.errorCode ?? 0,
    httpCode: 200,
    headers: [],
    svrkitErrorCode: 0,
  })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}

/** For tests: what the SDK sends. */
export function encodeCommApiData(data: {
  appid?: string
  pairs: { key: string; value: Buffer }[]
}): Buffer {
  const message = CommApiData.fromObject({
    apiType: 0,
    openapiData: { pairs: data.pairs },
    appid: data.appid ?? '',
  })
  return Buffer.from(CommApiData.encode(message).finish())
}

/** For tests and tools: what the SDK reads back. */
export function decodeCommOpenApiResp(bytes: Uint8Array): Required<OpenApiResponse> {
  const msg = CommOpenApiResp.toObject(CommOpenApiResp.decode(bytes), { defaults: true }) as {
    respData: Uint8Array
    contentType: string
    errorCode: number
  }
  return {
    respData: Buffer.from(msg.respData),
    contentType: msg.contentType,
    errorCode: msg.errorCode,
  }
}
