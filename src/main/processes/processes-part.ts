// What the processes room keeps between calls: who each process is (cached), and the
// byte counters of the last answer, for rates.
import { ProcessRates } from '../../shared/process-groups'
import { ProcessDirectory } from './process-info'

export class ProcessesPart {
  readonly directory = new ProcessDirectory()
  readonly rates = new ProcessRates()
}
