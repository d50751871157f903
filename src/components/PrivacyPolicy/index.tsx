import { View } from '@tarojs/components'
import './index.scss'

/** The policy as data (src/contract/privacy.ts): what is collected, why, who sees it, how long. */
export interface PolicyText {
  title: string
  updatedAt?: string
  sections: readonly { title: string; paragraphs: readonly string[] }[]
}

/** 红邻隐私保护指引, rendered from its data. */
export function PrivacyPolicy({ policy }: { policy: PolicyText }) {
  return (
    <View className="privacy" data-testid="privacy-policy">
      <View className="privacy__title">{policy.title}</View>
      {policy.updatedAt && <View className="muted">更新日期：{policy.updatedAt}</View>}
      {policy.sections.map((s) => (
        <View key={s.title} className="privacy__section">
          <View className="privacy__heading" role="heading" aria-level={2}>
            {s.title}
          </View>
          {s.paragraphs.map((p, i) => (
            <View key={i} className="privacy__p">
              {p}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
