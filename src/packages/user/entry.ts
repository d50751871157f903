import type { DomainEntry } from '@/components/DomainEntry/types'
import { USER_ROUTES } from './routes'

// The user domain's staff queues on the main package's tabs (listed in src/pages/entries.ts).

export const userEntry: DomainEntry = {
  key: 'user',
  queues: [
    {
      id: 'verify',
      title: '待认证居民',
      description: '核实新绑定居民的住址与身份',
      url: USER_ROUTES.verify,
      ability: 'user.verify',
      count: 'user.toVerify',
    },
    {
      id: 'residents',
      title: '居民与角色',
      description: '设置志愿者、红色代办员和网格员',
      url: USER_ROUTES.residents,
      ability: 'user.setRoles',
    },
    {
      id: 'grid-code',
      title: '网格二维码',
      description: '入户时出示，居民扫码绑定本网格',
      url: USER_ROUTES.gridCode,
      ability: 'user.gridCode',
    },
  ],
}
