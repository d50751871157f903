import zlib from 'node:zlib'
// The QR encoder miniprogram-ci itself uses (Kazuhiko Arase's, vendored in qrcode-terminal).
import QRCode from 'qrcode-terminal/vendor/QRCode'
import QRErrorCorrectLevel from 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel'

// A small, valid PNG for the fake `wxacode.getUnlimited`: a real QR code of the scene (WeChat's
// 小程序码 is a round code no library reads; a QR code holding the same scene is what lets tests
// and the local UI check what it points to), with scene and page in tEXt chunks as well.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Encodes an 8-bit greyscale image (one byte per pixel, rows top to bottom). */
export function encodeGreyPng(
  width: number,
  height: number,
  pixels: Uint8Array,
  text: Record<string, string> = {}
): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // colour type: greyscale
  const raw = Buffer.alloc((width + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0 // filter: none
    raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1)
  }
  const texts = Object.entries(text).map(([k, v]) =>
    // tEXt is latin1; UTF-8 bytes survive as opaque bytes, which is enough to read them back
    chunk(
      'tEXt',
      Buffer.concat([Buffer.from(k, 'latin1'), Buffer.from([0]), Buffer.from(v, 'utf8')])
    )
  )
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    ...texts,
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Reads the tEXt chunks of a PNG (for tests and the local UI). */
export function readPngText(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  let at = PNG_SIGNATURE.length
  while (at + 8 <= png.length) {
    const len = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + len)
      const zero = data.indexOf(0)
      out[data.toString('latin1', 0, zero)] = data.subarray(zero + 1).toString('utf8')
    }
    at += 12 + len
  }
  return out
}

/** The modules of a real QR code (byte mode, level M) holding `text`, dark = true. */
function qrModules(text: string): boolean[][] {
  const qr = new QRCode(-1, QRErrorCorrectLevel.M)
  qr.addData(text)
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_r, y) => Array.from({ length: n }, (_c, x) => qr.isDark(y, x)))
}

/**
 * A square PNG of about `width` pixels: a real QR code of the scene (what the mini-program gets
 * as `options.scene` when it is scanned), so a test or a phone can read it back; scene and page
 * are also in tEXt chunks.
 */
export function codePng(scene: string, page: string, width: number): Buffer {
  const grid = qrModules(scene)
  const modules = grid.length
  const quiet = 4
  const scale = Math.max(1, Math.floor(width / (modules + 2 * quiet)))
  const size = scale * (modules + 2 * quiet)
  const pixels = new Uint8Array(size * size).fill(255)
  for (let y = 0; y < modules; y++) {
    for (let x = 0; x < modules; x++) {
      if (!grid[y][x]) continue
      for (let dy = 0; dy < scale; dy++) {
        const row = (y + quiet) * scale + dy
        pixels.fill(0, row * size + (x + quiet) * scale, row * size + (x + quiet + 1) * scale)
      }
    }
  }
  return encodeGreyPng(size, size, pixels, { scene, page, Software: 'honglin-emulator' })
}
