import { gridFromScene } from '@/pages/bind/grid-scene'

// The grid QR code's scene is encodeURIComponent('g=<gridId>'); weapp may hand it over encoded.
test.each([
  [encodeURIComponent('g=g1'), 'g1'],
  ['g=g1', 'g1'],
  [encodeURIComponent(encodeURIComponent('g=g2')), 'g2'],
  ['x=1&g=g-3', 'g-3'],
])('scene %s names grid %s', (scene, grid) => {
  expect(gridFromScene(scene)).toBe(grid)
})

test.each([undefined, '', 'g=', 'x=1', '%E0%A4%A', 'g=<script>'])(
  'scene %s names no grid',
  (scene) => {
    expect(gridFromScene(scene)).toBeNull()
  }
)
