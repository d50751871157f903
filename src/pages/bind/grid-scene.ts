// The grid QR code (小程序码, `wxacode.getUnlimited`) opens pages/bind/index with
// `scene=encodeURIComponent('g=<gridId>')`: weapp hands the page `scene`; H5 takes `?scene=`.

/** The grid a scanned code names, or null. Tolerates the scene arriving encoded or not. */
export function gridFromScene(scene: string | undefined | null): string | null {
  if (!scene) return null
  let text = scene
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(text); i++) {
    try {
      text = decodeURIComponent(text)
    } catch {
      return null
    }
  }
  // No URLSearchParams in the mini-program runtime.
  const pair = text.split('&').find((p) => p.startsWith('g='))
  const grid = pair?.slice(2)
  return grid && /^[\w-]{1,64}$/.test(grid) ? grid : null
}
