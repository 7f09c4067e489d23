/**
 * Live diagnostics: check athlete logs on open, on every edit (debounced; a newer edit makes older work
 * stale), when settings or guideline files change; clear on close. Keeps the latest result per document
 * version so code actions, hovers and the status bar never re-parse and never use a stale fix.
 */
import { vscode } from './api.js';
import type { AthleteLogService, Finding, LogCheck } from '../core/index.js';
import { Cancelled, slicer } from '../core/scheduler/slicer.js';
import { toRange, toSeverity } from './convert.js';
import { guidelineUri, ruleDocUri } from './host.js';
import { checkOptions, readSettings, relativePath } from './settings.js';

export const SOURCE = 'athlete-log';
const DEBOUNCE_MS = 150;
export interface DocState {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly result: LogCheck;
}

export class LogChecker implements vscode.Disposable {
  readonly #service: AthleteLogService;
  readonly #extensionUri: vscode.Uri;
  readonly #collection = vscode.languages.createDiagnosticCollection(SOURCE);
  readonly #states = new Map<string, DocState>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #generation = new Map<string, number>();
  readonly #onDidCheck = new vscode.EventEmitter<vscode.Uri>();
  readonly #toldTooBig = new Set<string>();
  readonly onDidCheck = this.#onDidCheck.event;

  constructor(service: AthleteLogService, extensionUri: vscode.Uri) {
    this.#service = service;
    this.#extensionUri = extensionUri;
  }

  get service(): AthleteLogService {
    return this.#service;
  }

  /** The latest result for exactly this version of the document, if any. */
  state(document: vscode.TextDocument): DocState | undefined {
    const s = this.#states.get(document.uri.toString());
    return s && s.version === document.version ? s : undefined;
  }

  isLog(document: vscode.TextDocument): boolean {
    if (document.languageId !== 'markdown') {
      return false;
    }
    const o = checkOptions(document.uri);
    return this.#service.classify(document.getText(), relativePath(document.uri), o).isLog;
  }

  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = document.uri.toString();
    const t = this.#timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
    }
    this.#generation.set(key, (this.#generation.get(key) ?? 0) + 1);
    this.#timers.set(key, setTimeout(() => {
      this.#timers.delete(key);
      void this.check(document);
    }, delay));
  }

  /** Checks now; results of a check overtaken by a newer edit are dropped. */
  async check(document: vscode.TextDocument): Promise<DocState | undefined> {
    const key = document.uri.toString();
    const generation = (this.#generation.get(key) ?? 0) + 1;
    this.#generation.set(key, generation);
    if (document.languageId !== 'markdown' || document.isClosed) {
      this.clear(document.uri);
      return undefined;
    }
    const version = document.version;
    const text = document.getText();
    const limit = readSettings(document.uri).maxFileSize;
    if (text.length > limit && this.isLog(document)) {
      // One clear message instead of slow checking; the file itself is untouched.
      this.clear(document.uri);
      if (!this.#toldTooBig.has(key)) {
        this.#toldTooBig.add(key);
        void vscode.window.showInformationMessage(`Athlete Log: ${vscode.workspace.asRelativePath(document.uri)} is larger than athleteLog.maxFileSize (${Math.round(limit / 1024)} KB), so it is not checked as you type. Raise the setting to check it.`);
      }
      this.#onDidCheck.fire(document.uri);
      return undefined;
    }
    this.#toldTooBig.delete(key);
    let result: LogCheck | undefined;
    try {
      const stale = (): boolean => document.isClosed || document.version !== version;
      result = await this.#service.check({ text, path: document.uri.path, relativePath: relativePath(document.uri), options: checkOptions(document.uri), pause: slicer(stale) });
    } catch (e) {
      if (e instanceof Cancelled) {
        return undefined;
      }
      // A bug must never take the editor down; report it once in the Problems panel's neighbour.
      console.error('athlete-log: check failed', e);
      return undefined;
    }
    if (document.version !== version || document.isClosed) {
      return undefined; // the text changed meanwhile: this result is stale
    }
    if (this.#generation.get(key) !== generation) {
      // A newer check of the same text is under way (a setting changed, say): it will publish; this
      // result still answers the caller who asked for this version.
      return result ? { uri: document.uri, version, result } : undefined;
    }
    if (!result) {
      this.clear(document.uri);
      this.#onDidCheck.fire(document.uri);
      return undefined;
    }
    const state: DocState = { uri: document.uri, version, result };
    this.#states.set(key, state);
    this.#collection.set(document.uri, result.findings.map((f) => this.toDiagnostic(f)));
    this.#onDidCheck.fire(document.uri);
    return state;
  }

  /** Checks a file that may not be open (Check All Logs). */
  /** Checks a file (open or not) and sets its diagnostics; its findings, or undefined when it is not a log. */
  async checkUri(uri: vscode.Uri, text: string): Promise<readonly Finding[] | undefined> {
    const result = await this.#service.check({ text, path: uri.path, relativePath: relativePath(uri), options: checkOptions(uri) });
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
      // Not open: keep its diagnostics, not its parsed blocks (memory stays bounded over big workspaces).
      this.#service.forget(uri.path);
    }
    if (!result) {
      return undefined;
    }
    this.#collection.set(uri, result.findings.map((f) => this.toDiagnostic(f)));
    return result.findings;
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.#states.delete(key);
    this.#service.forget(uri.path);
    const t = this.#timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
      this.#timers.delete(key);
    }
    this.#collection.delete(uri);
  }

  recheckOpen(): void {
    for (const d of vscode.workspace.textDocuments) {
      if (d.languageId === 'markdown') {
        this.schedule(d, 0);
      }
    }
  }

  toDiagnostic(f: Finding): vscode.Diagnostic {
    const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
    d.source = SOURCE;
    d.code = { value: f.ruleId, target: ruleDocUri(this.#extensionUri, f.ruleId) };
    if (f.guideline) {
      const g = f.guideline;
      const where = new vscode.Location(guidelineUri(this.#extensionUri, g.file), g.range ? toRange(g.range) : new vscode.Position(0, 0));
      d.relatedInformation = [new vscode.DiagnosticRelatedInformation(where, `${g.exercise} guideline${g.source ? `: ${g.source}` : ''}`)];
    }
    return d;
  }

  dispose(): void {
    for (const t of this.#timers.values()) {
      clearTimeout(t);
    }
    this.#collection.dispose();
    this.#onDidCheck.dispose();
  }
}
