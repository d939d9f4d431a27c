// A context menu: opened at a point (right-click) or beside an element (the context-menu
// key, Shift+F10). Arrow keys move, Enter chooses, Escape or a click elsewhere closes.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'

export interface MenuItem {
  readonly label: string
  readonly onSelect: () => void
  /** Said on hover and to screen readers: what a destructive item will do. */
  readonly detail?: string
  readonly danger?: boolean
  readonly disabled?: boolean
  /** A line above this item. */
  readonly groupStart?: boolean
}

export interface ContextMenuProps {
  readonly x: number
  readonly y: number
  readonly label: string
  readonly items: readonly MenuItem[]
  readonly onClose: () => void
}

export function ContextMenu({ x, y, label, items, onClose }: ContextMenuProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null)
  const [at, setAt] = useState({ x, y })
  const enabled = items.map((it, i) => (it.disabled ? -1 : i)).filter((i) => i >= 0)
  const [active, setActive] = useState(enabled[0] ?? 0)

  // Keep the whole menu inside the window.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect()
    if (!box) return
    setAt({
      x: Math.max(4, Math.min(x, window.innerWidth - box.width - 4)),
      y: Math.max(4, Math.min(y, window.innerHeight - box.height - 4))
    })
  }, [x, y])

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[active]?.focus()
  }, [active])

  useEffect(() => {
    const away = (e: MouseEvent): void => {
      if (!ref.current?.contains(e.target as Node)) onClose()
    }
    window.addEventListener('mousedown', away)
    window.addEventListener('blur', onClose)
    return () => {
      window.removeEventListener('mousedown', away)
      window.removeEventListener('blur', onClose)
    }
  }, [onClose])

  const move = (step: number): void => {
    const i = enabled.indexOf(active)
    setActive(enabled[(i + step + enabled.length) % enabled.length] ?? active)
  }

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="context-menu"
      style={{ left: at.x, top: at.y }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        const keys: Record<string, () => void> = {
          ArrowDown: () => move(1),
          ArrowUp: () => move(-1),
          Home: () => setActive(enabled[0] ?? 0),
          End: () => setActive(enabled[enabled.length - 1] ?? 0),
          Escape: onClose,
          Tab: onClose
        }
        const act = keys[e.key]
        if (!act) return
        e.preventDefault()
        e.stopPropagation()
        act()
      }}
    >
      {items.map((it, i) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          disabled={it.disabled}
          data-danger={it.danger ? 'true' : undefined}
          data-group-start={it.groupStart ? 'true' : undefined}
          title={it.detail}
          aria-description={it.detail}
          onMouseEnter={() => !it.disabled && setActive(i)}
          onClick={() => {
            onClose()
            it.onSelect()
          }}
        >
          {it.label}
        </button>
      ))}
    </div>
  )
}
