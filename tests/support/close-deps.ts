// What the close path's tests hand closeSocket: a loopback connection of another process, and
// the dependencies of `platform` with the kernel's (or Windows') answer fixed to `code`.
// Neither SOCK_DESTROY of a foreign socket as non-root nor SetTcpEntry can run here.
import type { CloseDeps } from '../../src/main/actions/close-socket'
import type { CloseRequest } from '../../src/shared/actions-model'

export const CLOSE_REQ: CloseRequest = {
  protocol: 'tcp',
  local: { address: '127.0.0.1', port: 40312 },
  remote: { address: '127.0.0.1', port: 5000 }
}

export const foreignClose = (platform: string, code = 0): CloseDeps => ({
  platform,
  findOwn: () => null,
  destroy: async () => code,
  deleteTcb: async () => code
})
