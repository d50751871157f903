import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ChoiceTiles } from '@/components/ChoiceTiles'
import { CreateGate, FormNotice, LimitNotice } from '@/components/CreateForm'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { Screen } from '@/components/Screen'
import { SubmitBar } from '@/components/SubmitBar'
import { TextBox } from '@/components/TextBox'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { matterApi } from '@/services/matter'
import type { Me } from '@/contract/user'
import {
  MATTER_CATEGORIES,
  MATTER_CATEGORY_HINTS,
  MATTER_CATEGORY_LABELS,
  MATTER_ESCALATE_HOURS,
  MATTER_REPORT_CROSS,
  MATTER_RULES,
  MAX_MATTER_PHOTOS,
  MAX_REPORTS_PER_DAY,
  type MatterCategory,
} from '@/contract/matter.rules'
import { MATTER_ROUTES } from '../../routes'
import { MatterCategoryIcon } from '../../components/MatterTags'
import { PhotoPicker, usePhotoUploads } from '../../components/PhotoPicker'
import { askToSubscribe } from '../../subscribe'
import './index.scss'

// A verified resident raises a matter (我要说): what kind, what is wrong, up to three photos and
// where. Every check is the contract's rule data, shown next to its field; the photos are
// uploaded as they are picked, and the server checks them again (its own uploads, safe images).

interface ReportForm extends Record<string, unknown> {
  category: MatterCategory | null
  content: string
  place: string
  photos: string[]
}

const { photo: _photo, ...RULES } = MATTER_RULES

const CATEGORY_CHOICES = MATTER_CATEGORIES.map((c) => ({
  id: c,
  label: MATTER_CATEGORY_LABELS[c],
  hint: MATTER_CATEGORY_HINTS[c],
  icon: <MatterCategoryIcon category={c} />,
}))

export default function MatterReport() {
  return (
    <CreateGate
      testId="page-matter-report"
      service="居民说事"
      allowed={(me) => me.can['matter.report']}
    >
      {(me) => <ReportFormView me={me} />}
    </CreateGate>
  )
}

function ReportFormView({ me }: { me: Me }) {
  const [limit, setLimit] = useState<string | null>(null)
  const intent = useIntent()
  const uploads = usePhotoUploads(me.openid)
  const form = useForm<ReportForm>(
    { category: null, content: '', place: '', photos: [] },
    { rules: RULES, cross: MATTER_REPORT_CROSS }
  )
  const v = form.values
  const ids = uploads.fileIDs.join('\n')
  useEffect(() => {
    form.set({ photos: ids ? ids.split('\n') : [] })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids])

  // The photos are checked before the form, so the hint says what the tap is waiting for.
  const photoHint = uploads.uploading
    ? '照片还在上传，请稍候'
    : uploads.failed
      ? '有照片上传失败，请点照片重试或删除'
      : null

  const send = async () => {
    // WeChat only asks from a tap: before the request.
    await askToSubscribe('report')
    setLimit(null)
    const result = await intent.run((opts) =>
      matterApi.report(
        {
          category: v.category!,
          content: v.content.trim(),
          ...(v.photos.length ? { photos: v.photos } : {}),
          ...(v.place.trim() ? { place: v.place.trim() } : {}),
        },
        opts
      )
    )
    if (!result) return
    if (!result.ok) {
      if (result.error.code === 'LIMIT_EXCEEDED') setLimit(result.error.message)
      else form.refuse(result.error)
      return toast(result.error.message)
    }
    toast('已反映，等待网格员受理')
    void Taro.redirectTo({ url: MATTER_ROUTES.reported(result.data.id) })
  }

  return (
    <Screen testId="page-matter-report">
      <FormNotice>
        身边的烦心事说给网格员：小事一格解决，大事上报社区。{MATTER_ESCALATE_HOURS}{' '}
        小时内网格没人受理，会自动上报社区。每人每天最多反映 {MAX_REPORTS_PER_DAY} 件事。
      </FormNotice>

      <View className="card">
        <Field label="是哪方面的事" name="category" error={form.messageOf('category')}>
          <ChoiceTiles
            label="问题类别"
            twoColumns
            testId="matter-category"
            choices={CATEGORY_CHOICES}
            value={v.category}
            onPick={(category) => form.set({ category })}
          />
        </Field>
      </View>

      <View className="card">
        <Field label="遇到了什么问题" name="content" error={form.messageOf('content')}>
          <TextBox
            testId="matter-content"
            tall
            value={v.content}
            maxLength={MATTER_RULES.content.max.value}
            placeholder="说清楚是什么事、从什么时候开始、影响了谁，如：3号楼东侧路灯坏了一个星期，晚上很黑"
            onChange={(content) => form.set({ content })}
            onBlur={() => form.touch('content')}
          />
        </Field>
        <Field
          label={`照片（选填，最多 ${MAX_MATTER_PHOTOS} 张）`}
          name="photos"
          error={form.messageOf('photos')}
          hint="拍下现场，网格员更快弄清情况。点照片可以放大查看。"
        >
          <PhotoPicker uploads={uploads} testId="matter-photos" />
        </Field>
        <Field label="位置（选填）" name="place" error={form.messageOf('place')}>
          <TextInput
            testId="matter-place"
            value={v.place}
            maxLength={MATTER_RULES.place.max.value}
            placeholder="如：3号楼东侧、小区北门"
            onChange={(place) => form.set({ place })}
            onBlur={() => form.touch('place')}
          />
        </Field>
      </View>

      {limit && (
        <LimitNotice
          testId="matter-limit"
          title={`每人每天最多反映 ${MAX_REPORTS_PER_DAY} 件事`}
          message={limit}
          after="明天就可以再反映。"
          mine={{ label: '查看我反映的', url: MATTER_ROUTES.mine }}
        />
      )}
      <SubmitBar
        error={form.formError}
        testId="matter-submit"
        busy={intent.busy}
        text="提交"
        check={() => !photoHint && form.attempt()}
        fixHint={photoHint ?? undefined}
        confirm={{
          title: '确认提交',
          okText: '确认提交',
          body: (
            <View data-testid="matter-report-confirm">
              <View>反映「{v.category ? MATTER_CATEGORY_LABELS[v.category] : ''}」</View>
              {v.place.trim() && <View>位置：{v.place.trim()}</View>}
              <View>{v.photos.length ? `附 ${v.photos.length} 张照片` : '没有照片'}</View>
              <View className="muted matter-report__confirm-content">{v.content.trim()}</View>
              <View className="muted">
                提交后，本网格的居民可以在说事板上看到（不显示您的全名和门牌）。
              </View>
            </View>
          ),
        }}
        onSubmit={send}
      />
    </Screen>
  )
}
