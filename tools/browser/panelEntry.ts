// Test-only entry: the panel as dist/webview.js builds it, but with the request timeout taken from
// the page's address, for the suite that checks what happens when the host never answers.
// panelPage.ts bundles it for the browser on first use.
import { PanelApp } from '../../webview/sidebar/sidebarApp';

const timeout = Number(new URLSearchParams(location.search).get('timeout')) || undefined;
new PanelApp(document.getElementById('app')!, { requestTimeoutMs: timeout });
