/** Posix path arithmetic for paths and URI paths, without node:path (the core runs in web workers too). */

export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!abs) {
        out.push('..');
      }
      continue;
    }
    out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function dirname(p: string): string {
  const n = p.replace(/\\/g, '/');
  const i = n.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : n.slice(0, i);
}

/** True for `https:`, `command:` and other URI schemes; a Windows drive letter is not a scheme. */
export function hasScheme(p: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(p) && !/^[a-z]:[\\/]/i.test(p);
}

/** Resolves `rel` (as written in a log's front matter) against the log's own path. */
export function resolveFrom(fromFile: string, rel: string): string {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[a-z]:\//i.test(r)) {
    return normalizePath(r);
  }
  return normalizePath(`${dirname(fromFile)}/${r}`);
}
