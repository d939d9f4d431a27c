// The certificate a TLS echo server shows: the user's (PEM files they name), or the app's
// own self-signed one for localhost, made on first use with `selfsigned` and kept in the
// config folder so clients that pinned it keep trusting it across restarts.
import { X509Certificate } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { InspectorFailure } from '../../shared/errors'
import type { TlsServerSpec } from '../../shared/model'

/** How long the app's own certificate is good for. */
export const SELF_SIGNED_DAYS = 825
const CERT_FILE = 'echo-tls-cert.pem'
const KEY_FILE = 'echo-tls-key.pem'

export interface TlsMaterial {
  readonly cert: string
  readonly key: string
  readonly selfSigned: boolean
  readonly subject: string | null
  readonly validTo: string | null
}

/** "CN=localhost, O=…" from an X.509 subject ("CN=localhost\nO=…"). */
export function oneLine(subject: string): string {
  return subject.split('\n').filter(Boolean).join(', ')
}

function describe(cert: string, key: string, selfSigned: boolean): TlsMaterial {
  const x509 = new X509Certificate(cert)
  return { cert, key, selfSigned, subject: oneLine(x509.subject), validTo: x509.validTo }
}

async function readPem(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (err) {
    throw new InspectorFailure(
      (err as NodeJS.ErrnoException).code ?? 'EIO',
      `Cannot read the ${what} file ${path}.`,
      'Check the path, and that this user may read it.'
    )
  }
}

async function userMaterial(certPath: string, keyPath: string): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([
    readPem(certPath, 'certificate'),
    readPem(keyPath, 'private key')
  ])
  try {
    return describe(cert, key, false)
  } catch {
    throw new InspectorFailure(
      'EBADCERT',
      `${certPath} is not a PEM certificate.`,
      'Give a file that starts with -----BEGIN CERTIFICATE-----.'
    )
  }
}

async function makeSelfSigned(): Promise<{ cert: string; key: string }> {
  const notAfter = new Date(Date.now() + SELF_SIGNED_DAYS * 86_400_000)
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' }
        ]
      }
    ]
  })
  return { cert: pems.cert, key: pems.private }
}

/**
 * The app's own certificate: read from `dir` if made before and still valid, else made now
 * (and kept there). Without a folder it lives as long as the process.
 */
export class SelfSignedStore {
  private cached: Promise<TlsMaterial> | null = null

  constructor(private readonly dir: string | null) {}

  get(): Promise<TlsMaterial> {
    this.cached ??= this.load().catch((err: unknown) => {
      this.cached = null
      throw err
    })
    return this.cached
  }

  private async load(): Promise<TlsMaterial> {
    if (this.dir !== null) {
      try {
        const [cert, key] = await Promise.all([
          readFile(join(this.dir, CERT_FILE), 'utf8'),
          readFile(join(this.dir, KEY_FILE), 'utf8')
        ])
        const material = describe(cert, key, true)
        if (new Date(material.validTo ?? 0).getTime() > Date.now()) return material
      } catch {
        // Not made yet, or unreadable: make a new one below.
      }
    }
    const { cert, key } = await makeSelfSigned()
    if (this.dir !== null) {
      await mkdir(this.dir, { recursive: true, mode: 0o700 })
      await writeFile(join(this.dir, KEY_FILE), key, { mode: 0o600 })
      await writeFile(join(this.dir, CERT_FILE), cert, { mode: 0o644 })
    }
    return describe(cert, key, true)
  }
}

export async function tlsMaterial(spec: TlsServerSpec, own: SelfSignedStore): Promise<TlsMaterial> {
  if (spec.certPath && spec.keyPath) return userMaterial(spec.certPath, spec.keyPath)
  if (spec.certPath || spec.keyPath) {
    throw new InspectorFailure(
      'EINVAL',
      'A TLS server needs both a certificate and its private key, or neither.',
      'Give both files, or leave both empty to use the app’s own self-signed certificate.'
    )
  }
  return own.get()
}
