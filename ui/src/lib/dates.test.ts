import { describe, expect, it } from 'vitest';
import { birthText, isoToVn, localTime, tidyVnDate, todayVn } from './dates';

describe('isoToVn', () => {
  it('turns a stored date into dd/mm/yyyy', () => {
    expect(isoToVn('1985-03-07')).toBe('07/03/1985');
    expect(isoToVn('2001-12-31')).toBe('31/12/2001');
  });

  it('shows nothing for a missing or malformed value rather than garbage', () => {
    expect(isoToVn(null)).toBe('');
    expect(isoToVn(undefined)).toBe('');
    expect(isoToVn('')).toBe('');
    expect(isoToVn('07/03/1985')).toBe('');
    expect(isoToVn('1985-3-7')).toBe('');
  });
});

describe('birthText', () => {
  it('prefers the full date and falls back to the year alone', () => {
    expect(birthText('1990-01-02', 1990)).toBe('02/01/1990');
    expect(birthText(null, 1978)).toBe('1978');
    expect(birthText(null, null)).toBe('');
  });
});

describe('todayVn', () => {
  it('formats the local date with zero padding', () => {
    expect(todayVn(new Date(2025, 0, 5))).toBe('05/01/2025');
    expect(todayVn(new Date(2024, 11, 31))).toBe('31/12/2024');
  });
});

describe('localTime', () => {
  it('shows a stored UTC time in the computer’s time zone, dd/mm/yyyy hh:mm', () => {
    const utc = '2026-03-05T02:30:00Z';
    const local = new Date(utc);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(localTime(utc)).toBe(`${todayVn(local)} ${two(local.getHours())}:${two(local.getMinutes())}`);
    expect(localTime(utc)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it('leaves nothing for null and an unreadable value as it is', () => {
    expect(localTime(null)).toBe('');
    expect(localTime('hôm qua')).toBe('hôm qua');
  });
});

describe('tidyVnDate', () => {
  it('pads day and month typed without zeros', () => {
    expect(tidyVnDate('7/3/1985')).toBe('07/03/1985');
    expect(tidyVnDate(' 7.3.1985 ')).toBe('07/03/1985');
    expect(tidyVnDate('07-03-1985')).toBe('07/03/1985');
  });

  it('leaves text that is not a date untouched for the backend to judge', () => {
    expect(tidyVnDate('1985')).toBe('1985');
    expect(tidyVnDate('')).toBe('');
    expect(tidyVnDate('1985-03-07')).toBe('1985-03-07');
    expect(tidyVnDate('hôm qua')).toBe('hôm qua');
  });
});
