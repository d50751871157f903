/** H5: the route's `?scene=`, or the page address's own (`/?scene=…#/pages/bind/index`). */
export function sceneOf(params: Record<string, string | undefined>): string | undefined {
  return params.scene ?? new URLSearchParams(window.location.search).get('scene') ?? undefined
}
