; Inno Setup script for SpeakCheck Desktop on Windows. Not built on the project's machines (they
; run Linux); build on Windows after `pyinstaller packaging\speakcheck.spec`:
;   iscc /DAppVersion=0.1.0 packaging\windows\speakcheck.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0A4C1E-5D7E-4C2B-9B1F-5E8A2D3C4B71}
AppName=SpeakCheck Desktop
AppVersion={#AppVersion}
AppPublisher=SpeakCheck
DefaultDirName={autopf}\SpeakCheck Desktop
DefaultGroupName=SpeakCheck Desktop
OutputDir=..\..\dist
OutputBaseFilename=SpeakCheck-Desktop-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Files]
Source: "..\..\dist\speakcheck-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\SpeakCheck Desktop"; Filename: "{app}\speakcheck-desktop.exe"
Name: "{autodesktop}\SpeakCheck Desktop"; Filename: "{app}\speakcheck-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; Flags: unchecked

[Run]
Filename: "{app}\speakcheck-desktop.exe"; Description: "Start SpeakCheck Desktop"; Flags: nowait postinstall skipifsilent
