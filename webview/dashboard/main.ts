// Entry point of the dashboard bundle (dist/dashboard.js).
import { DashboardApp } from './dashboardApp';

new DashboardApp(document.getElementById('app')!);
