// esbuild bundles Markdown data files as text (loader `.md: text`).
declare module '*.md' {
  const text: string;
  export default text;
}

// Every guidelines/*.md as `{ path: 'built-in:<file name>', text }`, in file-name order (esbuild.mjs).
declare module 'athlete-log:builtin-guidelines' {
  const files: readonly { readonly path: string; readonly text: string }[];
  export default files;
}
