import React, { useState } from 'react'
import { render, screen, fireEvent, waitFor } from '@testing-library/react'
import { View, Text } from '@tarojs/components'
import { Button, Input, Switch, Dialog } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'

function Probe() {
  const [v, setV] = useState('')
  const [n, setN] = useState(0)
  const [open, setOpen] = useState(false)
  return (
    <View data-testid="root">
      <View data-testid="opt-c1" onClick={() => setN(n + 1)}>选项 {n}</View>
      <Input nativeProps={{ 'data-testid': 'bind-room' }} value={v} onChange={(x) => setV(x)} />
      <Text>值:{v}</Text>
      <Button onClick={() => setOpen(true)}>提交绑定</Button>
      <Switch checked={false} onChange={(c) => Taro.showToast({ title: 'sw ' + c, icon: 'none' })} data-testid="sw" />
      <Dialog visible={open} title="确认？" onConfirm={() => setN(100)} onCancel={() => setOpen(false)} onClose={() => setOpen(false)} />
    </View>
  )
}

test('probe', async () => {
  render(<Probe />)
  fireEvent.click(screen.getByTestId('opt-c1'))
  expect(await screen.findByText('选项 1')).toBeInTheDocument()
  const input = await screen.findByTestId('bind-room')
  console.log(input.tagName, input.outerHTML)
  fireEvent.input(input, { target: { value: '1-302' } })
  expect(await screen.findByText('值:1-302')).toBeInTheDocument()
  fireEvent.click(screen.getByText('提交绑定'))
  expect(await screen.findByText('确认？')).toBeInTheDocument()
  fireEvent.click(screen.getByText('确认'))
  expect(await screen.findByText('选项 100')).toBeInTheDocument()
  const sw = screen.getByTestId('sw')
  console.log(sw.outerHTML)
  fireEvent.click(sw)
  await waitFor(() => expect(document.body.textContent).toContain('sw true'))
})
