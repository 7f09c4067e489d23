/** While an athlete log is active: the athlete's name and the count of findings; a click opens Problems. */
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
    const n = state.result.findings.length;
    const name = state.result.log.athlete ?? 'Athlete log';
    this.#item.text = `$(person) ${name} · ${n === 0 ? 'no problems' : `${n} problem${n === 1 ? '' : 's'}`}`;
    this.#item.tooltip = 'Athlete Log: show the Problems view';
    this.#item.show();
  }

  dispose(): void {
    this.#item.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
