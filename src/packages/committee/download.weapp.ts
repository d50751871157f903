import Taro from '@tarojs/taro'
import type { ExportResult } from '@/contract/committee'

/** weapp: download to a temporary file and open it in WeChat's document viewer (to forward or save). */
export async function download(file: ExportResult): Promise<void> {
  const res = await Taro.downloadFile({ url: file.url })
  if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
}
