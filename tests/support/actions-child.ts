// Runs one action in a process of its own (the test may start it as `nobody`) and prints its
// outcome as JSON: how the app behaves without the privilege an action needs.
import { Inspector } from '../../src/main/inspector'
import { invoke } from '../../src/main/dispatch'
import { toInspectorError } from '../../src/shared/errors'

async function main(): Promise<void> {
  const [what, arg] = process.argv.slice(2)
  const inspector = new Inspector({ shell: 'test' })
  try {
    const value =
      what === 'close'
        ? await invoke(inspector, 'socket:close', JSON.parse(arg!))
        : await invoke(inspector, 'process:stop', JSON.parse(arg!))
    process.stdout.write(JSON.stringify({ ok: true, value }))
  } catch (err) {
    process.stdout.write(JSON.stringify({ ok: false, error: toInspectorError(err) }))
  } finally {
    await inspector.close()
  }
}

void main()
