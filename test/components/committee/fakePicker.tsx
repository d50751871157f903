import type { ReactNode } from 'react'

// Taro's H5 Picker opens a sliding wheel; these tests pick by typing into a stand-in beside the
// box instead (`picker-<fields>`), which calls the page's onChange as the wheel's 确定 does.

export function FakePicker({
  children,
  fields = 'day',
  onChange,
}: {
  children?: ReactNode
  fields?: string
  onChange?: (e: { detail: { value: string } }) => void
}) {
  return (
    <div>
      {children}
      <input
        aria-label="picker"
        data-testid={`picker-${fields}`}
        onChange={(e) => onChange?.({ detail: { value: e.target.value } })}
      />
    </div>
  )
}
