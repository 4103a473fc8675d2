import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../App.svelte';
import { FakeData } from '../../test/fake-data';
import { schoolBackend } from '../../test/school';

describe('App — data-safety warnings', () => {
  it('the status line says there is a warning, and it leads to the data page that shows it', async () => {
    const school = schoolBackend();
    school.info.warnings = ['Tệp dữ liệu \\\\nas\\vanthu\\chungthu.db nằm trên ổ mạng.'];
    const data = new FakeData();
    mockIPC((command, args) => (command in data.handlers ? data.handle(command, args) : school.handle(command, args)));
    render(App);
    const user = userEvent.setup();

    const warning = await screen.findByTestId('status-warning');
    expect(warning.textContent).toContain('Có 1 cảnh báo về dữ liệu');
    await user.click(warning);
    expect((await screen.findByTestId('data-warning')).textContent).toContain('nằm trên ổ mạng');
    expect(screen.getByTestId('nav-data').getAttribute('aria-current')).toBe('page');
  });
});
