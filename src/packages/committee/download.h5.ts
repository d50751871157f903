import type { ExportResult } from '@/contract/committee'

/** H5: the browser downloads the file from its temporary URL (the link names it). */
export async function download(file: ExportResult): Promise<void> {
  const a = document.createElement('a')
  a.href = file.url
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}
