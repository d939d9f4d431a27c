// Runs one action in a process of its own (the test may start it as `nobody`) and prints its
// outcome as JSON: how the app behaves without the privilege an action needs.
import { Inspector } from '../../src/main/inspector'
import { Actions } from '../../src/main/actions/actions'
import { toInspectorError } from '../../src/shared/errors'

async function main(): Promise<void> {
  const [what, arg] = process.argv.slice(2)
  const inspector = new Inspector({ shell: 'test' })
  const actions = new Actions({
    shell: 'test',
    sessions: inspector.sessions,
    clients: inspector.clients,
    table: inspector.table
  })
  try {
    const value =
      what === 'close'
        ? await actions.close(JSON.parse(arg!))
        : await actions.stop(JSON.parse(arg!))
    process.stdout.write(JSON.stringify({ ok: true, value }))
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, error: toInspectorError(err) }))
  } finally {
    await inspector.close()
  }
}

void main()
