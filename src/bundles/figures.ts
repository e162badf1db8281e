// dist/figures.js: the dashboard's figures over the whole journal (the timeline with its rolling
// median and planned dose, each dose step, what goes with better days) and one dose change up close.
// Pure core code, loaded the first time the dashboard asks for them, so the journal bundle that
// every check-in loads does not carry them.
export { dashboard, dashboardFrom } from '../core/charts/dashboard';
export { changeDetail } from '../core/stats/changeDetail';
