; Installer of CCHC Desktop, compiled by makensis from packaging/windows.py (python3 tasks.py installer).
; Defines given by the build: VERSION, SOURCE (the staged folder), OUTFILE, INSTALLED_KB.
;
; Installs for the current user without administrator rights, under
; %LOCALAPPDATA%\Programs\CCHC Desktop, with Start-menu and desktop shortcuts and the .cchc
; file type (HKCU\Software\Classes).  /S installs silently.  /ALLUSERS (run as administrator)
; installs for every user of the PC under Program Files, shortcuts and file type for all.
; The uninstaller removes the program only: the officer's .cchc files, backups and settings
; (%APPDATA%\CCHC) stay.

; A 64-bit installer: the program is 64-bit anyway, and it runs under wine64 alone (tests).
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 64
RequestExecutionLevel user
ManifestDPIAware true

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh

!define APP "CCHC Desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CCHCDesktop"
!define PROGID "CCHCDesktop.TepDuLieu"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
BrandingText "${APP} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${APP}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APP}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "CCHC Desktop; Python: PSF License (LICENSE-Python.txt)"

Var AllUsers

!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Chương trình sẽ cài ${APP} ${VERSION} cho người dùng này (không cần quyền quản trị).$\r$\n$\r$\nDữ liệu của đơn vị (tệp .cchc, tệp sao lưu) không nằm trong thư mục chương trình và không bị xóa khi gỡ cài đặt.$\r$\n$\r$\nNhấn Tiếp để tiếp tục."
!define MUI_FINISHPAGE_RUN "$INSTDIR\cchc-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    ; Program Files and HKLM need an administrator: say so rather than fail half-way
    UserInfo::GetAccountType
    Pop $R3
    ${If} $R3 != "admin"
      SetErrorLevel 740   ; ERROR_ELEVATION_REQUIRED
      MessageBox MB_ICONSTOP "Cài cho mọi người dùng (/ALLUSERS) cần quyền quản trị: hãy chạy bộ cài bằng “Run as administrator”, hoặc bỏ /ALLUSERS để cài cho riêng người dùng này." /SD IDOK
      Abort
    ${EndIf}
    StrCpy $AllUsers 1
    ; the per-user default, read before the context changes what $LOCALAPPDATA names
    StrCpy $R2 "$LOCALAPPDATA\Programs\${APP}"
    SetShellVarContext all
    ; /D= given on the command line wins over the default folder
    ${If} $INSTDIR == $R2
      StrCpy $INSTDIR "$PROGRAMFILES64\${APP}"
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; A newer version replaces the program's files; nothing of the user's lives here.
  RMDir /r "$INSTDIR\lib"
  RMDir /r "$INSTDIR\Python"
  File /r "${SOURCE}\*.*"
  ${If} $AllUsers == 1
    FileOpen $0 "$INSTDIR\all-users" w
    FileClose $0
  ${EndIf}
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\cchc-desktop.exe" "" "$INSTDIR\cchc-desktop.exe" 0
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\cchc-desktop.exe" "" "$INSTDIR\cchc-desktop.exe" 0

  ; .cchc opens in the program (HKCU for this user, HKLM with /ALLUSERS: SHCTX follows the context)
  WriteRegStr SHCTX "Software\Classes\.cchc" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "Tệp dữ liệu CCHC"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\cchc-desktop.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\cchc-desktop.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\cchc-desktop.exe"
  WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" ${INSTALLED_KB}
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Function un.onInit
  ${If} ${FileExists} "$INSTDIR\all-users"
    SetShellVarContext all
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  Delete "$DESKTOP\${APP}.lnk"
  ReadRegStr $0 SHCTX "Software\Classes\.cchc" ""
  ${If} $0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\.cchc"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey SHCTX "${UNINST_KEY}"
  ; Only what the installer put here: the user's files are elsewhere and stay.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\lib"
  Delete "$INSTDIR\cchc.exe"
  Delete "$INSTDIR\cchc-desktop.exe"
  Delete "$INSTDIR\LICENSE-Python.txt"
  Delete "$INSTDIR\LICENSE-fonts.txt"
  Delete "$INSTDIR\all-users"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
