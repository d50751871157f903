import { useRef, useState, type ReactNode } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Dialog } from '@/components/Dialog'
import { toast } from '@/components/Feedback'
import './index.scss'

/** The question asked before a final step: shown in a Dialog, its ok button sends. */
export interface SubmitConfirm {
  title: string
  okText: string
  body: ReactNode
}

interface SubmitBarProps {
  /** The server's message that belongs to no field (useForm's `formError`). */
  error: string | null
  /** Test ids: `<testId>` on the button, `<testId>-error` on the message. */
  testId: string
  busy: boolean
  text: string
  /** Runs on the tap before anything else: false stops there (the form showed its errors). */
  check?: () => boolean
  /** Said when `check` stops the tap. */
  fixHint?: string
  /** Ask first: the tap opens this dialog, its ok button sends, and it closes once sent. */
  confirm?: SubmitConfirm
  /** Sends the form (after the confirm, if any). */
  onSubmit: () => void | Promise<unknown>
}

/**
 * The end of a form: what the server said about the form as a whole, the one big button, and the
 * confirm dialog before a final step. It owns the dialog's state and sends one request at a time.
 */
export function SubmitBar({
  error,
  testId,
  busy,
  text,
  check,
  fixHint = '请按红色提示修改后再提交',
  confirm,
  onSubmit,
}: SubmitBarProps) {
  const [asking, setAsking] = useState(false)
  const sending = useRef(false)
  const send = async () => {
    if (sending.current) return
    sending.current = true
    try {
      await onSubmit()
    } finally {
      sending.current = false
      setAsking(false)
    }
  }
  const tap = () => {
    if (busy || sending.current) return
    if (check && !check()) return toast(fixHint)
    if (confirm) setAsking(true)
    else void send()
  }
  return (
    <>
      {error && (
        <View className="submit-bar__error error-text" role="alert" data-testid={`${testId}-error`}>
          {error}
        </View>
      )}
      <View className="actions">
        <Button kind="primary" block loading={busy} disabled={busy} testId={testId} onClick={tap}>
          {text}
        </Button>
      </View>
      {asking && confirm && (
        <Dialog
          title={confirm.title}
          okText={confirm.okText}
          busy={busy}
          onOk={() => void send()}
          onCancel={() => setAsking(false)}
        >
          {confirm.body}
        </Dialog>
      )}
    </>
  )
}
