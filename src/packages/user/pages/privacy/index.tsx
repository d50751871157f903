import { Screen } from '@/components/Screen'
import { PrivacyPolicy } from '@/components/PrivacyPolicy'
import { PRIVACY_POLICY } from '@/contract/privacy'

// 红邻隐私保护指引: linked from binding (consent) and the privacy consent sheet.
export default function PrivacyPage() {
  return (
    <Screen testId="page-privacy">
      <PrivacyPolicy policy={PRIVACY_POLICY} />
    </Screen>
  )
}
