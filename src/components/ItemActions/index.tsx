import { useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button, type ButtonKind } from '@/components/Button'
import { Field } from '@/components/Field'
import { toast } from '@/components/Feedback'
import { StarsInput } from '@/components/Stars'
import { TextBox } from '@/components/TextBox'
import { Dialog } from '@/components/Dialog'
import { useForm, type Form } from '@/hooks/useForm'
import { useIntent } from '@/hooks/useIntent'
import type { CallOptions } from '@/services/cloud'
import type { ApiError, Result } from '@/contract/errors'
import type { CrossRule, FieldRule } from '@/contract/rules'
import './index.scss'

// The buttons an item (a wish, an errand, …) shows from its server `can`, each confirmed in a
// dialog before it is sent. A domain gives a step table: which permission shows the button, its
// words, the dialog's text and fields, and the call it makes.

/** What a step's dialog asks for: a text box or a star rating, with its rule from the contract. */
export interface StepField<I> {
  name: keyof I & string
  label: string
  /** A text box (default) or a star rating. */
  kind?: 'text' | 'rating'
  /** The text box's `testId`, or the stars' test id prefix. */
  testId: string
  placeholder?: string
  hint?: string
}

export interface StepSpec<T, I> {
  /** The permission in the item's `can` that shows the button. */
  can: string
  button: string
  /** `<prefix>-action-<testId>`; the step's own name by default. */
  testId?: string
  kind: ButtonKind
  title: string
  ok: string
  done: string
  /** What the dialog says before its fields. */
  text: (item: T) => ReactNode
  fields?: readonly StepField<I>[]
  /** The fields' rules (src/contract/<domain>.rules.ts); a field without one is not checked. */
  rules?: Partial<Record<keyof I & string, FieldRule>>
  cross?: readonly CrossRule<keyof I & string>[]
  /** Called first in the tap, before the request (WeChat's subscribe prompt needs a tap). */
  before?: () => Promise<void>
  send: (id: string, input: I, opts: CallOptions) => Promise<Result<T>>
}

export type StepTable<S extends string, T, I> = Record<S, StepSpec<T, I>>

interface ItemActionsProps<S extends string, T, I> {
  item: T & { id: string; can: object }
  table: StepTable<S, T, I>
  /** Every step in button order: the step that moves the item forward first, the way out last. */
  order: readonly S[]
  /** Which buttons this place offers (default: all); each still needs its `can`. */
  steps?: readonly S[]
  /** What each dialog's form starts from. */
  empty: I
  /** Class and test id prefix: `<prefix>-actions`, `<prefix>-action-<step>`, `<prefix>-step-<step>`. */
  prefix: string
  /** The action went through: the item as the server returned it. */
  onChanged: (item: T) => void
  /** The action was refused (taken, gone, no longer allowed): the message was shown. */
  onStale: (id: string, error: ApiError) => void
}

/** The steps of `steps` (default: all, in `order`) whose permission the item's `can` grants. */
export function visibleSteps<S extends string>(
  item: { can: object },
  table: Record<S, { can: string }>,
  order: readonly S[],
  steps: readonly S[] = order
): S[] {
  const can = item.can as Record<string, boolean | undefined>
  return steps.filter((s) => !!can[table[s].can])
}

export function ItemActions<S extends string, T, I extends Record<string, unknown>>({
  item,
  table,
  order,
  steps,
  empty,
  prefix,
  onChanged,
  onStale,
}: ItemActionsProps<S, T, I>) {
  const [open, setOpen] = useState<S | null>(null)
  const shown = visibleSteps(item, table, order, steps)
  if (!shown.length && !open) return null
  return (
    <>
      <View className={`item-actions ${prefix}-actions`}>
        {shown.map((step) => (
          <Button
            key={step}
            className="item-actions__button"
            kind={table[step].kind}
            testId={`${prefix}-action-${table[step].testId ?? step}`}
            onClick={() => setOpen(step)}
          >
            {table[step].button}
          </Button>
        ))}
      </View>
      {open && (
        <StepDialog
          key={open}
          step={open}
          spec={table[open]}
          item={item}
          empty={empty}
          prefix={prefix}
          onClose={() => setOpen(null)}
          onChanged={onChanged}
          onStale={onStale}
        />
      )}
    </>
  )
}

function StepDialog<T, I extends Record<string, unknown>>({
  step,
  spec,
  item,
  empty,
  prefix,
  onClose,
  onChanged,
  onStale,
}: {
  step: string
  spec: StepSpec<T, I>
  item: T & { id: string }
  empty: I
  prefix: string
  onClose: () => void
  onChanged: (item: T) => void
  onStale: (id: string, error: ApiError) => void
}) {
  const form = useForm(empty, { rules: spec.rules ?? {}, cross: spec.cross })
  const intent = useIntent()

  const submit = async () => {
    if (intent.busy) return
    if (!form.attempt()) return
    // WeChat only asks from a tap: before the request, never holding it up.
    if (spec.before) await spec.before()
    const result = await intent.run((opts) => spec.send(item.id, form.values, opts))
    if (!result) return
    if (result.ok) {
      toast(spec.done)
      onClose()
      onChanged(result.data)
      return
    }
    const { code, message, field } = result.error
    toast(message)
    if (code === 'INTERNAL') return // same intent, same id: a retry cannot act twice
    const mine = !!field && !!spec.rules && field in spec.rules
    if (mine && (code === 'INVALID_INPUT' || code === 'CONTENT_REJECTED')) {
      return form.refuse(result.error)
    }
    onClose()
    onStale(item.id, result.error)
  }

  return (
    <Dialog
      title={spec.title}
      okText={spec.ok}
      okKind={spec.kind === 'danger' ? 'danger' : 'primary'}
      busy={intent.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <View className="item-actions__dialog" data-testid={`${prefix}-step-${step}`}>
        <View className="item-actions__text">{spec.text(item)}</View>
        {spec.fields?.map((f) => (
          <StepFieldInput key={f.name} field={f} form={form} rule={spec.rules?.[f.name]} />
        ))}
      </View>
    </Dialog>
  )
}

function StepFieldInput<I extends Record<string, unknown>>({
  field: f,
  form,
  rule,
}: {
  field: StepField<I>
  form: Form<I>
  rule?: FieldRule
}) {
  return (
    <Field label={f.label} name={f.name} error={form.messageOf(f.name)} hint={f.hint}>
      {f.kind === 'rating' ? (
        <StarsInput
          value={form.values[f.name] as number | null}
          testIdPrefix={f.testId}
          onChange={(v) => form.set({ [f.name]: v } as Partial<I>)}
        />
      ) : (
        <TextBox
          testId={f.testId}
          fixed
          value={form.values[f.name] as string}
          maxLength={maxOf(rule)}
          placeholder={f.placeholder}
          onChange={(v) => form.set({ [f.name]: v } as Partial<I>)}
        />
      )}
    </Field>
  )
}

/** A trimmed optional text: the key only when something was written. */
export const optionalText = <K extends string>(key: K, text: string) =>
  (text.trim() ? { [key]: text.trim() } : {}) as Partial<Record<K, string>>

/** A text field's limit, from its rule (every text field of a step dialog has one). */
const maxOf = (rule?: FieldRule): number =>
  rule && 'max' in rule && rule.max ? rule.max.value : Number.MAX_SAFE_INTEGER

/** A step dialog's text field with its rule (src/contract/<domain>.rules.ts). */
export type RuledField<I> = StepField<I> & { rule: FieldRule }

type Dialog<T, I> = Required<Pick<StepSpec<T, I>, 'fields' | 'rules' | 'send'>>

const asked = <I extends Record<string, unknown>>(input: I, name: keyof I) =>
  String(input[name] ?? '').trim()

const bare = <I,>({ rule: _rule, ...field }: RuledField<I>): StepField<I> => field

/**
 * A dialog that asks for one text (a reason, a reply, a note): its field, its rule, and the send,
 * which hands `call` the text trimmed (use `optionalText` there when the text may be left out).
 */
export function textDialog<T, I extends Record<string, unknown>>(
  field: RuledField<I>,
  call: (id: string, text: string, opts: CallOptions) => Promise<Result<T>>
): Dialog<T, I> {
  return {
    fields: [bare(field)],
    rules: { [field.name]: field.rule } as Dialog<T, I>['rules'],
    send: (id, input, opts) => call(id, asked(input, field.name), opts),
  }
}

/**
 * A dialog that asks for a star rating (`rating`, test ids `<stars><n>`) and a comment: its
 * fields, their rules, and the send, which hands `call` the rating and the comment trimmed.
 */
export function ratingDialog<T, I extends Record<string, unknown> & { rating: number | null }>(o: {
  stars: string
  rating: FieldRule
  comment: RuledField<I>
  call: (id: string, rating: number, comment: string, opts: CallOptions) => Promise<Result<T>>
}): Dialog<T, I> {
  return {
    fields: [{ name: 'rating', label: '评分', kind: 'rating', testId: o.stars }, bare(o.comment)],
    rules: { rating: o.rating, [o.comment.name]: o.comment.rule } as Dialog<T, I>['rules'],
    send: (id, input, opts) => o.call(id, input.rating ?? 0, asked(input, o.comment.name), opts),
  }
}
