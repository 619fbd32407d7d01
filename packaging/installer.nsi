; Windows installer for Kinerja Desktop (NSIS 3, Unicode), in the manner of Picard's and Electrum's.
;
;   makensis /DVERSION=0.1.0 /DVERSION4=0.1.0.0 /DDIST_DIR=..\dist\kinerja-desktop ^
;            /DOUT_FILE=..\dist\KinerjaDesktop-0.1.0-setup.exe packaging\installer.nsi
;
; (packaging\build-windows.ps1 installer does exactly this.) Paths given on the command line are relative
; to this script's folder. /DFAST stores files uncompressed: CI compiles this script on Linux against the
; Linux bundle as a stand-in, only to check the script.
;
; Installs for the current user without administrator rights (%LOCALAPPDATA%\Programs\Kinerja Desktop,
; HKCU) - government workstations often deny them - and for all users (Program Files, HKLM) when run
; elevated ("Run as administrator"). Command-line switches: /S silent, /ALLUSERS, /CURRENTUSER, /D=folder,
; /EN English pages. The pages are in Indonesian (NSIS's Indonesian language file) whatever the language of
; Windows (offices often run an English Windows); English is the fallback, with /EN.
; The uninstaller removes the program only: the user's data (%LOCALAPPDATA%\Kinerja Desktop: databases,
; evidence files, backups) stays where it is.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=0.1.0 /DVERSION4=0.1.0.0 ..."
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\dist\kinerja-desktop"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\dist\KinerjaDesktop-${VERSION}-setup.exe"
!endif

!define PRODUCT "Kinerja Desktop"
!define EXE "kinerja-desktop.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\KinerjaDesktop"
!define APP_KEY "Software\Classes\Applications\${EXE}"
!define PROGID_BACKUP "KinerjaDesktop.Cadangan"
!define PROGID_PACKAGE "KinerjaDesktop.PaketData"
; The verb the file associations run: kinerja-desktop.exe open "FILE".
!define OPEN_COMMAND '"$INSTDIR\${EXE}" open "%1"'

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "FileDescription" "Pemasang ${PRODUCT}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Hak cipta ${PRODUCT}"

Var AllUsers ; 1 = for all users (elevated), 0 = for the current user

; --- pages ----------------------------------------------------------------------------------------------

!define MUI_ICON "..\resources\icons\kinerja-desktop.ico"
!define MUI_UNICON "..\resources\icons\kinerja-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunProgram)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: the language .onInit selects; English second, for /EN.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

; Our own texts, in both languages (makensis -WX fails when one is missing).
LangString RunProgram ${LANG_INDONESIAN} "Jalankan ${PRODUCT}"
LangString RunProgram ${LANG_ENGLISH} "Run ${PRODUCT}"
LangString SecDesktopName ${LANG_INDONESIAN} "Pintasan di desktop"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString SecAssociateName ${LANG_INDONESIAN} "Buka berkas .kinerja-backup dan .kinerja-paket dengan ${PRODUCT}"
LangString SecAssociateName ${LANG_ENGLISH} "Open .kinerja-backup and .kinerja-paket files with ${PRODUCT}"
LangString SecProgramText ${LANG_INDONESIAN} "Program ${PRODUCT} dan pintasan di menu Start."
LangString SecProgramText ${LANG_ENGLISH} "The ${PRODUCT} program and its Start menu shortcut."
LangString SecDesktopText ${LANG_INDONESIAN} "Pintasan ${PRODUCT} di desktop."
LangString SecDesktopText ${LANG_ENGLISH} "A ${PRODUCT} shortcut on the desktop."
LangString SecAssociateText ${LANG_INDONESIAN} "Berkas cadangan dan paket data lapangan dibuka dengan ${PRODUCT} bila diklik dua kali."
LangString SecAssociateText ${LANG_ENGLISH} "Backups and field data packages open in ${PRODUCT} when double-clicked."
LangString NeedsAdmin ${LANG_INDONESIAN} "Pemasangan untuk semua pengguna memerlukan hak administrator: jalankan sebagai administrator."
LangString NeedsAdmin ${LANG_ENGLISH} "Installing for all users needs administrator rights: run as administrator."

; Indonesian pages, unless /EN asks for English.
!macro ChooseLanguage
  StrCpy $LANGUAGE ${LANG_INDONESIAN}
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/EN" $1
  ${IfNot} ${Errors}
    StrCpy $LANGUAGE ${LANG_ENGLISH}
  ${EndIf}
!macroend

; --- file associations (HKCU for the current user, HKLM for all users: SHCTX) ----------------------

!macro Associate EXTENSION PROGID DESCRIPTION
  WriteRegStr SHCTX "Software\Classes\${EXTENSION}" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${EXTENSION}\OpenWithProgids" "${PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "${DESCRIPTION}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '${OPEN_COMMAND}'
  WriteRegStr SHCTX "${APP_KEY}\SupportedTypes" "${EXTENSION}" ""
!macroend

!macro Unassociate EXTENSION PROGID
  DeleteRegValue SHCTX "Software\Classes\${EXTENSION}\OpenWithProgids" "${PROGID}"
  ReadRegStr $0 SHCTX "Software\Classes\${EXTENSION}" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue SHCTX "Software\Classes\${EXTENSION}" ""
  ${EndIf}
  DeleteRegKey /ifempty SHCTX "Software\Classes\${EXTENSION}\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\${EXTENSION}"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
!macroend

; --- installing -----------------------------------------------------------------------------------------

Section "${PRODUCT}" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An update replaces the program folder completely, so no file of an older version stays behind.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  ${If} $AllUsers == 1
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}" /ALLUSERS'
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /ALLUSERS /S'
  ${Else}
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}" /CURRENTUSER'
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /CURRENTUSER /S'
  ${EndIf}
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
  ; "Open with" knows the program by name.
  WriteRegStr SHCTX "${APP_KEY}" "FriendlyAppName" "${PRODUCT}"
  WriteRegStr SHCTX "${APP_KEY}\shell\open\command" "" '${OPEN_COMMAND}'
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

Section "$(SecAssociateName)" SecAssociate
  !insertmacro Associate ".kinerja-backup" "${PROGID_BACKUP}" "Cadangan ${PRODUCT}"
  !insertmacro Associate ".kinerja-paket" "${PROGID_PACKAGE}" "Paket data ${PRODUCT}"
  ; Tell Explorer, so the icons change without a restart (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd


!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(SecProgramText)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SecDesktopText)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAssociate} "$(SecAssociateText)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; For all users when elevated, unless /CURRENTUSER; /ALLUSERS without elevation is refused.
!macro ChooseMode UN
Function ${UN}ChooseMode
  UserInfo::GetAccountType
  Pop $0
  StrCpy $AllUsers 0
  ${If} $0 == "Admin"
    StrCpy $AllUsers 1
  ${EndIf}
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/CURRENTUSER" $2
  ${IfNot} ${Errors}
    StrCpy $AllUsers 0
  ${EndIf}
  ClearErrors
  ${GetOptions} $1 "/ALLUSERS" $2
  ${IfNot} ${Errors}
  ${AndIf} $0 != "Admin"
    MessageBox MB_ICONSTOP "$(NeedsAdmin)$\n(/ALLUSERS)" /SD IDOK
    SetErrorLevel 740 ; ERROR_ELEVATION_REQUIRED
    Quit
  ${EndIf}
  ${If} $AllUsers == 1
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
FunctionEnd
!macroend
!insertmacro ChooseMode ""
!insertmacro ChooseMode "un."

Function .onInit
  !insertmacro ChooseLanguage
  ; $INSTDIR holds /D=folder when one was given, else the per-user default above. Compare before
  ; ChooseMode: under SetShellVarContext all, $LOCALAPPDATA names another folder.
  StrCpy $R9 "$INSTDIR"
  StrCpy $R8 "$LOCALAPPDATA\Programs\${PRODUCT}"
  Call ChooseMode
  ${If} $AllUsers == 1
  ${AndIf} ${RunningX64}
    SetRegView 64
  ${EndIf}
  ${If} $R9 == $R8
    ${If} $AllUsers == 1
      StrCpy $INSTDIR "$PROGRAMFILES64\${PRODUCT}"
    ${EndIf}
    ; An update goes where the previous version is.
    ReadRegStr $0 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
    ${If} $0 != ""
      StrCpy $INSTDIR $0
    ${EndIf}
  ${EndIf}
FunctionEnd

; --- uninstalling ---------------------------------------------------------------------------------------

Section "Uninstall"
  ; The program's own files only, by name: never a recursive delete of $INSTDIR, in case someone chose a
  ; folder that also holds documents. The data folder (%LOCALAPPDATA%\Kinerja Desktop) is not touched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"

  !insertmacro Unassociate ".kinerja-backup" "${PROGID_BACKUP}"
  !insertmacro Unassociate ".kinerja-paket" "${PROGID_PACKAGE}"
  DeleteRegKey SHCTX "${APP_KEY}"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ; The parent key the installation may have created, removed only when nothing else is in it.
  DeleteRegKey /ifempty SHCTX "Software\Classes\Applications"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd


Function un.onInit
  !insertmacro ChooseLanguage
  ; An all-users installation is removed elevated: ask for it (UAC) instead of failing half-way.
  UserInfo::GetAccountType
  Pop $0
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/ALLUSERS" $2
  ${IfNot} ${Errors}
  ${AndIf} $0 != "Admin"
    StrCpy $2 "/ALLUSERS"
    IfSilent 0 +2
      StrCpy $2 "$2 /S"
    StrCmp $LANGUAGE ${LANG_ENGLISH} 0 +2
      StrCpy $2 "$2 /EN"
    ExecShell "runas" "$INSTDIR\${UNINSTALLER}" "$2"
    Quit
  ${EndIf}
  Call un.ChooseMode
  ${If} $AllUsers == 1
  ${AndIf} ${RunningX64}
    SetRegView 64
  ${EndIf}
FunctionEnd
