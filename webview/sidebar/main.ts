// Entry point of the journal panel bundle (dist/webview.js).
import { PanelApp } from './sidebarApp';

new PanelApp(document.getElementById('app')!);
