// Identifiers the local "CloudBase environment" reports to functions.
export const APP_ID = 'wx-honglin-local'
export const ENV_ID = 'honglin-local'

/** The message every unexpected failure shows the user (docs/contract.md §2.2, INTERNAL). */
export const INTERNAL_MESSAGE = '服务暂时不可用，请稍后再试'
