import { describe, expect, it } from 'vitest';
import { schoolBackend } from '../../test/school';
import { emptyInput, inputOf, sameInput } from './input';

describe('inputOf', () => {
  it('gives the form dd/mm/yyyy dates and empty text for missing values', () => {
    const person = schoolBackend().staff.find((s) => s.full_name === 'Phan Quốc Bảo');
    if (!person) throw new Error('sample school has Phan Quốc Bảo');
    const input = inputOf(person);
    expect(input.birth_date).toBe('11/01/1995');
    expect(input.cccd_issued_on, 'no issue date stored').toBe('');
    expect(input.notes).toBe('');
  });

  it('keeps a lone birth year as the year, so editing does not lose it', () => {
    const person = schoolBackend().staff.find((s) => s.full_name === 'Cao Văn Lộc');
    expect(person && inputOf(person).birth_date).toBe('1968');
  });
});

describe('sameInput', () => {
  it('ignores spaces around text but not real changes', () => {
    const a = { ...emptyInput(), full_name: 'Mai Thị Thảo' };
    expect(sameInput(a, { ...a, full_name: ' Mai Thị Thảo ' })).toBe(true);
    expect(sameInput(a, { ...a, gender: 'female' })).toBe(false);
    expect(sameInput(a, { ...a, phone: '0912345678' })).toBe(false);
  });
});
