// WeChat draws the navigation bar (title and back) from the page config: nothing to add.
export function TitleBar() {
  return null
}
