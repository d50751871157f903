// In WeChat, identity comes from the login itself: nothing to switch.
export function PersonaSwitcher() {
  return null
}
