import { mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBackend, USUAL_POSITIONS } from '../../test/fake-backend';
import { schoolBackend } from '../../test/school';
import StaffPage from './StaffPage.svelte';

function setup(fake: FakeBackend = schoolBackend()) {
  mockIPC(fake.handle);
  const user = userEvent.setup();
  render(StaffPage, { usualPositions: USUAL_POSITIONS });
  return { fake, user };
}

const rows = () => screen.queryAllByTestId('staff-row');
const names = () => rows().map((r) => r.querySelector('.full-name')?.textContent);

describe('StaffPage', () => {
  it('lists the people at work with the counts of the whole register', async () => {
    setup();
    await waitFor(() => expect(rows()).toHaveLength(21));

    const counts = screen.getByTestId('staff-counts').textContent?.replace(/\s+/g, ' ');
    expect(counts).toContain('21 đang công tác');
    expect(counts).toContain('2 đã nghỉ');
    expect(counts).toContain('3 cần kiểm tra');
    expect(names(), 'people who left are not in the default view').not.toContain('Hà Văn Sơn');

    const ngoc = rows().find((r) => r.textContent?.includes('Đặng Thị Hồng Ngọc'));
    expect(ngoc, 'the row shows the birth date as dd/mm/yyyy').toBeTruthy();
    expect(ngoc?.textContent).toContain('14/03/1990');
    expect(within(ngoc as HTMLElement).getByTestId('staff-flag').textContent, 'a flag says so in words').toContain(
      'Cần kiểm tra',
    );
    expect(screen.getAllByTestId('staff-flag'), 'only the three flagged people carry the badge').toHaveLength(3);
  });

  it('sends what the user types as the search and shows the answer', async () => {
    const { fake, user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(21));

    await user.type(screen.getByTestId('staff-search'), 'hồng ngọc');
    await waitFor(() => expect(names()).toEqual(['Đặng Thị Hồng Ngọc']));

    const last = fake.callsTo('staff_list').at(-1);
    expect(last?.query.search, 'the text arrives as typed; folding is the backend’s job').toBe('hồng ngọc');
    expect(last?.query.offset).toBe(0);
    expect(
      fake.callsTo('staff_list').length,
      'typing is debounced: far fewer list calls than keystrokes',
    ).toBeLessThan(5);
  });

  it('filters by status, position and “Cần kiểm tra”', async () => {
    const { fake, user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(21));

    await user.click(screen.getByTestId('status-left'));
    await waitFor(() => expect(names()).toEqual(['Chu Thị Ánh', 'Hà Văn Sơn']));
    expect(fake.callsTo('staff_list').at(-1)?.query.status).toBe('left');
    expect(rows()[0]?.textContent).toContain('Đã nghỉ');

    await user.click(screen.getByTestId('status-active'));
    await user.click(screen.getByTestId('filter-flagged'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(fake.callsTo('staff_list').at(-1)?.query.flagged_only).toBe(true);

    await user.click(screen.getByTestId('filter-flagged'));
    await user.selectOptions(screen.getByTestId('filter-position'), 'Phó hiệu trưởng');
    await waitFor(() => expect(names()).toEqual(['Phạm Thị Thu Hà', 'Trần Văn Hùng']));
    expect(fake.callsTo('staff_list').at(-1)?.query.position).toBe('Phó hiệu trưởng');
  });

  it('never renders the whole of a large register: pages of 200, “Xem thêm” for the next', async () => {
    const fake = new FakeBackend();
    for (let i = 0; i < 450; i++) fake.seed({ full_name: `Nguyễn Văn Số ${'ABCDEFGHIJ'[i % 10]}`, cccd: '' });
    const { user } = setup(fake);

    await waitFor(() => expect(rows()).toHaveLength(200));
    expect(screen.getByText(/Đang hiện 200 \/ 450 người/)).toBeTruthy();

    await user.click(screen.getByTestId('staff-more'));
    await waitFor(() => expect(rows()).toHaveLength(400));
    expect(fake.callsTo('staff_list').at(-1)?.query).toMatchObject({ offset: 200, limit: 200 });

    await user.click(screen.getByTestId('staff-more'));
    await waitFor(() => expect(rows()).toHaveLength(450));
    expect(screen.queryByTestId('staff-more'), 'nothing more to load').toBeNull();
  });

  it('works from the keyboard: Enter on a row opens it with focus in Họ và tên, Esc returns to the row', async () => {
    const { user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(21));
    const row = rows()[2] as HTMLElement;
    row.focus();
    await user.keyboard('{Enter}');
    const name = await screen.findByTestId('field-full_name');
    expect((name as HTMLInputElement).value).toBe(row.querySelector('.full-name')?.textContent);
    await waitFor(() => expect(document.activeElement).toBe(name));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('staff-panel')).toBeNull());
    expect(document.activeElement, 'focus goes back where the user was').toBe(row);
  });

  it('opens a person from the list and adds a new one with Enter', async () => {
    const { fake, user } = setup();
    await waitFor(() => expect(rows()).toHaveLength(21));

    await user.click(rows().find((r) => r.textContent?.includes('Lý Thị Phương')) as HTMLElement);
    const name = (await screen.findByTestId('field-full_name')) as HTMLInputElement;
    expect(name.value).toBe('Lý Thị Phương');
    expect((screen.getByTestId('field-birth_date') as HTMLInputElement).value).toBe('23/06/1986');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('staff-panel')).toBeNull());

    await user.click(screen.getByTestId('staff-add'));
    await user.type(await screen.findByTestId('field-full_name'), 'Nguyễn Thị Minh Châu');
    await user.type(screen.getByTestId('field-cccd'), '031197001234');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(screen.queryByTestId('staff-panel')).toBeNull());
    expect(fake.callsTo('staff_add').at(-1)?.input).toMatchObject({
      full_name: 'Nguyễn Thị Minh Châu',
      cccd: '031197001234',
    });
    await waitFor(() => expect(names()).toContain('Nguyễn Thị Minh Châu'));
    expect(screen.getByTestId('staff-counts').textContent?.replace(/\s+/g, ' ')).toContain('22 đang công tác');
  });
});
