; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
; electron-builder writes the `protocols` of electron-builder.yml only into the macOS and Linux
; packages, so the Windows installer registers lastro:// links itself, for the current user
; (the installer is per user), and the uninstaller removes them.

!macro customInstall
  WriteRegStr HKCU "Software\Classes\lastro" "" "URL:Lastro"
  WriteRegStr HKCU "Software\Classes\lastro" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\lastro\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr HKCU "Software\Classes\lastro\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey HKCU "Software\Classes\lastro"
!macroend
