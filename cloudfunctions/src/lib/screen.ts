import { isTextSafe, type ContentScene } from './content'

/**
 * The first field whose text the content check flags, or null. The fields are checked in
 * parallel (open-API calls, not database round trips) so the user learns which one to change.
 */
export async function riskyField(
  openid: string,
  fields: Record<string, string | undefined>,
  scene: ContentScene
): Promise<string | null> {
  const named = Object.entries(fields).filter((f): f is [string, string] => !!f[1])
  const safe = await Promise.all(named.map(([, text]) => isTextSafe(openid, text, scene)))
  const i = safe.indexOf(false)
  return i < 0 ? null : named[i][0]
}
