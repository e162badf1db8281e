// Test-only entry: the panel as dist/sidebar.js builds it, but with the request timeout taken from
// the page's address, for the suite that checks what happens when the host never answers.
// sidebarPage.ts bundles it for the browser on first use.
import { SidebarApp } from '../../webview/sidebar/sidebarApp';

const timeout = Number(new URLSearchParams(location.search).get('timeout')) || undefined;
new SidebarApp(document.getElementById('app')!, { requestTimeoutMs: timeout });
