/** While an athlete log is active: the athlete's name, what needs fixing and the notes apart; a click opens Problems. */
import { vscode } from './api.js';
import type { LogChecker } from './diagnostics.js';

export class AthleteStatus implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('athleteLog.status', vscode.StatusBarAlignment.Left, 50);
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checker: LogChecker) {
    this.#item.name = 'Athlete Log';
    this.#item.command = 'workbench.actions.view.problems';
    this.#subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      checker.onDidCheck(() => this.update()),
    );
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.#item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = doc ? this.checker.state(doc) : undefined;
    if (!state) {
      this.#item.hide();
      return;
    }
    // Errors and warnings need the coach's attention; information ("Ready to progress", adherence) is a
    // note, not a problem: the two are counted apart.
    const findings = state.result.findings;
    const toFix = findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    const notes = findings.length - toFix;
    const name = state.result.log.athlete ?? 'Athlete log';
    const parts = [
      toFix === 0 ? 'nothing to fix' : `${toFix} to fix`,
      ...(notes > 0 ? [`${notes} note${notes === 1 ? '' : 's'}`] : []),
    ];
    this.#item.text = `$(person) ${name} · ${parts.join(' · ')}`;
    this.#item.tooltip = `Athlete Log: ${toFix} error${toFix === 1 ? '' : 's'} or warning${toFix === 1 ? '' : 's'}, ${notes} note${notes === 1 ? '' : 's'} (information). Click to show the Problems view.`;
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
