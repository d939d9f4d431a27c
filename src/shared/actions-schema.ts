// The actions room's argument schemas: what socket:close, process:stop, port:who and
// port:free accept, checked where the call lands (the renderer and the CLI are untrusted).
import { z } from 'zod'
import { STOP_WAIT_MS } from './actions-model'
import { id, ip, port, remotePort, socketPath, tableProtocol } from './schema'

const endpoint = z.strictObject({
  address: z.union([ip, z.literal('*'), z.literal(''), socketPath], {
    error: 'an address is an IP address such as 127.0.0.1 or ::1'
  }),
  port: port.nullable()
})

export const closeRequest = z.strictObject({
  protocol: z.enum(['tcp', 'udp', 'unix']),
  local: endpoint,
  remote: endpoint,
  mode: z.enum(['graceful', 'reset']).optional(),
  sessionId: id.optional()
})

const pid = z
  .number({ error: 'a pid is a whole number from 1 up' })
  .int({ error: 'a pid is a whole number from 1 up' })
  .min(1, { error: 'a pid is a whole number from 1 up' })
  .max(2 ** 31 - 1, { error: 'a pid is a whole number from 1 up' })

export const stopRequest = z.strictObject({
  pid,
  force: z.boolean().optional(),
  otherUser: z.boolean().optional(),
  waitMs: z
    .number()
    .int()
    .min(0)
    .max(STOP_WAIT_MS.max, { error: `wait at most ${STOP_WAIT_MS.max} ms` })
    .optional()
})

export const portQuery = z.strictObject({
  port: remotePort,
  protocol: tableProtocol.optional(),
  address: ip.optional()
})

export const freePortQuery = z.strictObject({
  near: remotePort,
  protocol: tableProtocol.optional(),
  address: ip.optional()
})
