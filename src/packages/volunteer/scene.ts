// What a check-in QR code carries (`v=<activityId>&c=<code>`, the `scene` of
// `wxacode.getUnlimited`), read back when a scan opens the check-in page.

export interface CheckinTarget {
  activityId: string
  code: string
}

/** The activity and code a page was opened with: `?id=&code=` or a scanned `?scene=`. */
export function checkinTarget(params: Record<string, string | undefined>): CheckinTarget {
  let activityId = params.id ?? ''
  let code = params.code ?? ''
  if (params.scene) {
    let scene = params.scene
    try {
      scene = decodeURIComponent(scene)
    } catch {
      // Not encoded: read it as it is.
    }
    for (const part of scene.split('&')) {
      const [k, value = ''] = part.split('=')
      if (k === 'v') activityId = value
      if (k === 'c') code = value
    }
  }
  return { activityId, code: /^\d{6}$/.test(code) ? code : '' }
}
