// The TCP state machine drawn once, with one socket's path on it: the states it was seen in
// (with the time spent in each), the current state marked, transitions the table saw drawn
// solid and those it could only infer between two polls drawn dashed. Each state explains
// itself on hover or focus.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReactElement } from 'react'
import type { StateChange } from '../../../../shared/model'
import { formatDuration } from '../../components/format'
import { diagramPath } from './diagram-path'
import type { DiagramPath } from './diagram-path'
import { DIAGRAM_SIZE, POSITIONS, TCP_STATES, TRANSITIONS } from './tcp-machine'
import type { TcpState, Transition } from './tcp-machine'

const BOX = { w: 116, h: 34 } as const

export interface StateDiagramProps {
  readonly history: readonly StateChange[]
  readonly closedAt: number | null
  readonly now: number
}

export function StateDiagram({ history, closedAt, now }: StateDiagramProps): ReactElement {
  const { t } = useTranslation('teach')
  const path = useMemo(() => diagramPath(history, closedAt, now), [history, closedAt, now])
  const [focus, setFocus] = useState<TcpState | null>(null)
  const shown = focus ?? path.current ?? path.visits.at(-1)?.state ?? null
  return (
    <figure className="state-diagram">
      <svg
        viewBox={`0 0 ${DIAGRAM_SIZE.width} ${DIAGRAM_SIZE.height}`}
        role="img"
        aria-label={t('diagram.aria', {
          path: path.visits.map((v) => v.state).join(' → ') || t('diagram.noStates')
        })}
      >
        <defs>
          <marker
            id="sd-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="sd-arrowhead" />
          </marker>
          <marker
            id="sd-arrow-on"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="sd-arrowhead on" />
          </marker>
        </defs>
        {TRANSITIONS.map((t) => (
          <Edge key={`${t.from}-${t.to}`} t={t} path={path} />
        ))}
        {TCP_STATES.map((s) => (
          <StateBox key={s} state={s} path={path} onFocus={setFocus} />
        ))}
      </svg>
      <figcaption>
        <Legend />
        {shown && (
          <p className="sd-note" aria-live="polite">
            <strong>{shown}</strong> — {t(`state.${shown}`)}
          </p>
        )}
      </figcaption>
    </figure>
  )
}

function StateBox({
  state,
  path,
  onFocus
}: {
  readonly state: TcpState
  readonly path: DiagramPath
  readonly onFocus: (s: TcpState | null) => void
}): ReactElement {
  const { t } = useTranslation('teach')
  const { x, y } = POSITIONS[state]
  const visits = path.visits.filter((v) => v.state === state)
  const seen = visits.some((v) => v.since !== null)
  const inferred = visits.length > 0 && !seen
  const time = visits.reduce<number | null>((n, v) => (v.ms === null ? n : (n ?? 0) + v.ms), null)
  const cls = [
    'sd-state',
    seen && 'seen',
    inferred && 'inferred',
    path.current === state && 'current'
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <g
      className={cls}
      data-state={state}
      tabIndex={0}
      role="button"
      aria-label={t(
        path.current === state
          ? 'diagram.stateCurrent'
          : seen
            ? 'diagram.stateVisited'
            : inferred
              ? 'diagram.stateInferred'
              : 'diagram.stateAria',
        { state }
      )}
      onMouseEnter={() => onFocus(state)}
      onMouseLeave={() => onFocus(null)}
      onFocus={() => onFocus(state)}
      onBlur={() => onFocus(null)}
    >
      <title>{t(`state.${state}`)}</title>
      <rect x={x - BOX.w / 2} y={y - BOX.h / 2} width={BOX.w} height={BOX.h} rx={8} />
      <text x={x} y={y + 4} textAnchor="middle">
        {state}
      </text>
      {time !== null && (
        <text x={x} y={y + BOX.h / 2 + 12} textAnchor="middle" className="sd-time">
          {formatDuration(time)}
        </text>
      )}
    </g>
  )
}

function Edge({ t, path }: { readonly t: Transition; readonly path: DiagramPath }): ReactElement {
  const walked = path.edges.find((e) => e.from === t.from && e.to === t.to)
  const a = POSITIONS[t.from]
  const b = POSITIONS[t.to]
  const len = Math.hypot(b.x - a.x, b.y - a.y)
  const n = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len }
  const bend = t.bend ?? 0
  const c = { x: (a.x + b.x) / 2 + n.x * bend, y: (a.y + b.y) / 2 + n.y * bend }
  const start = border(a, bend === 0 ? b : c)
  const end = border(b, bend === 0 ? a : c)
  // A bent line's label sits outside its bend, so twin lines keep their labels apart.
  const out = Math.sign(bend)
  const peak = {
    x: (a.x + b.x) / 2 + (n.x * bend) / 2 + n.x * out * 6,
    y: (a.y + b.y) / 2 + (n.y * bend) / 2 + n.y * out * 6
  }
  const anchor = n.x * out > 0.3 ? 'start' : n.x * out < -0.3 ? 'end' : 'middle'
  const cls = ['sd-edge', walked && 'walked', walked?.inferred && 'inferred']
    .filter(Boolean)
    .join(' ')
  return (
    <g className={cls} data-from={t.from} data-to={t.to}>
      <path
        d={`M${start.x},${start.y} Q${c.x},${c.y} ${end.x},${end.y}`}
        markerEnd={walked ? 'url(#sd-arrow-on)' : 'url(#sd-arrow)'}
      />
      <text x={peak.x} y={peak.y - 4} textAnchor={anchor} className="sd-label">
        {t.label}
      </text>
    </g>
  )
}

/** Where a line from a box's centre towards `to` leaves the box. */
function border(
  from: { x: number; y: number },
  to: { x: number; y: number }
): { x: number; y: number } {
  const dx = to.x - from.x
  const dy = to.y - from.y
  const k = Math.min(
    dx === 0 ? Infinity : BOX.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : BOX.h / 2 / Math.abs(dy)
  )
  return { x: from.x + dx * k, y: from.y + dy * k }
}

function Legend(): ReactElement {
  const { t } = useTranslation('teach')
  return (
    <ul className="sd-legend">
      <li className="seen">{t('diagram.legendSeen')}</li>
      <li className="inferred">{t('diagram.legendInferred')}</li>
      <li className="current">{t('diagram.legendCurrent')}</li>
    </ul>
  )
}
