export interface PhoneValue {
  /** Typed by hand (both platforms). */
  phone: string
  /** weapp: the code from <Button openType="getPhoneNumber">; the server exchanges it. */
  phoneCode?: string
}

export interface PhoneFieldProps {
  value: PhoneValue
  onChange: (value: PhoneValue) => void
  onBlur?: () => void
  error?: string | null
}
