// WeChat cannot print: the page says how to keep the record (a screenshot, or ask the community
// for a stamped copy); there is no print button.

export const CAN_PRINT = false

export function printPage(): void {}
