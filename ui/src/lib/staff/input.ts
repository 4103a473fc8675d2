// Converting between a stored person and the text the form edits.

import type { Staff, StaffInput } from '../bindings';
import { birthText, isoToVn } from '../dates';

/** A blank form. */
export function emptyInput(): StaffInput {
  return {
    full_name: '',
    birth_date: '',
    gender: null,
    position: '',
    team: '',
    staff_code: '',
    cccd: '',
    cccd_issued_on: '',
    phone: '',
    email: '',
    notes: '',
  };
}

/** The form's text for a stored person: dates as dd/mm/yyyy, a lone birth year as the year. */
export function inputOf(s: Staff): StaffInput {
  return {
    full_name: s.full_name,
    birth_date: birthText(s.birth_date, s.birth_year),
    gender: s.gender,
    position: s.position ?? '',
    team: s.team ?? '',
    staff_code: s.staff_code ?? '',
    cccd: s.cccd ?? '',
    cccd_issued_on: isoToVn(s.cccd_issued_on),
    phone: s.phone ?? '',
    email: s.email ?? '',
    notes: s.notes ?? '',
  };
}

/** True when two inputs would save the same thing (ignoring surrounding spaces). */
export function sameInput(a: StaffInput, b: StaffInput): boolean {
  return (Object.keys(a) as (keyof StaffInput)[]).every((k) => {
    const x = a[k];
    const y = b[k];
    return typeof x === 'string' && typeof y === 'string' ? x.trim() === y.trim() : x === y;
  });
}
