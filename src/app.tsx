import type { PropsWithChildren } from 'react'
import { MeProvider } from '@/hooks/useMe'
import './app.scss'

// The app shell: every page shares one store of the current user.
function App({ children }: PropsWithChildren) {
  return <MeProvider>{children}</MeProvider>
}

export default App
