// A TableRow for tests of pure code: a listener by default, with fields overridden.
import type { TableRow } from '../../src/shared/model'

export const row = (over: Partial<TableRow> = {}): TableRow => ({
  id: 'tcp:1',
  protocol: 'tcp',
  family: 'ipv4',
  unixType: null,
  localAddress: '127.0.0.1',
  localPort: 7007,
  remoteAddress: null,
  remotePort: null,
  state: 'LISTEN',
  sendQueue: 0,
  recvQueue: 0,
  inode: 1,
  peerInode: null,
  uid: 0,
  owners: [{ pid: 812, process: 'nginx', fd: 6 }],
  tcpInfo: null,
  timer: null,
  firstSeen: 0,
  history: [],
  closingSince: null,
  sessionId: null,
  listenerId: null,
  ...over
})
