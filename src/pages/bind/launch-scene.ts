/** The page's scene (weapp: the `scene` query a scanned 小程序码 opens the page with). */
export function sceneOf(params: Record<string, string | undefined>): string | undefined {
  return params.scene
}
