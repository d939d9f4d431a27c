// Remembers the window's size and position between runs. Pure Node: window.ts feeds it the
// displays, so a window saved on a monitor that is gone comes back on one that exists.
import { readFile, writeFile, rename } from 'node:fs/promises'
import { z } from 'zod'

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface WindowState {
  readonly bounds: Rect
  readonly maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const
export const MIN_SIZE = { width: 760, height: 480 } as const
/** At least this much of the title bar must be on a display for the saved place to count. */
const MIN_VISIBLE = 64

const stateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(MIN_SIZE.width).max(20_000),
    height: z.number().int().min(MIN_SIZE.height).max(20_000)
  }),
  maximized: z.boolean()
})

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  // Write then rename, so a crash mid-write never leaves a half file behind.
  const tmp = `${file}.tmp`
  await writeFile(tmp, JSON.stringify(state))
  await rename(tmp, file)
}

/** The saved bounds if enough of them is on some display, else null (let the OS place it). */
export function placeOnDisplays(bounds: Rect, workAreas: readonly Rect[]): Rect | null {
  const visible = workAreas.some((area) => {
    const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
    const h = Math.min(bounds.y + MIN_VISIBLE, area.y + area.height) - Math.max(bounds.y, area.y)
    return w >= MIN_VISIBLE && h >= MIN_VISIBLE / 2
  })
  return visible ? bounds : null
}
