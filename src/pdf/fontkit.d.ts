// The little of fontkit (pdfkit's font engine) that the PDF writer uses: which characters a font has.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: unknown, script?: string, language?: string, direction?: 'ltr' | 'rtl'): unknown;
  }
  export function create(buffer: Uint8Array): Font;
}
