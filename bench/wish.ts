import type { Emulator } from '../emulator/server'

// Filled in with the wish function (issue #3).
export async function reportWish(_emu: Emulator): Promise<string> {
  return 'wish function not built yet'
}
