// The window's only door to the backend: the Tauri commands of
// src-tauri/src/lib.rs, typed by the command map and the bindings generated
// from the Rust code. Every failure arrives as an `IpcError` carrying the
// backend's `{code, message, problems}`, so components act on `code`, never
// on the words.

import { invoke } from '@tauri-apps/api/core';
import type { ErrorBody } from './bindings';
import type { Commands } from './commands';

export type { Commands };
export type Command = keyof Commands;

/** A command that failed; `body` is what the backend said. */
export class IpcError extends Error {
  readonly body: ErrorBody;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'IpcError';
    this.body = body;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

/** Whatever the IPC threw, as an ErrorBody (a bare string comes from Tauri itself). */
export function errorBody(e: unknown): ErrorBody {
  if (e instanceof IpcError) return e.body;
  if (isErrorBody(e)) return { code: e.code, message: e.message, problems: e.problems ?? [] };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'internal',
    message: `Chương trình gặp lỗi không mong đợi (${detail}). Hãy đóng và mở lại ChungThu; nếu vẫn lỗi, báo cho người hỗ trợ.`,
    problems: [],
  };
}

/** Calls one backend command. */
export async function call<C extends Command>(
  command: C,
  ...args: Commands[C]['args'] extends Record<string, never> ? [] : [Commands[C]['args']]
): Promise<Commands[C]['reply']> {
  try {
    return await invoke<Commands[C]['reply']>(command, args[0] ?? {});
  } catch (e) {
    throw new IpcError(errorBody(e));
  }
}
