// An in-process Inspector as the InspectorApi the renderer's stores take: each command goes
// to Inspector.call, events to Inspector.on (no transport; the stores cannot tell).
import type { Inspector } from '../../src/main/inspector'
import type { InspectorApi } from '../../src/shared/contract'

export function apiOf(ins: Inspector): InspectorApi {
  return new Proxy({} as InspectorApi, {
    get: (_t, name: string) =>
      name === 'on'
        ? ins.on.bind(ins)
        : (...args: unknown[]) => ins.call(name as never, args as never)
  })
}
