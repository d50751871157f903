import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import './index.scss'

interface SubmitBarProps {
  /** The server's message that belongs to no field (useForm's `formError`). */
  error: string | null
  /** Test ids: `<testId>` on the button, `<testId>-error` on the message. */
  testId: string
  busy: boolean
  text: string
  onSubmit: () => void
}

/** The end of a form: what the server said about the form as a whole, and the one big button. */
export function SubmitBar({ error, testId, busy, text, onSubmit }: SubmitBarProps) {
  return (
    <>
      {error && (
        <View className="submit-bar__error error-text" role="alert" data-testid={`${testId}-error`}>
          {error}
        </View>
      )}
      <View className="actions">
        <Button
          kind="primary"
          block
          loading={busy}
          disabled={busy}
          testId={testId}
          onClick={onSubmit}
        >
          {text}
        </Button>
      </View>
    </>
  )
}
