// esbuild bundles Markdown data files as text (loader `.md: text`).
declare module '*.md' {
  const text: string;
  export default text;
}
