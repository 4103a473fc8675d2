// Short confirmations ("Đã lưu …") shown in a corner and read out by screen
// readers; they go away by themselves.

export type Toast = { id: number; text: string };

const SHOW_MS = 4000;
let next = 1;

export const toasts = $state<Toast[]>([]);

export function notify(text: string): void {
  const id = next++;
  toasts.push({ id, text });
  setTimeout(() => dismiss(id), SHOW_MS);
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}
