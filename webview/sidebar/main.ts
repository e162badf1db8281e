// Entry point of the journal panel bundle (dist/sidebar.js).
import { SidebarApp } from './sidebarApp';

new SidebarApp(document.getElementById('app')!);
