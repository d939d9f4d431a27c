// What the settings file holds, defined once: the core validates the file and every
// `settings:set` against it, and the renderer reads its types. Each value has a default,
// so a file from an older version (or a missing key) loads as defaults for what it lacks.
import { z } from 'zod'
import { MAX_RULE_CHARS, MAX_RULES, parseRule } from './alert-rules'
import { pollRate, tableSourceId } from './schema'

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

/** The Connections view's own state (filter, sort, columns…): its shape is the view's. */
const connectionsSettings = z.record(z.string().max(64), z.unknown())
/** The Echo view's saved servers and payloads: their shape is the echo room's. */
const echoSettings = z.record(z.string().max(64), z.unknown())

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
  connections: connectionsSettings.default({}),
  echo: echoSettings.default({}),
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
