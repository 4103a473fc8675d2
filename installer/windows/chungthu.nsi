; ChungThu installer for Windows 10/11 (64-bit), built on Linux with
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 \
;            -DSRC_DIR=<folder with the three files> -DICON=<icon.ico> \
;            -DOUTFILE=<setup.exe> installer/windows/chungthu.nsi
; (scripts/build-windows.sh does this). Tauri's own NSIS bundling needs an
; Internet download on Linux; this script needs nothing but Debian's nsis.
;
; Per user, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\ChungThu, shortcuts to the user's Start menu and
; desktop, the uninstall entry to HKCU. The register itself lives in
; %APPDATA%\ChungThu and is never touched by installing or updating; the
; uninstaller deletes it only when the user ticks the box for it.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
; The app and the CLI share most of their code and data (the same crates):
; a dictionary larger than both lets LZMA store the shared parts once
; (7.5 MB with the default 8 MB dictionary, 5.15 MB with 32 MB).
SetCompressorDictSize 32
RequestExecutionLevel user

!macro Require SYMBOL
  !ifndef ${SYMBOL}
    !error "Thiếu -D${SYMBOL}: hãy dựng bộ cài bằng scripts/build-windows.sh."
  !endif
!macroend
!insertmacro Require VERSION
!insertmacro Require VERSION4
!insertmacro Require SRC_DIR
!insertmacro Require ICON
!insertmacro Require OUTFILE

!define APP_NAME "ChungThu"
!define APP_TITLE "ChungThu - Quản lý chứng thư số"
!define APP_EXE "chungthu-app.exe"
!define CLI_EXE "chungthu.exe"
!define LOADER_DLL "WebView2Loader.dll"
!define UNINSTALLER "uninstall.exe"
!define PUBLISHER "ChungThu"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ChungThu"
!define APP_KEY "Software\ChungThu"
; Where the register is (chungthu-api's paths.rs: the roaming app-data folder).
!define DATA_DIR "$APPDATA\ChungThu"
; WebView2's own cache for this app (Tauri: %LOCALAPPDATA%\<identifier>).
!define WEBVIEW_DATA_DIR "$LOCALAPPDATA\vn.edu.chungthu"
; The Evergreen WebView2 Runtime's client id in EdgeUpdate's registry keys.
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${APP_TITLE}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\ChungThu"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir"
BrandingText "ChungThu ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_TITLE}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Giấy phép MIT"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING

!define MUI_WELCOMEPAGE_TITLE "Cài đặt ChungThu ${VERSION}"
!define MUI_WELCOMEPAGE_TEXT "Chương trình quản lý chứng thư số của cán bộ, giáo viên sẽ được cài cho tài khoản Windows này. Không cần quyền quản trị, không cần Internet.$\r$\n$\r$\nNếu máy đã có ChungThu, bản mới sẽ thay bản cũ. Danh sách cán bộ, chứng thư số và các bản sao lưu đã có được giữ nguyên.$\r$\n$\r$\nHãy đóng ChungThu (nếu đang mở) rồi bấm «Tiến» để tiếp tục."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "Đã cài xong ChungThu"
!define MUI_FINISHPAGE_TEXT "ChungThu ${VERSION} đã được cài. Biểu tượng «${APP_TITLE}» có trên màn hình nền và trong menu Start.$\r$\n$\r$\nDữ liệu được lưu trong thư mục %APPDATA%\ChungThu."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ChungThu ngay"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "ChungThu sẽ được gỡ khỏi máy. Dữ liệu (danh sách cán bộ, chứng thư số, bản sao lưu) được giữ lại, trừ khi bạn chọn xoá ở bước sau."
!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_TEXT_TOP "Chọn những gì cần gỡ. Chỉ đánh dấu ô «Xoá cả dữ liệu» khi chắc chắn không cần dữ liệu nữa hoặc đã có bản sao lưu ở nơi khác."
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; Sets $R0 to the installed WebView2 Runtime version, or "" when none.
; EdgeUpdate registers it per machine (HKLM) or per user (HKCU), under
; WOW6432Node on 64-bit Windows; the installer is a 32-bit program, so both
; registry views are read.
!macro ReadWebView2Version ROOT SUBKEY
  ${If} $R0 == ""
    ReadRegStr $R0 ${ROOT} "${SUBKEY}" "pv"
    ${If} $R0 == "0.0.0.0"
      StrCpy $R0 ""
    ${EndIf}
  ${EndIf}
!macroend

Function FindWebView2
  StrCpy $R0 ""
  ${If} ${RunningX64}
    SetRegView 64
    !insertmacro ReadWebView2Version HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}"
    !insertmacro ReadWebView2Version HKLM "SOFTWARE\${WEBVIEW2_CLIENT}"
    !insertmacro ReadWebView2Version HKCU "Software\WOW6432Node\${WEBVIEW2_CLIENT}"
    !insertmacro ReadWebView2Version HKCU "Software\${WEBVIEW2_CLIENT}"
  ${EndIf}
  SetRegView 32
  !insertmacro ReadWebView2Version HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}"
  !insertmacro ReadWebView2Version HKLM "SOFTWARE\${WEBVIEW2_CLIENT}"
  !insertmacro ReadWebView2Version HKCU "Software\WOW6432Node\${WEBVIEW2_CLIENT}"
  !insertmacro ReadWebView2Version HKCU "Software\${WEBVIEW2_CLIENT}"
  SetRegView default
FunctionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "ChungThu cần Windows 64-bit (Windows 10 hoặc 11). Máy này đang chạy Windows 32-bit nên không cài được.$\r$\n$\r$\nHãy cài trên máy khác hoặc nhờ bộ phận tin học hỗ trợ." /SD IDOK
    Abort
  ${EndIf}

  Call FindWebView2
  ${If} $R0 == ""
    MessageBox MB_ICONEXCLAMATION|MB_YESNO|MB_DEFBUTTON1 "Máy này chưa có «Microsoft Edge WebView2 Runtime», thành phần của Windows mà ChungThu dùng để hiện cửa sổ. Windows 11 có sẵn thành phần này; một số máy Windows 10 chưa có.$\r$\n$\r$\nCách cài khi không có Internet:$\r$\n  • Nhờ bộ phận tin học cài «Microsoft Edge WebView2 Runtime», hoặc$\r$\n  • Chép từ USB bộ cài ngoại tuyến MicrosoftEdgeWebView2RuntimeInstallerX64.exe (bản «Evergreen Standalone Installer» của Microsoft) vào máy rồi chạy nó.$\r$\n$\r$\nCó thể cài ChungThu ngay bây giờ và cài WebView2 sau; ChungThu chỉ mở được khi đã có WebView2.$\r$\n$\r$\nTiếp tục cài ChungThu?" /SD IDYES IDYES webview_ok
    Abort
    webview_ok:
  ${EndIf}
FunctionEnd

; Windows cannot replace a program that is running: ask the user to close
; ChungThu (the window, or the chungthu command in a console) first.
!macro WaitUntilClosed FILE
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${FILE}"
      ${Break}
    ${EndIf}
    ; Windows lets a running program be renamed but not opened for writing;
    ; "a" (append) opens without changing a byte.
    ClearErrors
    FileOpen $0 "$INSTDIR\${FILE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    MessageBox MB_ICONEXCLAMATION|MB_RETRYCANCEL "ChungThu đang mở. Hãy đóng cửa sổ ChungThu (và cửa sổ dòng lệnh đang chạy chungthu, nếu có) rồi bấm «Thử lại»." /SD IDCANCEL IDRETRY +2
    Abort "ChungThu đang mở nên chưa thay được tệp chương trình."
  ${Loop}
!macroend

Section "ChungThu" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro WaitUntilClosed "${APP_EXE}"
  !insertmacro WaitUntilClosed "${CLI_EXE}"

  File "${SRC_DIR}\${APP_EXE}"
  File "${SRC_DIR}\${LOADER_DLL}"
  File "${SRC_DIR}\${CLI_EXE}"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_TITLE}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.Chương trình ChungThu" SecUnApp
  SectionIn RO
  !insertmacro WaitUntilClosed "${APP_EXE}"
  !insertmacro WaitUntilClosed "${CLI_EXE}"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${LOADER_DLL}"
  Delete "$INSTDIR\${UNINSTALLER}"
  ; Not /r: only an empty folder is removed, never something the user put there.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_TITLE}.lnk"
  Delete "$DESKTOP\${APP_TITLE}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
SectionEnd

; Unticked by default, so a silent uninstall (/S) keeps the data too.
Section /o "un.Xoá cả dữ liệu (danh sách cán bộ, chứng thư số, bản sao lưu trong %APPDATA%\ChungThu)" SecUnData
  MessageBox MB_ICONEXCLAMATION|MB_YESNO|MB_DEFBUTTON2 "Xoá vĩnh viễn toàn bộ dữ liệu ChungThu trong thư mục ${DATA_DIR}, kể cả các bản sao lưu trong đó?$\r$\n$\r$\nKhông thể khôi phục sau khi xoá." /SD IDNO IDYES delete_data
  DetailPrint "Giữ lại dữ liệu trong ${DATA_DIR}."
  Goto data_done
  delete_data:
  RMDir /r "${DATA_DIR}"
  RMDir /r "${WEBVIEW_DATA_DIR}"
  data_done:
SectionEnd
