/**
 * Spread on a View that acts as a control (with its `role`): a tab stop. Taro's View does not
 * declare `tabIndex`, though H5 renders it; in H5, Enter and Space press it (components/TitleBar).
 */
export const TAB_STOP = { tabIndex: 0 } as const
