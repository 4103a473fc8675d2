// Dates as the user sees them. The backend stores "yyyy-mm-dd" and accepts
// "dd/mm/yyyy" (also "d/m/yyyy"); the window always shows dd/mm/yyyy.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;

const two = (n: number): string => String(n).padStart(2, '0');

/** "1985-03-07" → "07/03/1985"; empty for null or anything not a stored date. */
export function isoToVn(iso: string | null | undefined): string {
  const m = iso ? ISO.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** Birth date for the list: the full date, or the year alone when only that is known. */
export function birthText(date: string | null, year: number | null): string {
  return isoToVn(date) || (year === null ? '' : String(year));
}

/** Today's local date as dd/mm/yyyy. */
export function todayVn(now: Date = new Date()): string {
  return `${two(now.getDate())}/${two(now.getMonth() + 1)}/${now.getFullYear()}`;
}

/** A stored UTC time ("2026-03-05T02:30:00Z") as the local "05/03/2026 09:30"; empty for null. */
export function localTime(utc: string | null): string {
  if (!utc) return '';
  const d = new Date(utc);
  if (Number.isNaN(d.getTime())) return utc;
  return `${todayVn(d)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/**
 * Pads what the user typed ("7/3/1985", "7.3.1985") to "07/03/1985" when it
 * has the shape of a date; anything else is returned unchanged, so the
 * backend's check can say what is wrong with it.
 */
export function tidyVnDate(text: string): string {
  const m = VN.exec(text);
  if (!m) return text;
  return `${two(Number(m[1]))}/${two(Number(m[2]))}/${m[3]}`;
}
