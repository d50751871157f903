import type { PolicyText } from '@/components/PrivacyPolicy'

// TODO(integration): the policy's text lives in src/contract/privacy.ts (next to the deploy
// manifest's privacy declaration); until it lands, this copy says the same in the page's shape.
export const PRIVACY_POLICY: PolicyText = {
  title: '红邻隐私保护指引',
  sections: [
    {
      title: '我们收集哪些信息',
      paragraphs: [
        '绑定网格时：您的真实姓名、手机号、所住社区、网格、楼栋和房号。',
        '使用服务时：您发布的心愿、认领和感谢等记录，以及您设置的昵称和长辈模式。',
      ],
    },
    {
      title: '为什么收集',
      paragraphs: [
        '网格员用姓名、手机号和住址核实您是本网格的居民；认领您心愿的邻居用电话和住址联系您、上门帮忙。',
      ],
    },
    {
      title: '谁能看到',
      paragraphs: [
        '您的完整姓名、电话和房号只给有需要的人看：为您服务的网格员、社区两委，以及正在帮您的认领人。其他邻居只看到姓氏（如 张*）和楼栋。',
      ],
    },
    {
      title: '保存多久',
      paragraphs: [
        '您的资料保存到您注销为止；注销后，您的绑定、资料和记录将被删除，操作日志中不含个人信息。',
      ],
    },
    {
      title: '您的权利',
      paragraphs: [
        '在「我的 → 我的数据」中，您可以随时导出自己的全部数据，或注销并删除您的数据。',
        '如有疑问，请联系您所在社区的居委会。',
      ],
    },
  ],
}
