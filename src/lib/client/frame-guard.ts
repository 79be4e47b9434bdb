/**
 * Whether the app is running inside a frame of another origin (issue 13: framing). A page of
 * another site could frame the workbench, hide it under its own content and trick a user into
 * clicking (clickjacking) or read what it shows through the user's eyes. Hosts should send
 * `Content-Security-Policy: frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN`
 * (static/_headers, README "Hosting"); this check is the app's own guard for hosts that do not,
 * since a <meta> CSP cannot carry frame-ancestors.
 */

/**
 * True when `win` is in a frame whose top window is of another origin. Reading the top window's
 * location throws across origins, which is the test; a same-origin frame is allowed.
 * @example isFramedByAnotherOrigin(window) // false in a tab of its own
 */
export function isFramedByAnotherOrigin(win: Window): boolean {
	if (win.top === win.self) return false;
	try {
		// Cross-origin: a SecurityError (or, in some browsers, an empty origin).
		return win.top === null || win.top.location.origin !== win.location.origin;
	} catch {
		return true;
	}
}
