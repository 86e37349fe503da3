// Vite's `?url` imports: the emitted file's address (its types, vite/client, would bring the rest of Vite's globals).
declare module '*?url' {
  const url: string;
  export default url;
}
