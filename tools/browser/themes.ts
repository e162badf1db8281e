// The theme a test page runs in: VS Code's colour variables for Light+, Dark+ or High Contrast (read
// from the real workbench, themeColors.ts), the font variables and body class a webview gets, and the
// background VS Code paints behind it (the side bar's for the panel, the editor's for the dashboard).
import { THEME_COLORS } from './themeColors';

export type ThemeName = keyof typeof THEME_COLORS;
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'highContrast'];

/** The body class VS Code gives a webview in each kind of theme. */
export const BODY_CLASS: Record<ThemeName, string> = { light: 'vscode-light', dark: 'vscode-dark', highContrast: 'vscode-high-contrast' };

/** Webview-only variables (not colours), as VS Code sets them on Linux. */
const FONTS = {
  '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  '--vscode-font-weight': 'normal',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
  '--vscode-editor-font-weight': 'normal',
  '--vscode-editor-font-size': '14px'
};

export function isThemeName(name: string | null): name is ThemeName {
  return name !== null && (THEMES as readonly string[]).includes(name);
}

/** A style sheet with the theme's variables on <html>, and the surface VS Code shows through the page. */
export function themeCss(theme: ThemeName, surface: 'sideBar' | 'editor'): string {
  const vars = Object.entries({ ...THEME_COLORS[theme], ...FONTS })
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n');
  // VS Code's own default webview styles: the page body is transparent over the view's background.
  return `html {\n${vars}\n  background: var(--vscode-${surface}-background);\n}
body { color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
a, a code { color: var(--vscode-textLink-foreground); }`;
}
