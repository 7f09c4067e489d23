// esbuild bundles the preview stylesheet as text (loader `.css: text`) for the exported handout.
declare module '*.css' {
  const text: string;
  export default text;
}
