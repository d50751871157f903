// H5 (and jest): the browser prints the A4 page. Taro builds pick `print.weapp.ts` for WeChat.

/** Whether this platform prints the page itself. */
export const CAN_PRINT = true

export function printPage(): void {
  if (typeof window !== 'undefined' && typeof window.print === 'function') window.print()
}
