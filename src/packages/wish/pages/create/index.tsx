import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SubmitBar } from '@/components/SubmitBar'
import { Screen } from '@/components/Screen'
import { CreateGate, ForResidentCard, FormNotice, LimitNotice } from '@/components/CreateForm'
import { Field, TextInput } from '@/components/Field'
import { OptionList } from '@/components/OptionList'
import { toast } from '@/components/Feedback'
import { WISH_ROUTES } from '../../routes'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { wishApi } from '@/services/wish'
import type { Me, ResidentItem } from '@/contract/user'
import {
  MAX_ACTIVE_WISHES,
  WISH_CATEGORIES,
  WISH_CATEGORY_LABELS,
  WISH_RULES,
  type WishCategory,
} from '@/contract/wish.rules'
import { TextBox } from '@/components/TextBox'
import { askToSubscribe } from '../../subscribe'

// A verified resident posts a wish (it waits for review); a grid worker may file one for a
// resident of their grids who has no smartphone (published at once).

const CATEGORY_HINTS: Record<WishCategory, string> = {
  daily: '买菜、修理、跑腿',
  study: '辅导功课、学用手机',
  health: '陪同就医、取药',
  companionship: '聊天、散步、读报',
  other: '其他小事',
}

const CATEGORY_OPTIONS = WISH_CATEGORIES.map((c) => ({
  id: c,
  label: WISH_CATEGORY_LABELS[c],
  hint: CATEGORY_HINTS[c],
}))

interface WishForm extends Record<string, unknown> {
  title: string
  content: string
  category: WishCategory | null
  /** Only when a grid worker files the wish for a resident (createFor). */
  residentOpenid: string
}

const EMPTY_FORM: WishForm = { title: '', content: '', category: null, residentOpenid: '' }

const { residentOpenid, ...OWN_RULES } = WISH_RULES
/** The picker only offers residents the server listed: for them, what is left is that one was picked. */
const FOR_RESIDENT_RULES = { ...OWN_RULES, residentOpenid }

export default function WishCreate() {
  return (
    <CreateGate
      testId="page-wish-create"
      service="微心愿"
      allowed={(me) => me.can['wish.post'] || me.can['wish.fileFor']}
    >
      {(me) => <CreateFormView me={me} />}
    </CreateGate>
  )
}

function CreateFormView({ me }: { me: Me }) {
  const canFile = me.can['wish.fileFor']
  const [forResident, setForResident] = useState(!me.can['wish.post'])
  const form = useForm(EMPTY_FORM, { rules: forResident ? FOR_RESIDENT_RULES : OWN_RULES })
  const [resident, setResident] = useState<ResidentItem | null>(null)
  const [limit, setLimit] = useState<string | null>(null)
  const intent = useIntent()
  const v = form.values

  const submit = async () => {
    if (intent.busy) return
    if (!form.attempt()) return toast('请按红色提示修改后再提交')
    // WeChat only asks from a tap: before the request. A filed wish's messages go to the resident.
    if (!forResident) await askToSubscribe('create')
    setLimit(null)
    const wish = { title: v.title.trim(), content: v.content.trim(), category: v.category! }
    const result = await intent.run((opts) =>
      forResident
        ? wishApi.createFor({ residentOpenid: v.residentOpenid, ...wish }, opts)
        : wishApi.create(wish, opts)
    )
    if (!result) return
    if (!result.ok) {
      if (result.error.code === 'LIMIT_EXCEEDED') setLimit(result.error.message)
      else form.refuse(result.error)
      return toast(result.error.message)
    }
    toast(result.data.status === 'pending' ? '已提交，等待网格员审核' : '心愿已发布')
    void Taro.redirectTo({ url: WISH_ROUTES.posted(result.data.id) })
  }

  return (
    <Screen testId="page-wish-create">
      <FormNotice>
        {forResident
          ? '代没有智能手机的居民登记心愿，登记后直接发布。心愿算在这位居民名下。'
          : `说出需要邻里帮忙的小事。提交后由网格员审核，通过后社区的志愿者就能看到并认领。每人最多同时有 ${MAX_ACTIVE_WISHES} 个进行中的心愿。`}
      </FormNotice>

      {canFile && (
        <ForResidentCard
          title="代居民填写"
          toggleTestId="wish-for-resident"
          on={forResident}
          locked={!me.can['wish.post']}
          onToggle={(on) => {
            setForResident(on)
            setLimit(null)
          }}
          pickLabel="为哪位居民填写"
          error={form.messageOf('residentOpenid')}
          resident={resident}
          onPick={(picked) => {
            setResident(picked)
            form.set({ residentOpenid: picked.openid })
          }}
        />
      )}

      <View className="card">
        <Field label="心愿标题" name="title" error={form.messageOf('title')}>
          <TextInput
            testId="wish-title"
            value={v.title}
            maxLength={WISH_RULES.title.max.value}
            placeholder="一句话说清楚，如：想请人帮忙换灯泡"
            onChange={(title) => form.set({ title })}
            onBlur={() => form.touch('title')}
          />
        </Field>
        <Field label="心愿内容" name="content" error={form.messageOf('content')}>
          <TextBox
            testId="wish-content"
            tall
            value={v.content}
            maxLength={WISH_RULES.content.max.value}
            placeholder="需要帮什么忙、什么时间方便，写得越清楚越好"
            onChange={(content) => form.set({ content })}
            onBlur={() => form.touch('content')}
          />
        </Field>
        <Field label="心愿类别" name="category" error={form.messageOf('category')}>
          <OptionList
            label="心愿类别"
            testIdPrefix="wish-category-"
            column
            options={CATEGORY_OPTIONS}
            value={v.category}
            onChange={(id) => form.set({ category: id as WishCategory })}
          />
        </Field>
      </View>

      {limit && (
        <LimitNotice
          testId="wish-limit"
          title={`${forResident ? '每位居民' : ''}最多同时有 ${MAX_ACTIVE_WISHES} 个进行中的心愿`}
          message={limit}
          after="心愿点亮、取消或未通过审核后，就可以再发布新的心愿。"
          mine={
            forResident
              ? undefined
              : { label: '查看我的心愿', url: `${WISH_ROUTES.list}?scope=mine` }
          }
        />
      )}
      <SubmitBar
        error={form.formError}
        testId="wish-submit"
        busy={intent.busy}
        text="发布心愿"
        onSubmit={() => void submit()}
      />
    </Screen>
  )
}
