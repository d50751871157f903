import { useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Counts the times the page comes back into view (after the first showing), e.g. back from a
 * wish's detail page where it was claimed. A list reloads when the count changes.
 */
export function useReshown(): number {
  const [count, setCount] = useState(0)
  const first = useRef(true)
  useDidShow(() => {
    if (first.current) first.current = false
    else setCount((n) => n + 1)
  })
  return count
}
