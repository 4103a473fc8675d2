/** Takes the user to a field to fix: focused, and scrolled clear of sticky bars. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus({ preventScroll: true });
  // jsdom (component tests) has no layout and no scrollIntoView.
  el.scrollIntoView?.({ block: 'center' });
}
