// The selected session's calls as a sequence diagram, beside the app's socket at the other
// end: what each side did and when, and what the kernel reported meanwhile. It refreshes as
// the session changes.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import type { InspectorError, Session, SessionCalls } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { layoutSequence } from './sequence-layout'
import type { PlacedStep, SequenceLayout } from './sequence-layout'

const LANE_W = 250
const ROW_H = 26
const TOP = 56
const AXIS_W = 70

export function CallSequence({
  api,
  session
}: {
  readonly api: InspectorApi
  readonly session: Session
}): ReactElement {
  const { t } = useTranslation('teach')
  const [calls, setCalls] = useState<SessionCalls | null>(null)
  const [error, setError] = useState<InspectorError | null>(null)
  // Each change the core reports (bytes, state, kernel view) may add a step.
  const version = `${session.chunksIn}/${session.chunksOut}/${session.state}/${session.kernel?.state ?? ''}`
  useEffect(() => {
    let live = true
    api['session:calls'](session.id).then(
      (c) => live && (setCalls(c), setError(null)),
      (e: InspectorError) => live && setError(e)
    )
    return () => {
      live = false
    }
  }, [api, session.id, version])
  return (
    <section className="panel call-sequence" aria-label={t('calls.aria', { id: session.id })}>
      <header>
        <h2>{t('calls.title')}</h2>
        <span className="muted">{t('calls.subtitle')}</span>
      </header>
      {error ? <ErrorNote error={error} /> : null}
      {calls ? <SequenceSvg calls={calls} /> : <p className="muted">{t('calls.loading')}</p>}
    </section>
  )
}

function SequenceSvg({ calls }: { readonly calls: SessionCalls }): ReactElement {
  const { t } = useTranslation('teach')
  const layout = layoutSequence(calls.lanes, {
    eof: t('calls.eof'),
    kernel: (state) => t('calls.kernel', { state })
  })
  const width = AXIS_W + LANE_W * calls.lanes.length
  const height = TOP + ROW_H * (layout.steps.length + 1)
  const x = (lane: number): number => AXIS_W + LANE_W * lane + LANE_W / 2
  const y = (row: number): number => TOP + ROW_H * row + ROW_H / 2
  return (
    <div className="sequence-scroll">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('calls.svgAria', { steps: layout.steps.map((s) => s.text).join('; ') })}
      >
        <defs>
          <marker
            id="seq-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="seq-arrowhead" />
          </marker>
        </defs>
        {calls.lanes.map((lane, i) => (
          <g key={lane.id} className="seq-lane">
            <text x={x(i)} y={18} textAnchor="middle" className="seq-lane-title">
              {lane.id}
            </text>
            <text x={x(i)} y={34} textAnchor="middle" className="seq-lane-label">
              {lane.role === 'listener'
                ? t('calls.listening', { address: lane.address })
                : `${t(lane.role === 'client' ? 'calls.client' : 'calls.accepted')} · ${lane.address}`}
            </text>
            <line x1={x(i)} y1={TOP - 8} x2={x(i)} y2={height - 4} />
            {lane.dropped > 0 ? (
              <text x={x(i)} y={46} textAnchor="middle" className="seq-dropped">
                {t('calls.dropped', { count: lane.dropped })}
              </text>
            ) : null}
          </g>
        ))}
        <Arrows layout={layout} x={x} y={y} />
        {layout.steps.map((s) => (
          <Step key={s.row} s={s} x={x(s.lane)} y={y(s.row)} start={layout.start} />
        ))}
      </svg>
    </div>
  )
}

function Arrows({
  layout,
  x,
  y
}: {
  readonly layout: SequenceLayout
  readonly x: (lane: number) => number
  readonly y: (row: number) => number
}): ReactElement {
  return (
    <g className="seq-arrows">
      {layout.arrows.map((a) => {
        const dir = Math.sign(x(a.to.lane) - x(a.from.lane))
        const x1 = x(a.from.lane) + dir * 8
        const x2 = x(a.to.lane) - dir * 8
        return (
          <g key={`${a.from.row}-${a.to.row}`}>
            <line x1={x1} y1={y(a.from.row)} x2={x2} y2={y(a.to.row)} markerEnd="url(#seq-arrow)" />
            <text
              x={(x1 + x2) / 2}
              y={(y(a.from.row) + y(a.to.row)) / 2 - 4}
              textAnchor="middle"
              className="seq-arrow-label"
            >
              {a.label}
            </text>
          </g>
        )
      })}
    </g>
  )
}

function Step({
  s,
  x,
  y,
  start
}: {
  readonly s: PlacedStep
  readonly x: number
  readonly y: number
  readonly start: number
}): ReactElement {
  const kernel = s.step.kind === 'state'
  return (
    <g className={`seq-step ${kernel ? 'kernel' : 'call'}`} data-kind={s.step.kind}>
      <text x={8} y={y + 4} className="seq-time">
        +{formatOffset(s.step.at - start)}
      </text>
      <rect x={x - 115} y={y - 10} width={230} height={20} rx={kernel ? 10 : 4} />
      <text x={x} y={y + 4} textAnchor="middle">
        {s.text}
      </text>
    </g>
  )
}

function formatOffset(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}
