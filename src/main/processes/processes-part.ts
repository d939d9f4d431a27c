// What the processes room keeps between calls: who each process is (cached), and the
// byte counters of the last answer, for rates.
import { ProcessRates } from '../../shared/process-groups'
import { ProcessDirectory } from './process-info'
import { ProcessIndex } from './process-index'

export class ProcessesPart {
  readonly directory = new ProcessDirectory()
  /** For a filtered tree, grouped afresh from the rows that match. */
  readonly rates = new ProcessRates()
  /** The unfiltered tree, kept from every poll's diff. */
  readonly index = new ProcessIndex()
  readonly indexRates: { lastAt: number | null } = { lastAt: null }
}
