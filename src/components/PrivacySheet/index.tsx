// The browser has no privacy-authorization event: WeChat's consent sheet is index.weapp.tsx.
export function PrivacySheet() {
  return null
}
