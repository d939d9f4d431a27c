// Validation of what a client sends (WebSocket, MessagePort or IPC: the same JSON text);
// the renderer is untrusted input.
import { z } from 'zod'
import type { ClientMessage } from '../../shared/wire'

const NAME_MAX = 64
const ARGS_MAX = 16

const clientMessage: z.ZodType<ClientMessage> = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('call'),
    id: z.number().int().nonnegative(),
    name: z.string().max(NAME_MAX),
    args: z.array(z.unknown()).max(ARGS_MAX)
  }),
  z.object({ t: z.literal('sub'), name: z.string().max(NAME_MAX) }),
  z.object({ t: z.literal('unsub'), name: z.string().max(NAME_MAX) }),
  z.object({ t: z.literal('ack'), bytes: z.number().int().nonnegative() })
])

/** The message in a client's text, or null when it is not one (never throws). */
export function parseClientMessage(text: unknown): ClientMessage | null {
  if (typeof text !== 'string') return null
  try {
    const result = clientMessage.safeParse(JSON.parse(text))
    return result.success ? result.data : null
  } catch {
    return null
  }
}
