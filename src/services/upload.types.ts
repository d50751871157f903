// What the photo upload of either platform (upload.ts for H5, upload.weapp.ts) takes.

/** A photo the person picked: a local path (a blob: URL in H5), and its file name if known. */
export interface PhotoFile {
  path: string
  name?: string
}

export interface UploadOptions {
  /** The uploader (weapp writes under their folder, see src/contract/files.ts). */
  openid: string
  /** 0–100 as the bytes go out. */
  onProgress?: (percent: number) => void
}
