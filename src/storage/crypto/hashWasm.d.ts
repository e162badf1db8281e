// Types for hash-wasm's ES module build, which kdf.ts imports by path (see there for why).
declare module 'hash-wasm/dist/index.esm.js' {
  export { argon2id } from 'hash-wasm';
}
