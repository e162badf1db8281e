// Entry point of the journal panel bundle (dist/webview.js).
import { PanelApp } from './app';

new PanelApp(document.getElementById('app')!);
