// A dialog's form on its way to the backend: busy while the backend works;
// an "invalid" answer becomes the problems shown under their fields, any
// other failure one line for the whole form.

import type { Field, Problem } from '../bindings';
import { errorBody } from '../ipc';

export class Submission {
  problems = $state.raw<Problem[]>([]);
  failure = $state('');
  saving = $state(false);

  /** The problems of one field. */
  of = (field: Field): Problem[] => this.problems.filter((p) => p.field === field);

  /** Runs `work` (which calls the backend) with `saving` set; a refusal lands in `problems` or `failure`. */
  async run(work: () => Promise<void>): Promise<void> {
    this.saving = true;
    try {
      await work();
    } catch (err) {
      const body = errorBody(err);
      if (body.code === 'invalid') this.problems = body.problems;
      else this.failure = body.message;
    } finally {
      this.saving = false;
    }
  }
}
