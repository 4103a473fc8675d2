// The state of the staff form: what is typed, what the backend says about
// it (checked as the user types), and saving. The backend is the only judge
// of validity; the form just shows its verdict under the right field.

import type { ErrorBody, Field, Problem, Saved, Staff, StaffInput } from '../bindings';
import { call, errorBody } from '../ipc';
import { emptyInput, inputOf, sameInput } from './input';

/** Typing pauses this long before the backend checks the form. */
export const CHECK_DELAY_MS = 250;

export class StaffForm {
  readonly id: number | null;
  readonly person: Staff | null;
  input: StaffInput = $state(emptyInput());
  problems = $state.raw<Problem[]>([]);
  saving = $state(false);
  /** A failure that is not about a field (database busy, person gone…). */
  failure = $state.raw<ErrorBody | null>(null);
  /** Problems show for fields the user has been in, or for all after a save attempt. */
  #touched = $state<Partial<Record<Field, true>>>({});
  #showAll = $state(false);
  #initial = $state.raw<StaffInput>(emptyInput());
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;

  dirty = $derived(!sameInput(this.input, this.#initial));
  errors = $derived(this.problems.filter((p) => p.severity === 'error'));
  warnings = $derived(this.problems.filter((p) => p.severity === 'warning'));

  constructor(person: Staff | null) {
    this.person = person;
    this.id = person?.id ?? null;
    this.#initial = person ? inputOf(person) : emptyInput();
    this.input = { ...this.#initial };
    // A stored person's open warnings are worth seeing at once; a new form
    // should not greet the user with "Họ và tên: chưa nhập".
    this.#showAll = person !== null;
    if (person) void this.check();
  }

  /** Visible problems of one field. */
  problemsOf(field: Field): Problem[] {
    if (!this.#showAll && !this.#touched[field]) return [];
    return this.problems.filter((p) => p.field === field);
  }

  /** The user changed `field`: check again once typing pauses. */
  edited(field: Field): void {
    this.#touched[field] = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.check(), CHECK_DELAY_MS);
  }

  async check(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const problems = await call('staff_check', { input: $state.snapshot(this.input), id: this.id });
      if (generation === this.#generation) this.problems = problems;
    } catch (e) {
      // A failed check is not fatal: saving will tell the user what is wrong.
      if (generation === this.#generation) this.failure = errorBody(e);
    }
  }

  /** Saves; null when refused (problems or failure then say why). */
  async save(): Promise<Saved | null> {
    if (this.saving) return null;
    clearTimeout(this.#timer);
    ++this.#generation;
    this.saving = true;
    this.failure = null;
    try {
      const input = $state.snapshot(this.input);
      const saved =
        this.id === null ? await call('staff_add', { input }) : await call('staff_edit', { id: this.id, input });
      this.problems = saved.warnings;
      this.#initial = inputOf(saved.staff);
      return saved;
    } catch (e) {
      const body = errorBody(e);
      this.#showAll = true;
      if (body.code === 'invalid') this.problems = body.problems;
      else this.failure = body;
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Stops a pending check (the form is closing). */
  dispose(): void {
    clearTimeout(this.#timer);
    ++this.#generation;
  }
}
