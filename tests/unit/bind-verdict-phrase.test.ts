// Each verdict's phrase, said through the renderer's English locale, is the core's English
// sentence word for word; said in Korean, every placeholder and nested phrase is filled.
// The inputs cover every branch of bind-verdict.ts that picks words.
import { readFileSync } from 'node:fs'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { judgeBind } from '../../src/main/actions/bind-verdict'
import type { BindEnv } from '../../src/main/actions/bind-verdict'
import type { Phrase, PortHolderInfo } from '../../src/shared/actions-model'

const load = (lang: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      new URL(`../../src/renderer/src/i18n/locales/${lang}/port.json`, import.meta.url),
      'utf8'
    )
  ) as Record<string, unknown>

const i18n = i18next.createInstance()
void i18n.init({
  resources: { en: { port: load('en') }, ko: { port: load('ko') } },
  lng: 'en',
  defaultNS: 'port',
  interpolation: { escapeValue: false },
  initImmediate: false
})

// The renderer's sayPhrase (views/port/verdict-list.tsx), over a plain i18next instance.
function say(lng: string, p: Phrase): string {
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(p.params ?? {}))
    params[k] = typeof v === 'object' ? say(lng, v) : v
  return i18n.t(p.id, { ...params, lng, ns: 'port' })
}

const LINUX: BindEnv = {
  platform: 'linux',
  lowPortLimit: 1024,
  canBindLowPorts: false,
  defaultV6only: false,
  ephemeral: [32768, 60999],
  blind: false
}
const NOW = 100_000

function holder(extra: Partial<PortHolderInfo>): PortHolderInfo {
  const localAddress = extra.localAddress ?? '127.0.0.1'
  return {
    rowId: `r${Math.random()}`,
    protocol: 'tcp',
    family: localAddress.includes(':') ? 'ipv6' : 'ipv4',
    localAddress,
    localPort: 3000,
    remoteAddress: null,
    remotePort: null,
    state: 'LISTEN',
    role: 'listener',
    v6only: null,
    uid: 1000,
    user: 'dev',
    owners: [{ pid: 812, process: 'node', fd: 6 }],
    commandLine: null,
    leftBy: null,
    closedAt: null,
    timeWaitEndsAt: null,
    timeWaitEndsEstimated: false,
    sessionId: null,
    listenerId: null,
    ...extra
  }
}

const tw = (extra: Partial<PortHolderInfo>): PortHolderInfo =>
  holder({
    role: 'time-wait',
    state: 'TIME_WAIT',
    owners: [],
    remoteAddress: '127.0.0.1',
    remotePort: 40000,
    ...extra
  })

const HOLDER_SETS: readonly (readonly PortHolderInfo[])[] = [
  [],
  [holder({})],
  [holder({ localAddress: '0.0.0.0' })],
  [holder({ localAddress: '::' })],
  [holder({ localAddress: '::', v6only: true })],
  [holder({ localAddress: '::', v6only: false, owners: [{ pid: 9, process: null, fd: null }] })],
  [holder({ localAddress: '::1' })],
  [holder({ localAddress: '10.0.0.1', owners: [] })],
  [holder({ protocol: 'udp', state: null, role: 'bound', owners: [], uid: null, user: null })],
  [holder({ role: 'bound', state: null })],
  [holder({ role: 'bound', state: 'SYN_SENT' })],
  [tw({ closedAt: 90_000, timeWaitEndsAt: 130_000, leftBy: [{ pid: 7, process: 'curl', fd: 3 }] })],
  [
    tw({
      localPort: 40000,
      remotePort: 3000,
      closedAt: 90_000,
      timeWaitEndsAt: 130_000,
      timeWaitEndsEstimated: true
    })
  ],
  [tw({ localPort: 40000, remotePort: 40001 })],
  [
    holder({
      role: 'client',
      state: 'ESTABLISHED',
      localPort: 40000,
      remoteAddress: '127.0.0.1',
      remotePort: 5432
    })
  ],
  [
    holder({}),
    holder({ localAddress: '0.0.0.0', owners: [{ pid: 2, process: 'a', fd: 1 }] }),
    holder({ localAddress: '::', owners: [{ pid: 3, process: 'b', fd: 1 }] }),
    holder({ localAddress: '::1', owners: [{ pid: 4, process: 'c', fd: 1 }] })
  ]
]
const ENVS: readonly BindEnv[] = [
  LINUX,
  { ...LINUX, defaultV6only: null },
  { ...LINUX, platform: 'darwin' },
  { ...LINUX, blind: true }
]

describe('verdict phrases', () => {
  it('say in English exactly the sentence the core wrote, and fill every Korean placeholder', () => {
    let checked = 0
    const used = new Set<string>()
    const collect = (p: Phrase): void => {
      used.add(p.id)
      for (const v of Object.values(p.params ?? {})) if (typeof v === 'object') collect(v)
    }
    for (const holders of HOLDER_SETS)
      for (const env of ENVS)
        for (const target of ['127.0.0.1', '0.0.0.0', '::', '::1'])
          for (const probe of [null, true, false])
            for (const port of [3000, 80]) {
              const hs = holders.map((h) => ({
                ...h,
                localPort: h.localPort === 3000 ? port : h.localPort
              }))
              const v = judgeBind(target, port, hs, env, probe, NOW)
              expect(say('en', v.phrase)).toBe(v.sentence)
              const ko = say('ko', v.phrase)
              expect(ko).not.toMatch(/\{\{|verdict\.|undefined/)
              expect(ko).not.toBe(v.sentence)
              collect(v.phrase)
              checked++
            }
    // Every verdict template in the locale was reached (the view's own aria label aside).
    const keys = (o: object, at: string): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v as object, `${at}${k}.`) : [`${at}${k}`]
      )
    const templates = keys(load('en').verdict as object, 'verdict.').filter(
      (k) => k !== 'verdict.aria'
    )
    expect(templates.filter((k) => !used.has(k))).toEqual([])
    expect(checked).toBe(HOLDER_SETS.length * ENVS.length * 4 * 3 * 2)
  })
})
