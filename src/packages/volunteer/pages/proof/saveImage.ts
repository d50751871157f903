import Taro from '@tarojs/taro'
import type { ServiceProof } from '@/contract/volunteer'
import { PROOF_SIZE, drawProof, type ProofContext2D } from './drawProof'

// WeChat's way to keep the proof (used by ProofTools.weapp.tsx): draw it on the page's Canvas 2D,
// export a PNG, save it to the album, and open it large so a long press can send it on.

/** What happened to the picture: in the album, refused the album permission, or not saved. */
export type SaveOutcome = 'saved' | 'denied' | 'failed'

const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/** The canvas node of `<Canvas type="2d" id={id}>` on the current page. */
function canvasNode(id: string): Promise<Taro.Canvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res) => {
        const node = res?.[0]?.node as Taro.Canvas | undefined
        if (node) resolve(node)
        else reject(new Error(`canvas #${id} not found`))
      })
  })
}

/** Draws the proof on the canvas `#canvasId` and returns the PNG's temporary path. */
export async function renderProofImage(canvasId: string, proof: ServiceProof): Promise<string> {
  const canvas = await canvasNode(canvasId)
  canvas.width = PROOF_SIZE.width
  canvas.height = PROOF_SIZE.height
  drawProof(canvas.getContext('2d') as unknown as ProofContext2D, proof)
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas,
    destWidth: PROOF_SIZE.width,
    destHeight: PROOF_SIZE.height,
    fileType: 'png',
  })
  return tempFilePath
}

async function toAlbum(filePath: string): Promise<SaveOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (e) {
    // "fail auth deny", "fail:auth denied", "fail authorize no response": the album permission.
    const msg = (e as { errMsg?: string } | null)?.errMsg ?? ''
    return /auth/i.test(msg) ? 'denied' : 'failed'
  }
}

const preview = (path: string) => Taro.previewImage({ urls: [path], current: path })

/** After a refusal: say why, and offer the settings page; back with the permission, save again. */
async function afterDenied(path: string): Promise<SaveOutcome> {
  const { confirm } = await Taro.showModal({
    title: '没有保存到相册',
    content:
      '保存证明图片需要您允许「保存到相册」。可以点「去设置」打开；也可以点「看大图」，长按图片发送给家人或保存。',
    confirmText: '去设置',
    cancelText: '看大图',
  })
  if (confirm) {
    const { authSetting } = await Taro.openSetting()
    if (authSetting[ALBUM_SCOPE] && (await toAlbum(path)) === 'saved') return afterSaved(path)
  }
  await preview(path)
  return 'denied'
}

async function afterSaved(path: string): Promise<SaveOutcome> {
  const { confirm } = await Taro.showModal({
    title: '已保存到手机相册',
    content: '可在相册中找到这张证明。点「看大图」后长按图片，可以发送给家人或单位。',
    confirmText: '看大图',
    cancelText: '好的',
  })
  if (confirm) await preview(path)
  return 'saved'
}

async function afterFailed(path: string): Promise<SaveOutcome> {
  await Taro.showModal({
    title: '没有保存到相册',
    content: '请在接下来的大图上长按，选择「保存图片」或「发送给朋友」。',
    confirmText: '看大图',
    showCancel: false,
  })
  await preview(path)
  return 'failed'
}

/**
 * The 保存证明图片 tap: draws, exports and saves the proof, then tells the user what happened and
 * shows the picture large. Throws only when the picture could not be made at all.
 */
export async function saveProofImage(canvasId: string, proof: ServiceProof): Promise<SaveOutcome> {
  const path = await renderProofImage(canvasId, proof)
  const outcome = await toAlbum(path)
  if (outcome === 'saved') return afterSaved(path)
  if (outcome === 'denied') return afterDenied(path)
  return afterFailed(path)
}
