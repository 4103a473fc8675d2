import { mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';
import { call, errorBody, IpcError } from './ipc';

describe('call', () => {
  it('passes the arguments under their Rust names and returns the reply', async () => {
    const seen: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return { id: 7 };
    });
    await expect(call('staff_get', { id: 7 })).resolves.toEqual({ id: 7 });
    expect(seen).toEqual([['staff_get', { id: 7 }]]);
  });

  it('rejects with the backend’s ErrorBody so callers act on the code', async () => {
    mockIPC(() => {
      throw { code: 'refused', message: 'Không xoá được.', problems: [] };
    });
    const error = await call('staff_delete', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect((error as IpcError).body).toEqual({ code: 'refused', message: 'Không xoá được.', problems: [] });
  });
});

describe('errorBody', () => {
  it('turns a bare string from Tauri itself into an internal error in Vietnamese', () => {
    const body = errorBody('command staff_foo not found');
    expect(body.code).toBe('internal');
    expect(body.message).toContain('command staff_foo not found');
    expect(body.message).toContain('mở lại ChungThu');
  });
});
