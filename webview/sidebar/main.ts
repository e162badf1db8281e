// Entry point of the journal panel bundle (dist/webview.js).
import { SidebarApp } from './sidebarApp';

new SidebarApp(document.getElementById('app')!);
