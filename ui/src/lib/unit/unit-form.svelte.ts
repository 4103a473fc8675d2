// The unit's settings as the form edits them: load, save, and the backend's
// problems by field.

import type { ErrorBody, Field, Problem, Unit } from '../bindings';
import { call, errorBody } from '../ipc';

export class UnitForm {
  unit = $state<Unit | null>(null);
  problems = $state.raw<Problem[]>([]);
  failure = $state.raw<ErrorBody | null>(null);
  saving = $state(false);
  #saved = $state.raw<Unit | null>(null);

  dirty = $derived(
    this.unit !== null && this.#saved !== null && JSON.stringify(this.unit) !== JSON.stringify(this.#saved),
  );

  async load(): Promise<void> {
    try {
      const unit = await call('unit_get');
      this.unit = unit;
      this.#saved = unit;
    } catch (e) {
      this.failure = errorBody(e);
    }
  }

  problemsOf(field: Field): Problem[] {
    return this.problems.filter((p) => p.field === field);
  }

  /** A field was edited: its old problem no longer applies. */
  edited(field: Field): void {
    this.problems = this.problems.filter((p) => p.field !== field);
  }

  /** Saves; the cleaned unit, or null when refused. */
  async save(): Promise<Unit | null> {
    if (!this.unit || this.saving) return null;
    this.saving = true;
    this.failure = null;
    try {
      const saved = await call('unit_save', { unit: $state.snapshot(this.unit) });
      this.unit = saved;
      this.#saved = saved;
      this.problems = [];
      return saved;
    } catch (e) {
      const body = errorBody(e);
      if (body.code === 'invalid') this.problems = body.problems;
      else this.failure = body;
      return null;
    } finally {
      this.saving = false;
    }
  }
}
