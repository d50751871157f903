import { useCallback, useRef, useState } from 'react'
import { Image, View } from '@tarojs/components'
import { TAB_STOP } from '@/components/a11y'
import { toast } from '@/components/Feedback'
import { MAX_MATTER_PHOTOS } from '@/contract/matter.rules'
import { pickPhotos, uploadPhoto, type PhotoFile } from '@/services/upload'
import { previewPhotos } from '../Photos'
import './index.scss'

// Photos of a report: picked (album or camera), each compressed and uploaded at once with its
// progress shown, removable, a failed one retried with a tap. The form sends the file IDs.

export interface PhotoSlot {
  key: string
  file: PhotoFile
  /** 0–100 while uploading. */
  progress: number
  fileID: string | null
  error: string | null
}

export interface PhotoUploads {
  slots: PhotoSlot[]
  /** The cloud file IDs of the uploaded photos, in order. */
  fileIDs: string[]
  uploading: boolean
  failed: boolean
  add: () => Promise<void>
  remove: (key: string) => void
  retry: (key: string) => void
}

let seq = 0

/** The photos of one form, uploaded as `openid` as soon as they are picked. */
export function usePhotoUploads(openid: string, max = MAX_MATTER_PHOTOS): PhotoUploads {
  const [slots, setSlots] = useState<PhotoSlot[]>([])
  const count = useRef(0)
  count.current = slots.length
  const patch = (key: string, p: Partial<PhotoSlot>) =>
    setSlots((prev) => prev.map((s) => (s.key === key ? { ...s, ...p } : s)))

  const upload = useCallback(
    async (key: string, file: PhotoFile) => {
      patch(key, { progress: 0, error: null })
      const result = await uploadPhoto(file, {
        openid,
        onProgress: (progress) => patch(key, { progress }),
      })
      if (result.ok) patch(key, { fileID: result.data, progress: 100 })
      else patch(key, { error: result.error.message })
    },
    [openid]
  )

  const add = async () => {
    const room = max - count.current
    if (room <= 0) return toast(`最多上传 ${max} 张照片`)
    const picked = (await pickPhotos(room)).slice(0, room)
    const added = picked.map((file) => ({
      key: `p${++seq}`,
      file,
      progress: 0,
      fileID: null,
      error: null,
    }))
    setSlots((prev) => [...prev, ...added].slice(0, max))
    for (const s of added) void upload(s.key, s.file)
  }

  const done = slots.flatMap((s) => (s.fileID ? [s.fileID] : []))
  return {
    slots,
    fileIDs: done,
    uploading: slots.some((s) => !s.fileID && !s.error),
    failed: slots.some((s) => !!s.error),
    add,
    remove: (key) => setSlots((prev) => prev.filter((s) => s.key !== key)),
    retry: (key) => {
      const slot = slots.find((s) => s.key === key)
      if (slot) void upload(key, slot.file)
    },
  }
}

/** The previews with their progress and removal, and the tile that adds more. */
export function PhotoPicker({ uploads, testId }: { uploads: PhotoUploads; testId: string }) {
  const { slots } = uploads
  const local = slots.map((s) => s.file.path)
  return (
    <View className="photo-picker" data-testid={testId}>
      {slots.map((s, i) => (
        <View key={s.key} className="photo-picker__item" data-testid={`${testId}-item-${i}`}>
          <View
            className="photo-picker__preview"
            role="button"
            {...TAB_STOP}
            aria-label={`查看第 ${i + 1} 张照片`}
            onClick={() => (s.error ? uploads.retry(s.key) : previewPhotos(local, s.file.path))}
          >
            <Image
              className="photo-picker__img"
              src={s.file.path}
              mode="aspectFill"
              nativeProps={{ alt: `第 ${i + 1} 张照片` }}
            />
            {!s.fileID && (
              <View
                className={`photo-picker__state${s.error ? ' photo-picker__state--bad' : ''}`}
                role="status"
                data-testid={`${testId}-state-${i}`}
              >
                {s.error ? '上传失败 点此重试' : `上传中 ${s.progress}%`}
              </View>
            )}
          </View>
          <View
            className="photo-picker__remove"
            role="button"
            {...TAB_STOP}
            aria-label={`删除第 ${i + 1} 张照片`}
            data-testid={`${testId}-remove-${i}`}
            onClick={() => uploads.remove(s.key)}
          >
            删除
          </View>
        </View>
      ))}
      {slots.some((s) => s.error) && (
        <View className="photo-picker__errors" role="alert" data-testid={`${testId}-errors`}>
          {slots.map((s, i) =>
            s.error ? <View key={s.key}>{`第 ${i + 1} 张：${s.error}`}</View> : null
          )}
        </View>
      )}
      {slots.length < MAX_MATTER_PHOTOS && (
        <View
          className="photo-picker__add"
          role="button"
          {...TAB_STOP}
          data-testid={`${testId}-add`}
          onClick={() => void uploads.add()}
        >
          <View className="photo-picker__plus" aria-hidden>
            +
          </View>
          <View>添加照片</View>
          <View className="muted">
            {slots.length}/{MAX_MATTER_PHOTOS}
          </View>
        </View>
      )}
    </View>
  )
}
