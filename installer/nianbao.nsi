; 年报助手 — per-user Windows x64 installer (no admin rights, HKCU only). Built by installer/build.py:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSTAGE=<staged app> -DOUTFILE=<exe> nianbao.nsi
; STAGE holds Python\ (embeddable CPython), lib\ (packages), nianbao.exe, nianbao-cli.exe, nianbao.ico.

Unicode true
ManifestDPIAware true
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 32
RequestExecutionLevel user

!define APPNAME "年报助手"
!define APPID "nianbao"
!define PUBLISHER "年报助手项目"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define PROGID "nianbao.draft"
!define EXT ".nianbao"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"

Name "${APPNAME} ${VERSION}"
Caption "${APPNAME} ${VERSION} 安装程序"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPID}"
InstallDirRegKey HKCU "Software\${APPID}" "InstallDir"
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT"

!define MUI_ICON "${STAGE}\nianbao.ico"
!define MUI_UNICON "${STAGE}\nianbao.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "本程序将把“${APPNAME}”${VERSION} 安装到您的电脑上。$\r$\n$\r$\n安装只对当前 Windows 用户生效，不需要管理员权限，也不需要联网。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\nianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "立即运行“${APPNAME}”"

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_LEAVE GuardInstDir
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; Qt 6.9 needs Windows 10 (1809) or 11; say so plainly on the old office PCs that still run 7 or 8.1.
Function .onInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "${APPNAME}需要 Windows 10 或 Windows 11（64 位）。$\r$\n这台电脑的 Windows 版本过旧，无法安装。" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

; A folder that holds other files (say D:\) gets a nianbao subfolder, so that an upgrade or the uninstaller,
; which remove the Python and lib folders, never touch folders that are not ours.
Function GuardInstDir
  IfFileExists "$INSTDIR\uninstall.exe" guard_done
  ${DirState} "$INSTDIR" $R0
  StrCmp $R0 1 0 guard_done
    StrCpy $INSTDIR "$INSTDIR\${APPID}"
    MessageBox MB_OK|MB_ICONINFORMATION "所选文件夹中已有其他文件，${APPNAME}将安装到其中的子文件夹：$\r$\n$INSTDIR" /SD IDOK
  guard_done:
FunctionEnd

Section "${APPNAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  Call GuardInstDir
  ; An upgrade replaces the program files wholesale, so nothing stale survives.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\lib"
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Shortcuts: the working folder is the user's Documents folder.
  SetOutPath "$DOCUMENTS"
  CreateShortCut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.ico" 0
  CreateShortCut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.ico" 0
  SetOutPath "$INSTDIR"

  ; The .nianbao file association, for this user only.
  WriteRegStr HKCU "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "${APPNAME}草稿"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\nianbao.ico,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Apps & features (Programs and Features) entry, for this user only. Software\${APPID} also holds the
  ; app's own settings (QSettings), which the uninstaller removes with it.
  WriteRegStr HKCU "Software\${APPID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\nianbao.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; Remove the association only if it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\${EXT}" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\${EXT}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\${APPID}"

  ; Only what the installer put there: never a recursive delete of $INSTDIR itself.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\lib"
  Delete "$INSTDIR\nianbao.exe"
  Delete "$INSTDIR\nianbao-cli.exe"
  Delete "$INSTDIR\nianbao.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
SectionEnd
