// The privacy policy (用户隐私保护指引) as plain data: the policy page renders it, the binding
// form asks consent to it, and `cloudfunctions/privacy.json` (the declaration list filed with
// the platform, next to the deploy manifest) is generated from `PRIVACY_ITEMS` (a test keeps it
// current). Written to PIPL: what is collected, why, who sees it, how long it is kept, how to
// export or delete it. No zod: pages import it as is.

import { MATTER_PURGE_DAYS } from './matter.rules'

/** A kind of personal data the mini-program reaches through a WeChat privacy interface. */
export interface PrivacyItem {
  key: 'phoneNumber' | 'album' | 'albumWriteOnly' | 'clipboard' | 'location'
  /** The platform's name for it (用户隐私保护指引 form). */
  info: string
  /** What we use it for, completing "为了……" as the platform's form words it. */
  purpose: string
  /** Who sees what it yields. */
  seenBy: string
  /** The interfaces that reach it: `Taro.<api>` calls, and `openType` values of buttons. */
  apis: string[]
  openTypes: string[]
  /** In use now, or declared ahead for a domain being built (the platform asks before release). */
  inUse: boolean
}

export const PRIVACY_ITEMS: PrivacyItem[] = [
  {
    key: 'phoneNumber',
    info: '手机号',
    purpose: '绑定网格时核实你的居民身份，并在心愿、代办办理期间让对接的志愿者或网格员联系你',
    seenBy: '你本人、你所在网格的网格员和社区两委；认领你心愿的志愿者在办理期间',
    apis: ['getPhoneNumber', 'getRealtimePhoneNumber'],
    openTypes: ['getPhoneNumber', 'getRealtimePhoneNumber'],
    inUse: true,
  },
  {
    key: 'album',
    info: '选中的照片或视频信息',
    purpose: '在“居民说事”中上传你拍下的问题照片，便于网格员了解和处理',
    seenBy: '你本人、本社区已认证的居民（说事板上）、处理该事项的网格员和社区两委',
    apis: ['chooseImage', 'chooseMedia', 'chooseVideo'],
    openTypes: [],
    inUse: true,
  },
  {
    key: 'albumWriteOnly',
    info: '相册（仅写入）权限',
    purpose: '把你的志愿服务证明保存为图片，方便你打印或转发',
    seenBy: '只在你的手机相册里，我们不读取相册',
    apis: ['saveImageToPhotosAlbum'],
    openTypes: [],
    inUse: true,
  },
  {
    key: 'clipboard',
    info: '剪切板',
    purpose: '把你导出的个人数据复制下来，方便你自行保存',
    seenBy: '只在你的手机上，我们不读取剪切板',
    apis: ['setClipboardData'],
    openTypes: [],
    inUse: true,
  },
  {
    key: 'location',
    info: '位置信息',
    purpose: '在志愿活动现场签到时确认你在活动地点附近',
    seenBy: '只用于当次签到判断，不保存你的位置',
    apis: ['getLocation', 'getFuzzyLocation', 'chooseLocation'],
    openTypes: [],
    inUse: false,
  },
]

/**
 * Every WeChat interface that needs the user's privacy authorization and what it reaches (the
 * platform's list, as far as this app could come to use it). A call in `src/` to any of these
 * must be declared in `PRIVACY_ITEMS` (test/unit/privacy.test.ts).
 */
export const PRIVACY_APIS: Record<string, string> = {
  getPhoneNumber: '手机号',
  getRealtimePhoneNumber: '手机号',
  chooseImage: '选中的照片或视频信息',
  chooseMedia: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  chooseMessageFile: '选中的文件',
  saveImageToPhotosAlbum: '相册（仅写入）权限',
  saveVideoToPhotosAlbum: '相册（仅写入）权限',
  getLocation: '位置信息',
  getFuzzyLocation: '位置信息',
  chooseLocation: '位置信息',
  startLocationUpdate: '位置信息',
  chooseAddress: '地址',
  setClipboardData: '剪切板',
  getClipboardData: '剪切板',
  getUserProfile: '微信昵称、头像',
  getUserInfo: '微信昵称、头像',
  chooseAvatar: '微信昵称、头像',
  getWeRunData: '微信运动步数',
  startRecord: '麦克风',
  getRecorderManager: '麦克风',
  createCameraContext: '摄像头',
  scanCode: '摄像头',
  addPhoneContact: '通讯录（仅写入）权限',
  addPhoneCalendar: '日历（仅写入）权限',
  openBluetoothAdapter: '蓝牙',
}

export interface PolicySection {
  title: string
  paragraphs: string[]
}

export const PRIVACY_POLICY: { title: string; updatedAt: string; sections: PolicySection[] } = {
  title: '红邻隐私保护指引',
  updatedAt: '2026-11-26',
  sections: [
    {
      title: '一、我们收集哪些信息',
      paragraphs: [
        '微信提供的匿名标识（OpenID），用来认出你是谁；我们拿不到你的微信号。',
        '你绑定网格时填写的：所在社区、网格、楼栋、房号、真实姓名和手机号（手机号可以用微信一键填写，也可以手动填写）。',
        '你自己设置的昵称和长辈模式等偏好。',
        '你在小程序里发布和办理的内容：心愿、感谢语、评分，以及今后的代办、说事照片、议事投票等。',
        '你做过的操作记录（例如发布、认领、确认），用于安全审计，记录里不含姓名和电话。',
      ],
    },
    {
      title: '二、为什么收集',
      paragraphs: [
        '核实你是本网格的居民：网格员根据姓名、楼栋、房号和手机号认证你的绑定。',
        '让邻里互助办得成：志愿者认领你的心愿后，需要知道怎么联系你、去哪里找你。',
        '统计社区服务：首页展示的点亮数量等只用计数，不含个人信息。',
        '我们不用你的信息做广告，也不出售或提供给无关的第三方。',
      ],
    },
    {
      title: '三、谁能看到',
      paragraphs: [
        '你本人：看到自己的全部信息。',
        '你所在网格的网格员、社区两委和街道管理员：为认证和服务需要，看到你的真实姓名、手机号和房号。',
        '认领你心愿的志愿者：只在办理期间（认领后到你确认前）看到你的姓名、电话和房号；之后只看到姓氏加“*”。',
        '其他居民：只看到你的昵称、姓氏加“*”和楼栋，看不到房号和电话。你写的感谢语会公开展示在心愿墙上。',
        '为检查文字是否合规、给你发送订阅消息，你写的文字会经过微信的内容安全接口，消息会经微信发送；消息里不含姓名和电话。',
      ],
    },
    {
      title: '四、保存多久',
      paragraphs: [
        '你的资料在账号存续期间保存。',
        '你注销后，资料立即删除；别人仍需要的记录（例如你发布或认领过的心愿）中的姓名、电话、房号改为“已注销用户”。',
        `居民说事的照片在事项办结或撤回 ${MATTER_PURGE_DAYS} 天后删除，同时清除房号和电话；你注销时立即删除。`,
        '操作记录只保留匿名标识，不含姓名和电话；防重复提交的请求记录保存 7 天后自动清除。',
      ],
    },
    {
      title: '五、你的权利：查看、导出、更正、删除',
      paragraphs: [
        '查看和导出：在“我的 → 导出我的数据”查看我们保存的关于你的全部信息，可以复制保存。',
        '更正：重新绑定网格即可更正姓名、楼栋、房号和手机号（需要网格员重新认证）；昵称可以随时修改。',
        '删除：在“我的 → 注销并删除我的数据”注销账号，即撤回对本指引的同意。',
        '你可以拒绝微信一键填写手机号，改为手动填写；拒绝不影响浏览社区内容。',
      ],
    },
    {
      title: '六、系统权限',
      paragraphs: PRIVACY_ITEMS.map(
        (item) =>
          `${item.info}：为了${item.purpose}。可见范围：${item.seenBy}。${item.inUse ? '' : '（相关功能上线后才会请求）'}`
      ),
    },
    {
      title: '七、未成年人',
      paragraphs: ['未满 14 周岁的未成年人，请在父母或其他监护人同意和陪同下使用。'],
    },
    {
      title: '八、联系我们',
      paragraphs: [
        '对本指引或你的个人信息有疑问、意见或投诉，可以联系你所在网格的网格员或社区居委会，我们会在 15 个工作日内答复。',
        '本指引更新时，我们会在你下次打开小程序时提示你重新阅读并同意。',
      ],
    },
  ],
}

/** The declaration list filed with the platform (`cloudfunctions/privacy.json`), from the items. */
export const privacyDeclaration = () => ({
  $comment:
    '用户隐私保护指引的声明清单（小程序管理后台 → 设置 → 服务内容声明 → 用户隐私保护指引）。由 src/contract/privacy.ts 生成，勿手改：UPDATE_PRIVACY=1 npx jest test/unit/privacy.test.ts 重新生成，再 npx prettier --write 本文件。',
  title: PRIVACY_POLICY.title,
  updatedAt: PRIVACY_POLICY.updatedAt,
  items: PRIVACY_ITEMS.map(({ key, info, purpose, apis, openTypes, inUse }) => ({
    key,
    info,
    purpose: `为了${purpose}`,
    apis,
    openTypes,
    inUse,
  })),
  retention: PRIVACY_POLICY.sections[3].paragraphs,
  rights: PRIVACY_POLICY.sections[4].paragraphs,
})
