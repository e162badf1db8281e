// Entry point of the dashboard bundle (dist/dashboard.js).
import { DashboardApp } from './app';

new DashboardApp(document.getElementById('app')!);
