; SPDX-License-Identifier: EUPL-1.2
; Inno Setup script: wraps the one-folder build (dist\baliecheck, built on Windows as
; installer\README.md says) into dist\baliecheck-<version>-setup.exe.
; Build on Windows:  iscc /DAppVersion=0.1.0 installer\baliecheck.iss
; Silent install:    baliecheck-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   /CONFIG=C:\path\config.toml    copy an admin's configuration to the machine-wide file
;                                  (%ProgramData%\baliecheck\config.toml),
;                                  only when there is none yet
;   /OVERWRITECONFIG               replace an existing machine-wide file with /CONFIG's
; Then check the machine: "%ProgramFiles%\baliecheck.exe" selftest

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C1B1E4A-4B8E-4C59-9F0E-BA1EC4EC0001}
AppName=baliecheck
AppVersion={#AppVersion}
AppPublisher=baliecheck
DefaultDirName={autopf}\baliecheck
DefaultGroupName=baliecheck
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=baliecheck-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
UninstallDisplayIcon={app}\baliecheck-desk.exe

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\baliecheck\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\resources\config.example.toml"; DestDir: "{app}"; Flags: ignoreversion
; The admin's configuration: never over an existing one unless /OVERWRITECONFIG says so.
Source: "{param:CONFIG}"; DestDir: "{commonappdata}\baliecheck"; DestName: "config.toml"; \
  Flags: external onlyifdoesntexist uninsneveruninstall; Check: ConfigGiven and not OverwriteWanted
Source: "{param:CONFIG}"; DestDir: "{commonappdata}\baliecheck"; DestName: "config.toml"; \
  Flags: external uninsneveruninstall; Check: ConfigGiven and OverwriteWanted

[Icons]
Name: "{group}\baliecheck"; Filename: "{app}\baliecheck-desk.exe"
Name: "{group}\baliecheck selftest"; Filename: "{cmd}"; Parameters: "/k ""{app}\baliecheck.exe"" selftest"

[Code]
function ConfigGiven: Boolean;
begin
  Result := ExpandConstant('{param:CONFIG|}') <> '';
end;

function OverwriteWanted: Boolean;
begin
  Result := Pos('/OVERWRITECONFIG', UpperCase(GetCmdTail)) > 0;
end;
