import { useState } from 'react'
import { View } from '@tarojs/components'
import { Button } from '@/components/Button'
import { Toggle } from '@/components/Toggle'
import { toast } from '@/components/Feedback'
import { userApi } from '@/services/user'
import { ROLE_LABELS, type Role } from '@/contract/roles'
import type { Me, ResidentItem } from '@/contract/user'
import {
  EDITOR_ROLES,
  roleChange,
  roleLabels,
  roleReach,
  rolesToSend,
  type RoleChange,
} from './reach'
import './index.scss'

interface RolesEditorProps {
  viewer: Me
  resident: ResidentItem
  onClose: () => void
  /** The roles the server saved (`resident` included). */
  onSaved: (roles: Role[]) => void
}

/**
 * A bottom panel with one big toggle per role; 保存 shows what changes and asks once more.
 * Render it only while open. Roles the viewer may not change keep their value, so a save never
 * drops the target's committee or admin role.
 */
export function RolesEditor({ viewer, resident, onClose, onSaved }: RolesEditorProps) {
  const current = resident.roles
  const reach = roleReach(viewer, resident)
  const [chosen, setChosen] = useState<Role[]>(() => current.filter((r) => r !== 'resident'))
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const change = roleChange(current, chosen)
  const changed = change.added.length + change.removed.length > 0

  const toggle = (role: Role, on: boolean) => {
    if (!reach.editable.includes(role)) return
    setChosen((prev) => (on ? [...prev, role] : prev.filter((r) => r !== role)))
  }

  const cancel = () => {
    if (!busy) onClose()
  }

  const save = async () => {
    setBusy(true)
    const result = await userApi.setRoles({
      openid: resident.openid,
      roles: rolesToSend(chosen),
    })
    setBusy(false)
    if (!result.ok) {
      // Back to the toggles, as they were chosen: the card keeps the roles it had.
      setConfirming(false)
      return toast(result.error.message)
    }
    onSaved(result.data.roles)
    toast(`已保存 ${resident.name} 的角色`)
    onClose()
  }

  return (
    <View className="roles-editor" data-testid="roles-editor">
      <View className="roles-editor__mask" catchMove onClick={cancel} />
      <View
        className="roles-editor__panel"
        role="dialog"
        aria-modal
        aria-label={`设置 ${resident.name} 的角色`}
      >
        <View className="roles-editor__title">{confirming ? '确认修改角色' : '设置角色'}</View>
        <View className="roles-editor__who muted">
          {resident.name} · {resident.gridName} {resident.buildingName} {resident.room}室
        </View>
        {confirming ? (
          <Summary resident={resident} change={change} gridWorker={chosen.includes('gridWorker')} />
        ) : (
          <>
            {EDITOR_ROLES.map((role) => (
              <RoleRow
                key={role}
                role={role}
                on={chosen.includes(role)}
                locked={!reach.editable.includes(role)}
                hint={role === 'gridWorker' ? `服务其所住的${resident.gridName}` : undefined}
                onToggle={(on) => toggle(role, on)}
              />
            ))}
            {reach.note && (
              <View className="roles-editor__note" data-testid="roles-note">
                {reach.note}
              </View>
            )}
          </>
        )}
        <View className="roles-editor__buttons">
          {confirming ? (
            <>
              <Button
                className="roles-editor__button"
                testId="roles-back"
                disabled={busy}
                onClick={() => setConfirming(false)}
              >
                返回修改
              </Button>
              <Button
                className="roles-editor__button"
                kind="primary"
                testId="roles-confirm"
                loading={busy}
                onClick={() => void save()}
              >
                确认保存
              </Button>
            </>
          ) : (
            <>
              <Button className="roles-editor__button" testId="roles-cancel" onClick={cancel}>
                取消
              </Button>
              <Button
                className="roles-editor__button"
                kind="primary"
                testId="roles-save"
                disabled={!changed}
                onClick={() => setConfirming(true)}
              >
                保存
              </Button>
            </>
          )}
        </View>
      </View>
    </View>
  )
}

/** A whole row is the tap target; the toggle shows the state. */
function RoleRow({
  role,
  on,
  locked,
  hint,
  onToggle,
}: {
  role: Role
  on: boolean
  locked: boolean
  hint?: string
  onToggle: (on: boolean) => void
}) {
  return (
    <View
      className={`roles-editor__row${locked ? ' roles-editor__row--locked' : ''}`}
      data-tap-area
      onClick={() => onToggle(!on)}
    >
      <View className="roles-editor__label">
        <View>{ROLE_LABELS[role]}</View>
        {hint && on && <View className="muted">{hint}</View>}
      </View>
      <Toggle
        testId={`role-toggle-${role}`}
        label={ROLE_LABELS[role]}
        checked={on}
        disabled={locked}
        onChange={onToggle}
      />
    </View>
  )
}

/** What 确认保存 will do, in words. */
function Summary({
  resident,
  change: { added, removed },
  gridWorker,
}: {
  resident: ResidentItem
  change: RoleChange
  gridWorker: boolean
}) {
  return (
    <View className="roles-editor__summary" data-testid="roles-summary">
      {added.length > 0 && <View>{`将为 ${resident.name} 设为：${roleLabels(added)}`}</View>}
      {removed.length > 0 && <View>{`将取消 ${resident.name} 的：${roleLabels(removed)}`}</View>}
      {/* setRoles without gridIds sets a grid worker's grids to their own, even if kept. */}
      {gridWorker && (
        <View className="muted">{`网格员服务的网格：${resident.gridName}（其所住网格）`}</View>
      )}
    </View>
  )
}
