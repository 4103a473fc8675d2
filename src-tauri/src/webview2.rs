//! The WebView2 runtime that draws the window on Windows. Windows 11 has it;
//! some Windows 10 PCs do not, and without it the webview library shows an
//! English box pointing to a download page — no use to an offline school.
//! ChungThu checks first and says in Vietnamese what is missing and how to
//! install it from a USB stick.

/// True when the window can be drawn. On Windows without the runtime, the
/// user has been told why not (the box has been closed) when this returns.
pub fn runtime_ready() -> bool {
    #[cfg(windows)]
    {
        // An absent runtime gives an error, or (older loaders) an empty version.
        if tauri::webview_version().is_ok_and(|v| !v.is_empty()) {
            return true;
        }
        show_missing();
        false
    }
    #[cfg(not(windows))]
    true
}

#[cfg(windows)]
fn show_missing() {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MB_SETFOREGROUND, MessageBoxW};
    // scripts/wine/check-webview2.sh looks for this title under Wine.
    const TITLE: &str = "ChungThu — máy chưa có WebView2";
    const TEXT: &str = "ChungThu chưa mở được: máy này chưa có «Microsoft Edge WebView2 Runtime», \
        thành phần của Windows mà ChungThu dùng để hiện cửa sổ. Windows 11 có sẵn thành phần này; \
        một số máy Windows 10 chưa có.\r\n\r\n\
        Cách cài khi không có Internet:\r\n\
        1. Trên một máy có Internet, tải bộ cài ngoại tuyến «Evergreen Standalone Installer» (x64) \
        ở trang Microsoft Edge WebView2 và chép tệp MicrosoftEdgeWebView2RuntimeInstallerX64.exe vào USB.\r\n\
        2. Cắm USB vào máy này và chạy tệp đó (hoặc nhờ bộ phận tin học cài).\r\n\
        3. Mở lại ChungThu.\r\n\r\n\
        Dữ liệu của ChungThu không bị ảnh hưởng.";
    let wide = |s: &str| s.encode_utf16().chain(std::iter::once(0)).collect::<Vec<u16>>();
    let (text, title) = (wide(TEXT), wide(TITLE));
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the call; no owner window.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR | MB_SETFOREGROUND,
        );
    }
}
