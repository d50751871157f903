// Types for the QR encoder vendored in qrcode-terminal (a dependency of miniprogram-ci).
declare module 'qrcode-terminal/vendor/QRCode' {
  export default class QRCode {
    constructor(typeNumber: number, errorCorrectLevel: number)
    addData(data: string): void
    make(): void
    getModuleCount(): number
    isDark(row: number, col: number): boolean
  }
}
declare module 'qrcode-terminal/vendor/QRCode/QRErrorCorrectLevel' {
  const levels: { L: number; M: number; Q: number; H: number }
  export default levels
}
declare module 'qrcode-reader' {
  export default class QrCodeReader {
    callback: (err: unknown, value?: { result: string }) => void
    decode(image: { width: number; height: number; data: Uint8Array | Buffer }): void
  }
}
declare module 'pngjs' {
  export const PNG: {
    sync: { read(data: Buffer): { width: number; height: number; data: Buffer } }
  }
}
