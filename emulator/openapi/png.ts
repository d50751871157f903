import crypto from 'node:crypto'
import zlib from 'node:zlib'

// A small, valid PNG for the fake `wxacode.getUnlimited`: a code-like pattern derived from the
// scene (three finder squares and a hashed module grid), with scene and page in tEXt chunks so
// tools and tests can read back what the "QR code" points to.

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

const MODULES = 29

function modulePattern(seed: string): boolean[][] {
  let bits = Buffer.alloc(0)
  let block = crypto.createHash('sha256').update(seed).digest()
  while (bits.length * 8 < MODULES * MODULES) {
    bits = Buffer.concat([bits, block])
    block = crypto.createHash('sha256').update(block).digest()
  }
  const grid: boolean[][] = []
  for (let y = 0; y < MODULES; y++) {
    grid.push([])
    for (let x = 0; x < MODULES; x++) {
      const i = y * MODULES + x
      grid[y].push(((bits[i >> 3] >> (i & 7)) & 1) === 1)
    }
  }
  const finder = (ox: number, oy: number) => {
    for (let y = -1; y <= 7; y++) {
      for (let x = -1; x <= 7; x++) {
        const gx = ox + x
        const gy = oy + y
        if (gx < 0 || gy < 0 || gx >= MODULES || gy >= MODULES) continue
        const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3))
        grid[gy][gx] = ring !== 2 && ring !== 4
      }
    }
  }
  finder(0, 0)
  finder(MODULES - 7, 0)
  finder(0, MODULES - 7)
  return grid
}

/** A square code-like PNG of about `width` pixels for this scene. */
export function codePng(scene: string, page: string, width: number): Buffer {
  const scale = Math.max(1, Math.floor(width / (MODULES + 8)))
  const size = scale * (MODULES + 8)
  const grid = modulePattern(`${page}?${scene}`)
  const pixels = new Uint8Array(size * size).fill(255)
  for (let y = 0; y < MODULES; y++) {
    for (let x = 0; x < MODULES; x++) {
      if (!grid[y][x]) continue
      for (let dy = 0; dy < scale; dy++) {
        const row = (y + 4) * scale + dy
        pixels.fill(0, row * size + (x + 4) * scale, row * size + (x + 5) * scale)
      }
    }
  }
  return encodeGreyPng(size, size, pixels, { scene, page, Software: 'honglin-emulator' })
}
