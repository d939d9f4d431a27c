// Every source's words for a socket state, mapped to the kernel's names. Unknown words are
// kept (upper-cased) rather than guessed.

const WORDS: Readonly<Record<string, string>> = {
  // Linux kernel / netstat / lsof
  LISTEN: 'LISTEN',
  ESTABLISHED: 'ESTABLISHED',
  SYN_SENT: 'SYN_SENT',
  SYN_RECV: 'SYN_RECV',
  FIN_WAIT1: 'FIN_WAIT1',
  FIN_WAIT2: 'FIN_WAIT2',
  TIME_WAIT: 'TIME_WAIT',
  CLOSE: 'CLOSE',
  CLOSE_WAIT: 'CLOSE_WAIT',
  LAST_ACK: 'LAST_ACK',
  CLOSING: 'CLOSING',
  NEW_SYN_RECV: 'NEW_SYN_RECV',
  UNCONN: 'UNCONN',
  // ss
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  // macOS netstat and lsof, Windows netstat
  SYN_RCVD: 'SYN_RECV',
  SYN_RECEIVED: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  CLOSED: 'CLOSE',
  LISTENING: 'LISTEN',
  BOUND: 'BOUND',
  DELETE_TCB: 'CLOSE',
  // German Windows (netstat -an), including ABHÖREN as printed in CP850 and read as cp1252
  ABHÖREN: 'LISTEN',
  'ABH™REN': 'LISTEN',
  HERGESTELLT: 'ESTABLISHED',
  WARTEND: 'TIME_WAIT',
  SCHLIESSEN_WARTEN: 'CLOSE_WAIT',
  FIN_WARTEN_1: 'FIN_WAIT1',
  FIN_WARTEN_2: 'FIN_WAIT2',
  SYN_GESENDET: 'SYN_SENT',
  SYN_EMPFANGEN: 'SYN_RECV',
  LETZTE_BEST: 'LAST_ACK',
  SCHLIESSEND: 'CLOSING',
  GESCHLOSSEN: 'CLOSE'
}

export function normalizeState(word: string | null | undefined): string | null {
  if (!word) return null
  const w = word
    .trim()
    .replace(/^\(|\)$/g, '')
    .toUpperCase()
  if (!w) return null
  return WORDS[w] ?? WORDS[word.trim()] ?? w
}
