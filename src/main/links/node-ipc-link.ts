// The wire protocol over Node's child_process IPC channel (the core host forked by a test or
// a tool under plain Node). The channel gives no count of unread bytes, so the link counts
// what it handed to process.send and what the channel has written since.
import type { PeerLink } from '../wire-peer'

export interface IpcChannel {
  send?: (
    message: unknown,
    handle?: undefined,
    options?: object,
    done?: (err: Error | null) => void
  ) => boolean
  disconnect?: () => void
}

export function nodeIpcLink(channel: IpcChannel): PeerLink {
  let unread = 0
  return {
    write: (text, done) => {
      if (!channel.send) return done(new Error('ERR_IPC_CHANNEL_CLOSED'))
      unread += text.length
      channel.send(text, undefined, {}, (err) => {
        unread -= text.length
        done(err)
      })
    },
    unreadBytes: () => unread,
    // There is one client on this channel: closing it is the parent's call, so just stop.
    close: (code, reason) => {
      console.warn(`core host: closing the IPC channel (${code} ${reason})`)
      channel.disconnect?.()
    }
  }
}
