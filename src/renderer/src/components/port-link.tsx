// Anywhere a port is in the way (an EADDRINUSE error), a link to "Who holds this port?".
import { createContext } from 'react'

export const PortLink = createContext<((port: number, protocol: 'tcp' | 'udp') => void) | null>(
  null
)
