import type { ReactElement } from 'react'
import { render } from '@testing-library/react'
import { MeProvider } from '@/hooks/useMe'

/** Renders a page inside the app shell (the shared current-user store), as app.tsx does. */
export function renderPage(page: ReactElement) {
  return render(<MeProvider>{page}</MeProvider>)
}
