import { useMemo, useState } from 'react'
import { ScrollView, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TAB_STOP } from '@/components/a11y'
import { ChoiceTiles } from '@/components/ChoiceTiles'
import { CreateGate, ForResidentCard, FormNotice, LimitNotice } from '@/components/CreateForm'
import { Field, TextInput } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { Screen } from '@/components/Screen'
import { SubmitBar } from '@/components/SubmitBar'
import { TextBox } from '@/components/TextBox'
import { useForm } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import { errandApi } from '@/services/errand'
import type { Me, ResidentItem } from '@/contract/user'
import {
  ERRAND_BOOK_CROSS,
  ERRAND_RULES,
  ERRAND_SLOTS,
  ERRAND_SLOT_HOURS,
  ERRAND_SLOT_LABELS,
  ERRAND_TYPES,
  ERRAND_TYPE_HINTS,
  ERRAND_TYPE_LABELS,
  MAX_OPEN_ERRANDS,
  type ErrandBookType,
  type ErrandSlot,
} from '@/contract/errand.rules'
import { ERRAND_ROUTES } from '../../routes'
import { ErrandTypeIcon } from '../../components/ErrandTags'
import { bookableDays, dayName, monthDay, slotOver, whenText } from '../../dates'
import { askToSubscribe } from '../../subscribe'
import './index.scss'

// A verified resident books an errand (点单): what, which day of the next 15, which slot, the
// details and another contact if they like. A grid worker (or the committee) may book for a
// resident without a smartphone. Every check is the contract's rule data, shown next to its field.

interface BookForm extends Record<string, unknown> {
  type: ErrandBookType | null
  date: string
  slot: ErrandSlot | null
  detail: string
  phone: string
  /** Only when staff book for a resident (bookFor). */
  residentOpenid: string
}

const { residentOpenid, phone, ...BASE_RULES } = ERRAND_RULES

const TYPE_CHOICES = ERRAND_TYPES.map((t) => ({
  id: t,
  label: ERRAND_TYPE_LABELS[t],
  hint: ERRAND_TYPE_HINTS[t],
  icon: <ErrandTypeIcon type={t} />,
}))

export default function ErrandBook() {
  return (
    <CreateGate
      testId="page-errand-book"
      service="红色代办"
      allowed={(me) => me.can['errand.book'] || me.can['errand.bookFor']}
    >
      {(me) => <BookFormView me={me} />}
    </CreateGate>
  )
}

function BookFormView({ me }: { me: Me }) {
  // The phone's clock: the server checks the same rules again by its own.
  const now = useMemo(() => Date.now(), [])
  const days = useMemo(() => bookableDays(now), [now])
  const firstOpen = ERRAND_SLOTS.some((s) => !slotOver(days[0], s, now)) ? days[0] : days[1]
  const canFor = me.can['errand.bookFor']
  const [forResident, setForResident] = useState(!me.can['errand.book'])
  const [resident, setResident] = useState<ResidentItem | null>(null)
  const [limit, setLimit] = useState<string | null>(null)
  const intent = useIntent()
  // The other contact is optional: its rule applies once something is typed.
  const [phoneGiven, setPhoneGiven] = useState(false)
  const form = useForm<BookForm>(
    { type: null, date: firstOpen, slot: null, detail: '', phone: '', residentOpenid: '' },
    {
      rules: {
        ...BASE_RULES,
        ...(phoneGiven ? { phone } : {}),
        ...(forResident ? { residentOpenid } : {}),
      },
      cross: ERRAND_BOOK_CROSS,
    }
  )
  const v = form.values
  const setPhone = (text: string) => {
    setPhoneGiven(!!text.trim())
    form.set({ phone: text })
  }

  const send = async () => {
    // WeChat only asks from a tap: before the request. A booking for a resident tells them.
    if (!forResident) await askToSubscribe('book')
    setLimit(null)
    const booking = {
      type: v.type!,
      date: v.date,
      slot: v.slot!,
      detail: v.detail.trim(),
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
    }
    const result = await intent.run((opts) =>
      forResident
        ? errandApi.bookFor({ residentOpenid: v.residentOpenid, ...booking }, opts)
        : errandApi.book(booking, opts)
    )
    if (!result) return
    if (!result.ok) {
      if (result.error.code === 'LIMIT_EXCEEDED') setLimit(result.error.message)
      else form.refuse(result.error)
      return toast(result.error.message)
    }
    toast(forResident ? '已代居民预约' : '预约成功，等待红色代办员接单')
    void Taro.redirectTo({ url: ERRAND_ROUTES.booked(result.data.id) })
  }

  return (
    <Screen testId="page-errand-book">
      <FormNotice>
        {forResident
          ? '为没有智能手机的居民预约代办，代办算在这位居民名下，接单后代办员会联系居民。'
          : `党员红色代办员帮您跑腿：先在本网格派单，4 小时无人接单就升级到社区。每人最多同时有 ${MAX_OPEN_ERRANDS} 件进行中的代办。`}
      </FormNotice>

      {canFor && (
        <ForResidentCard
          title="代居民预约"
          toggleTestId="errand-for-resident"
          on={forResident}
          locked={!me.can['errand.book']}
          onToggle={(on) => {
            setForResident(on)
            setLimit(null)
          }}
          pickLabel="为哪位居民预约"
          error={form.messageOf('residentOpenid')}
          allowed="bookFor"
          pickerTestIdPrefix="errand-resident"
          resident={resident}
          onPick={(picked) => {
            setResident(picked)
            form.set({ residentOpenid: picked.openid })
          }}
        />
      )}

      <View className="card">
        <Field label="要办什么事" name="type" error={form.messageOf('type')}>
          <ChoiceTiles
            label="代办类型"
            testId="errand-type"
            choices={TYPE_CHOICES}
            value={v.type}
            onPick={(type) => form.set({ type })}
          />
        </Field>
      </View>

      <View className="card">
        <Field label="哪一天" name="date" error={form.messageOf('date')}>
          <ScrollView scrollX className="errand-book__days">
            <View className="errand-book__days-row" role="radiogroup" aria-label="日期">
              {days.map((d) => (
                <View
                  key={d}
                  className={`errand-book__day${v.date === d ? ' errand-book__day--on' : ''}`}
                  role="radio"
                  {...TAB_STOP}
                  aria-checked={v.date === d}
                  data-testid={`errand-date-${d}`}
                  onClick={() => form.set({ date: d })}
                >
                  <View className="errand-book__day-name">{dayName(d, now)}</View>
                  <View>{monthDay(d)}</View>
                </View>
              ))}
            </View>
          </ScrollView>
        </Field>
        <Field label="什么时段" name="slot" error={form.messageOf('slot')}>
          <View className="errand-book__slots" role="radiogroup" aria-label="时段">
            {ERRAND_SLOTS.map((s) => {
              const over = slotOver(v.date, s, now)
              const cls = [
                'errand-book__slot',
                v.slot === s ? 'errand-book__slot--on' : '',
                over ? 'errand-book__slot--over' : '',
              ]
              return (
                <View
                  key={s}
                  className={cls.filter(Boolean).join(' ')}
                  role="radio"
                  {...TAB_STOP}
                  aria-checked={v.slot === s}
                  aria-disabled={over}
                  data-testid={`errand-slot-${s}`}
                  onClick={() => {
                    if (!over) form.set({ slot: s })
                  }}
                >
                  <View className="errand-book__slot-label">{ERRAND_SLOT_LABELS[s]}</View>
                  <View className="errand-book__slot-hours">
                    {ERRAND_SLOT_HOURS[s].start}–{ERRAND_SLOT_HOURS[s].end}
                  </View>
                  {over && <View className="errand-book__slot-over">已过</View>}
                </View>
              )
            })}
          </View>
        </Field>
      </View>

      <View className="card">
        <Field label="具体要办的事" name="detail" error={form.messageOf('detail')}>
          <TextBox
            testId="errand-detail"
            tall
            value={v.detail}
            maxLength={ERRAND_RULES.detail.max.value}
            placeholder="写清楚要办什么、去哪里、需要准备什么，如：帮忙到社区卫生站按处方取降压药"
            onChange={(detail) => form.set({ detail })}
            onBlur={() => form.touch('detail')}
          />
        </Field>
        <Field
          label="其他联系电话（选填）"
          name="phone"
          error={form.messageOf('phone')}
          hint="如子女的手机，代办员也可以打这个电话"
        >
          <TextInput
            testId="errand-phone"
            type="number"
            value={v.phone}
            placeholder="11 位手机号"
            onChange={setPhone}
            onBlur={() => form.touch('phone')}
          />
        </Field>
      </View>

      {limit && (
        <LimitNotice
          testId="errand-limit"
          title={`${forResident ? '每位居民' : ''}最多同时有 ${MAX_OPEN_ERRANDS} 件进行中的代办`}
          message={limit}
          after="代办办结、取消或过期后，就可以再预约。"
          mine={forResident ? undefined : { label: '查看我的代办', url: ERRAND_ROUTES.mine }}
        />
      )}
      <SubmitBar
        error={form.formError}
        testId="errand-submit"
        busy={intent.busy}
        text={forResident ? '代居民预约' : '预约代办'}
        check={form.attempt}
        fixHint="请按红色提示修改后再预约"
        confirm={{
          title: '确认预约',
          okText: '确认预约',
          body: (
            <View data-testid="errand-book-confirm">
              <View>
                {forResident && resident ? `为 ${resident.name} ` : ''}预约「
                {v.type ? ERRAND_TYPE_LABELS[v.type] : ''}」
              </View>
              <View>{v.slot ? whenText(v.date, v.slot, now) : ''}</View>
              <View className="muted errand-book__confirm-detail">{v.detail.trim()}</View>
            </View>
          ),
        }}
        onSubmit={send}
      />
    </Screen>
  )
}
