// Draws the app icon (a socket outlet with a live dot) and writes the files the installers
// need: icon.png (512), icon.ico (16–256) and icon.icns (128–1024), and the page's favicon. Run once after a design
// change: `node scripts/make-icons.mjs`; the outputs are committed under resources/.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SUPERSAMPLE = 4

function crc32(buf) {
  let c
  let crc = 0xffffffff
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++)
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const roundedBox = (px, py, hx, hy, r) => {
  const qx = Math.abs(px) - hx + r
  const qy = Math.abs(py) - hy + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t)

/** Colour at a point of the unit square [-1, 1]², or null outside the icon. */
function shade(x, y) {
  // macOS-style margin: the tile fills ~82% of the canvas.
  if (roundedBox(x, y, 0.82, 0.82, 0.2) > 0) return null
  let c = mix([30, 44, 60], [14, 20, 28], (y + 1) / 2)
  const ring = Math.abs(Math.hypot(x, y + 0.02) - 0.46) - 0.075
  const face = Math.hypot(x, y + 0.02) - 0.36
  if (face < 0) c = mix(c, [24, 34, 46], 0.7)
  if (ring < 0) c = mix([76, 199, 154], [43, 108, 176], (y + 0.6) / 1.2)
  const slot = Math.min(
    roundedBox(x + 0.15, y + 0.02, 0.045, 0.13, 0.04),
    roundedBox(x - 0.15, y + 0.02, 0.045, 0.13, 0.04)
  )
  if (slot < 0) c = [228, 231, 235]
  if (Math.hypot(x - 0.52, y + 0.52) < 0.12) c = [76, 199, 154]
  return c
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = ((px + (sx + 0.5) / SUPERSAMPLE) / size) * 2 - 1
          const y = ((py + (sy + 0.5) / SUPERSAMPLE) / size) * 2 - 1
          const c = shade(x, y)
          if (!c) continue
          r += c[0]
          g += c[1]
          b += c[2]
          a += 1
        }
      }
      const o = (py * size + px) * 4
      if (a > 0) {
        rgba[o] = Math.round(r / a)
        rgba[o + 1] = Math.round(g / a)
        rgba[o + 2] = Math.round(b / a)
      }
      rgba[o + 3] = Math.round((a / SUPERSAMPLE ** 2) * 255)
    }
  }
  return png(size, rgba)
}

function ico(images) {
  const header = Buffer.alloc(6 + images.length * 16)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, data }, i) => {
    const e = 6 + i * 16
    header[e] = size >= 256 ? 0 : size
    header[e + 1] = size >= 256 ? 0 : size
    header.writeUInt16LE(1, e + 4)
    header.writeUInt16LE(32, e + 6)
    header.writeUInt32LE(data.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += data.length
  })
  return Buffer.concat([header, ...images.map((i) => i.data)])
}

function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const total = parts.reduce((n, p) => n + p.length, 8)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(total, 4)
  return Buffer.concat([head, ...parts])
}

const sizes = [16, 32, 48, 64, 128, 256, 512, 1024]
const images = Object.fromEntries(sizes.map((s) => [s, render(s)]))
writeFileSync('resources/icon.png', images[512])
// The browser tab's icon, served from the renderer's public folder.
writeFileSync('src/renderer/public/favicon.png', images[64])
writeFileSync(
  'resources/icon.ico',
  ico([16, 32, 48, 64, 128, 256].map((size) => ({ size, data: images[size] })))
)
// ic07..ic10 hold PNG data for 128, 256, 512 and 1024 (512@2x) pixels.
writeFileSync(
  'resources/icon.icns',
  icns([
    ['ic07', images[128]],
    ['ic08', images[256]],
    ['ic09', images[512]],
    ['ic10', images[1024]]
  ])
)
console.log('wrote resources/icon.{png,ico,icns} and src/renderer/public/favicon.png')
