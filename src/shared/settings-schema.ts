// What the settings file holds, defined once: the core validates the file and every
// `settings:set` against it, and the renderer reads its types. Each value has a default,
// so a file from an older version (or a missing key) loads as defaults for what it lacks.
import { z } from 'zod'
import { MAX_RULE_CHARS, MAX_RULES, parseRule } from './alert-rules'
import { connectionsSettingsSchema } from './connections-settings-schema'
import { LIMITS } from './limits'
import { listenerSpec, pollRate, tableSourceId } from './schema'

/** The file's format version; a file with a higher one is kept aside, not read. */
export const SETTINGS_VERSION = 1

/** Bounds for lists the user grows, so the file stays small. */
export const SETTINGS_LIMITS = { viewName: 40 } as const

const theme = z.enum(['system', 'light', 'dark'])
const language = z.enum(['system', 'en', 'ko'])

const tableSettings = z.strictObject({
  source: tableSourceId.optional(),
  rateHz: pollRate.optional()
})

/** The Connections view's own state (filter, sort, columns…): connections-settings.ts. */
const connectionsSettings = connectionsSettingsSchema.default(() =>
  connectionsSettingsSchema.parse({})
)
// ── The Echo view's saved payloads and servers (the echo room's) ──
/** Bounds on what the Echo view saves, so the settings file stays small. */
export const ECHO_SAVED_LIMITS = {
  payloads: 50,
  servers: 20,
  nameChars: 60,
  /** A saved payload's text; a bigger one (a file's bytes) is sent, not saved. */
  payloadChars: 64 * 1024
} as const

export const savedPayload = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: 'a saved payload needs a name' })
    .max(ECHO_SAVED_LIMITS.nameChars, {
      error: `a name is at most ${ECHO_SAVED_LIMITS.nameChars} characters`
    }),
  data: z.string().max(ECHO_SAVED_LIMITS.payloadChars, {
    error: `a saved payload is at most ${ECHO_SAVED_LIMITS.payloadChars} characters; send bigger ones from a file`
  }),
  encoding: z.enum(['text', 'hex']),
  repeat: z.number().int().min(LIMITS.repeat.min).max(LIMITS.repeat.max).optional(),
  intervalMs: z.number().int().min(LIMITS.intervalMs.min).max(LIMITS.intervalMs.max).optional()
})
export type SavedPayload = z.output<typeof savedPayload>

export const savedServer = z.strictObject({
  spec: listenerSpec,
  /** The core starts it when it starts (the desktop app, or serve). */
  startOnLaunch: z.boolean()
})
export type SavedServer = z.output<typeof savedServer>

const echoSettings = z.strictObject({
  savedPayloads: z.array(savedPayload).max(ECHO_SAVED_LIMITS.payloads).default([]),
  savedServers: z.array(savedServer).max(ECHO_SAVED_LIMITS.servers).default([])
})
export type EchoSettings = z.output<typeof echoSettings>

/** The user's alert rules (alert-rules.ts has the grammar); a bad rule is refused by name. */
const alertRule = z
  .strictObject({
    id: z.string().min(1).max(64),
    text: z.string().max(MAX_RULE_CHARS),
    enabled: z.boolean()
  })
  .superRefine((rule, ctx) => {
    const parsed = parseRule(rule.text)
    if (!parsed.ok)
      ctx.addIssue({ code: 'custom', message: `rule "${rule.text}": ${parsed.message}` })
  })
const alertsSettings = z.strictObject({
  rules: z.array(alertRule).max(MAX_RULES).default([]),
  /** Desktop (Electron) or browser notifications beside the in-app list. */
  notify: z.boolean().default(true)
})

export const settingsShape = {
  theme: theme.default('system'),
  language: language.default('system'),
  lastView: z.string().max(SETTINGS_LIMITS.viewName).default('connections'),
  table: tableSettings.default({}),
  connections: connectionsSettings,
  echo: echoSettings.default({ savedPayloads: [], savedServers: [] }),
  /** Destructive actions (close a connection, stop a process) ask first unless this is off. */
  confirmDestructive: z.boolean().default(true),
  alerts: alertsSettings.default({ rules: [], notify: true })
}

export const settingsSchema = z.strictObject(settingsShape)
export type Settings = z.output<typeof settingsSchema>

/** A `settings:set` argument: any of the top-level keys, each replaced whole. */
export const settingsPatch = z.strictObject(
  Object.fromEntries(
    Object.entries(settingsShape).map(([key, schema]) => [key, schema.removeDefault().optional()])
  ) as {
    [K in keyof typeof settingsShape]: z.ZodOptional<
      ReturnType<(typeof settingsShape)[K]['removeDefault']>
    >
  }
)
export type SettingsPatch = z.output<typeof settingsPatch>

/** The file on disk: the version beside the values. */
export const settingsFile = z.object({ version: z.number().int().min(1), settings: z.unknown() })

export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}
