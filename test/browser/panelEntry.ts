// Test-only entry: the panel as dist/webview.js builds it, but with the request timeout taken from
// the page's address, for the suite that checks what happens when the host never answers.
// panelHarness.ts bundles it for the browser; test/harness/buildTests.js also bundles it for Node,
// where it is never run.
import { PanelApp } from '../../webview/app';

const timeout = Number(new URLSearchParams(location.search).get('timeout')) || undefined;
new PanelApp(document.getElementById('app')!, { requestTimeoutMs: timeout });
