// The change that resolves each Electronegativity check, printed under every finding. Each fix
// is written from what the check matches in Electronegativity 1.10.3's source. Where it names a
// default, that is the default of Electron 20 and later.

const NODE_INTEGRATION =
  'Set webPreferences.nodeIntegration, nodeIntegrationInSubFrames and nodeIntegrationInWorker to false (the defaults) and keep Node code in the main process behind IPC handlers.';
const AUXCLICK =
  "Add disableBlinkFeatures: 'Auxclick' to webPreferences (disableblinkfeatures=\"Auxclick\" on a <webview>), so a middle-click cannot open a link.";
const AFFINITY = 'Remove the affinity web preference, so each window gets its own renderer process.';
const CUSTOM_ARGUMENTS =
  'Remove the Chromium switch that weakens security (such as --ignore-certificate-errors, --disable-web-security or --remote-debugging-port) from appendSwitch, appendArgument or package.json.';
const HTTP_RESOURCES = 'Load the resource over https: or from the app bundle instead of http:.';
const INSECURE_CONTENT = 'Remove allowRunningInsecureContent (the default is false), so an https page never runs http content.';
const LIMIT_NAVIGATION =
  "Check every will-navigate URL against the app's own URL and call event.preventDefault() otherwise, and deny new windows with setWindowOpenHandler(() => ({ action: 'deny' })).";
const PERMISSIONS =
  'Call session.setPermissionRequestHandler and setPermissionCheckHandler, granting only the permissions the app needs.';
const WEB_SECURITY = 'Remove webSecurity: false (disablewebsecurity on a <webview>), so the same-origin policy stays on.';
const BLINK_FEATURES = 'Remove enableBlinkFeatures and experimentalFeatures; experimental Chromium features are not reviewed for security.';
const SECURITY_WARNINGS = 'Do not set ELECTRON_DISABLE_SECURITY_WARNINGS; the warnings point at the same problems as this scan.';

const FIXES = {
  AFFINITY_GLOBAL_CHECK: AFFINITY,
  AFFINITY_HTML_CHECK: AFFINITY,
  AFFINITY_JS_CHECK: AFFINITY,
  ALLOWPOPUPS_HTML_CHECK: 'Remove allowpopups from the <webview>.',
  AUXCLICK_HTML_CHECK: AUXCLICK,
  AUXCLICK_JS_CHECK: AUXCLICK,
  BLINK_FEATURES_HTML_CHECK: BLINK_FEATURES,
  BLINK_FEATURES_JS_CHECK: BLINK_FEATURES,
  CERTIFICATE_ERROR_EVENT_JS_CHECK:
    'Do not call event.preventDefault() and callback(true) in the certificate-error handler; let Chromium reject invalid certificates.',
  CERTIFICATE_VERIFY_PROC_JS_CHECK:
    "Remove setCertificateVerifyProc, or make it call callback(-2) (reject) whenever request.verificationResult is not 'net::OK'.",
  CONTEXT_ISOLATION_JS_CHECK:
    'Set webPreferences.contextIsolation to true (the default) and expose main-process features only through contextBridge in the preload script.',
  CSP_GLOBAL_CHECK:
    "Serve a Content-Security-Policy without 'unsafe-eval', without 'unsafe-inline' in script-src and without wildcard sources.",
  CSP_HTML_CHECK: 'Review the Content-Security-Policy in the page.',
  CSP_JS_CHECK: 'Review the Content-Security-Policy set in response headers.',
  CUSTOM_ARGUMENTS_JSON_CHECK: CUSTOM_ARGUMENTS,
  CUSTOM_ARGUMENTS_JS_CHECK: CUSTOM_ARGUMENTS,
  DANGEROUS_FUNCTIONS_JS_CHECK:
    'Pass a function, never a string built from data, to eval, Function, setTimeout, setInterval, setImmediate, executeJavaScript or insertCSS.',
  ELECTRON_VERSION_JSON_CHECK: 'Keep Electron on a supported major version and update it for security releases.',
  EXPERIMENTAL_FEATURES_HTML_CHECK: BLINK_FEATURES,
  EXPERIMENTAL_FEATURES_JS_CHECK: BLINK_FEATURES,
  HTTP_RESOURCES_HTML_CHECK: HTTP_RESOURCES,
  HTTP_RESOURCES_JS_CHECK: HTTP_RESOURCES,
  HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK: `${NODE_INTEGRATION} ${HTTP_RESOURCES}`,
  INSECURE_CONTENT_HTML_CHECK: INSECURE_CONTENT,
  INSECURE_CONTENT_JS_CHECK: INSECURE_CONTENT,
  LIMIT_NAVIGATION_GLOBAL_CHECK: LIMIT_NAVIGATION,
  LIMIT_NAVIGATION_JS_CHECK: LIMIT_NAVIGATION,
  NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK:
    'In will-attach-webview, call event.preventDefault() or delete webPreferences.preload and set nodeIntegration to false.',
  NODE_INTEGRATION_HTML_CHECK: 'Remove nodeintegration from the <webview>.',
  NODE_INTEGRATION_JS_CHECK: NODE_INTEGRATION,
  OPEN_EXTERNAL_JS_CHECK:
    'Pass shell.openExternal only URLs checked against an allow-list of https origins, never a URL taken unchecked from page content.',
  PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK: PERMISSIONS,
  PERMISSION_REQUEST_HANDLER_JS_CHECK: PERMISSIONS,
  PRELOAD_JS_CHECK:
    'Expose only narrow functions through contextBridge (never ipcRenderer or a Node module), validate their arguments in the main process, then justify the finding in the allow-list.',
  PROTOCOL_HANDLER_JS_CHECK: "Validate every URL a custom protocol handler receives and serve only files inside the app's folder.",
  REMOTE_MODULE_JS_CHECK: 'Do not use the remote module; move the call into the main process behind an IPC handler.',
  SANDBOX_JS_CHECK: 'Set webPreferences.sandbox to true (the default) and keep Node code in the main process.',
  SECURITY_WARNINGS_DISABLED_JSON_CHECK: SECURITY_WARNINGS,
  SECURITY_WARNINGS_DISABLED_JS_CHECK: SECURITY_WARNINGS,
  WEB_SECURITY_HTML_CHECK: WEB_SECURITY,
  WEB_SECURITY_JS_CHECK: WEB_SECURITY,
};

/** Returns the fix for `finding`, or its description when no fix is written for the check. */
export function fixFor(finding) {
  return FIXES[finding.check] ?? finding.description;
}
