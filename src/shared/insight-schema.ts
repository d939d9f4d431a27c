// Argument schemas of the processes, names and history commands (zod; checked where the
// call lands).
import { z } from 'zod'

/** The most addresses one names:hosts call may ask about (a screenful and then some). */
export const MAX_HOST_ADDRESSES = 2_000

export const processFilter = z.string().max(500)
/** The processes whose socket ids process:tree lists (the expanded ones). */
export const expandPids = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
  )
  .max(1_000)
/** IP addresses only: a reverse lookup never resolves a name. */
export const hostAddresses = z.array(z.union([z.ipv4(), z.ipv6()])).max(MAX_HOST_ADDRESSES)
export const namesOptions = z.strictObject({ reverseDns: z.boolean() })
export const historyOptions = z.strictObject({ enabled: z.boolean() })
