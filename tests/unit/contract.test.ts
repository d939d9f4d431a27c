import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { z } from 'zod'
import { COMMANDS, ROOM_FILES } from '../../src/shared/commands'
import { COMMAND_NAMES, EVENT_NAMES, isCommandName, isEventName } from '../../src/shared/contract'
import { InspectorFailure, toInspectorError } from '../../src/shared/errors'
import { parseCommand } from '../../src/shared/parse-command'

const root = resolve(__dirname, '../..')

describe('the contract', () => {
  it('defines each command once, with a tuple schema for its arguments and a room', () => {
    expect(COMMAND_NAMES).toEqual(Object.keys(COMMANDS))
    for (const name of COMMAND_NAMES) {
      expect(COMMANDS[name].args).toBeInstanceOf(z.ZodTuple)
      expect(Object.keys(ROOM_FILES)).toContain(COMMANDS[name].room)
    }
  })

  it('has each command handled in the handlers file its room names', () => {
    for (const name of COMMAND_NAMES) {
      const file = resolve(root, ROOM_FILES[COMMANDS[name].room])
      expect(existsSync(file), file).toBe(true)
      expect(readFileSync(file, 'utf8'), `${name} in ${file}`).toContain(`'${name}'`)
    }
  })

  it('recognises its own command and event names and nothing else', () => {
    for (const name of COMMAND_NAMES) expect(isCommandName(name)).toBe(true)
    for (const name of EVENT_NAMES) expect(isEventName(name)).toBe(true)
    for (const bad of ['', 'app:Info', '__proto__', 'constructor', 42, null, undefined]) {
      expect(isCommandName(bad)).toBe(false)
      expect(isEventName(bad)).toBe(false)
    }
  })
})

describe('argument validation', () => {
  it('accepts app:info with no arguments', () => {
    expect(parseCommand('app:info', [])).toEqual({ name: 'app:info', args: [] })
  })

  it('rejects extra arguments with EINVAL and a sentence, not the command’s code name', () => {
    const err = catchFailure(() => parseCommand('app:info', ['surprise']))
    expect(err.code).toBe('EINVAL')
    expect(err.message).toMatch(/^The request had the wrong number or kind of values/)
    expect(err.message).not.toContain('app:info')
    expect(err.hint).toBeTruthy()
  })

  it('rejects arguments that are not a list', () => {
    expect(catchFailure(() => parseCommand('app:info', { 0: 'x' })).code).toBe('EINVAL')
  })

  it('rejects an unknown command with EUNKNOWNCMD, quoting a bounded part of the name', () => {
    const err = catchFailure(() => parseCommand('x'.repeat(10_000), []))
    expect(err.code).toBe('EUNKNOWNCMD')
    expect(err.message.length).toBeLessThan(200)
  })
})

describe('errors on the wire', () => {
  it('keep code, message and hint of an InspectorFailure', () => {
    const wire = toInspectorError(
      new InspectorFailure('EADDRINUSE', 'Port 80 is in use.', 'Pick another.')
    )
    expect(wire).toEqual({
      code: 'EADDRINUSE',
      message: 'Port 80 is in use.',
      hint: 'Pick another.'
    })
  })

  it('turn an unexpected Error into EINTERNAL without its stack', () => {
    const wire = toInspectorError(new TypeError('x is undefined'))
    expect(wire.code).toBe('EINTERNAL')
    expect(wire.message).toContain('x is undefined')
    expect(JSON.stringify(wire)).not.toMatch(/\bat .*\.ts:\d+/)
  })
})

function catchFailure(fn: () => unknown): InspectorFailure {
  try {
    fn()
  } catch (err) {
    if (err instanceof InspectorFailure) return err
    throw err
  }
  throw new Error('expected a failure')
}
