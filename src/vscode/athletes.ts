/**
 * The Athletes view in the Explorer: one item per athlete log in the workspace, in attention order (red
 * flags first), its flags in plain words beside the name, an icon for the most urgent flag, the state of the
 * program in the tooltip; a click opens the log. Optionally grouped by condition or coach
 * (`athleteLog.athletes.groupBy`). The caseload (caseload.ts) is read the first time the view shows.
 */
import { vscode } from './api.js';
import type { CaseloadFlag } from '../core/caseload/caseload.js';
import { groupCaseload, isCaseloadGrouping, type CaseloadGroup, type CaseloadGrouping } from '../core/caseload/group.js';
import { SETTING_DEFAULTS } from '../core/options.js';
import { athleteItemWords } from '../shared/caseloadWords.js';
import { ATHLETES_VIEW, type Caseload, type CaseloadEntry } from './caseload.js';
import { SECTION } from './settings.js';

export const GROUP_BY_SETTING = 'athletes.groupBy' satisfies keyof typeof SETTING_DEFAULTS;

export type AthleteNode =
  | { readonly kind: 'athlete'; readonly entry: CaseloadEntry }
  | { readonly kind: 'group'; readonly by: Exclude<CaseloadGrouping, 'none'>; readonly group: CaseloadGroup; readonly entries: readonly CaseloadEntry[] };

/** The icon of an athlete: the most urgent flag's, or a quiet check mark when nothing is flagged. */
const FLAG_ICONS: Record<CaseloadFlag, { readonly icon: string; readonly color?: string }> = {
  'red-flag': { icon: 'error', color: 'errorForeground' },
  'pain-above-threshold': { icon: 'flame', color: 'editorWarning.foreground' },
  'rising-pain': { icon: 'arrow-up', color: 'editorWarning.foreground' },
  'consider-regression': { icon: 'arrow-down', color: 'editorWarning.foreground' },
  'log-gap': { icon: 'calendar' },
  'ready-to-progress': { icon: 'rocket', color: 'testing.iconPassed' },
  'unreadable-lines': { icon: 'question' },
};

export function iconFor(flag: CaseloadFlag | undefined): vscode.ThemeIcon {
  if (flag === undefined) {
    return new vscode.ThemeIcon('pass');
  }
  const { icon, color } = FLAG_ICONS[flag];
  return color ? new vscode.ThemeIcon(icon, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(icon);
}

export function groupBy(): CaseloadGrouping {
  const v = vscode.workspace.getConfiguration(SECTION).get<string>(GROUP_BY_SETTING, SETTING_DEFAULTS[GROUP_BY_SETTING]);
  return isCaseloadGrouping(v) ? v : 'none';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export class AthletesView implements vscode.TreeDataProvider<AthleteNode>, vscode.Disposable {
  readonly #onDidChangeTreeData = new vscode.EventEmitter<AthleteNode | undefined>();
  readonly onDidChangeTreeData = this.#onDidChangeTreeData.event;
  readonly #view: vscode.TreeView<AthleteNode>;
  readonly #subscriptions: vscode.Disposable[] = [];

  constructor(private readonly caseload: Caseload) {
    this.#view = vscode.window.createTreeView(ATHLETES_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.#subscriptions.push(
      this.#view,
      caseload.onDidChange(() => {
        this.updateMessage();
        this.#onDidChangeTreeData.fire(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${GROUP_BY_SETTING}`)) {
          this.#onDidChangeTreeData.fire(undefined);
        }
      }),
    );
  }

  /** What the view lists now (top level), for the caseload page and tests. */
  roots(): AthleteNode[] {
    const entries = this.caseload.entries();
    const by = groupBy();
    if (by === 'none') {
      return entries.map((entry) => ({ kind: 'athlete', entry }));
    }
    const byPath = new Map(entries.map((e) => [e.summary.path, e]));
    return groupCaseload(entries.map((e) => e.summary), by).map((group) => ({
      kind: 'group', by, group, entries: group.summaries.map((s) => byPath.get(s.path)).filter((e) => e !== undefined),
    }));
  }

  getChildren(node?: AthleteNode): AthleteNode[] {
    if (!node) {
      // The view is showing: read the workspace's logs the first time (in steps; items appear as they come).
      void this.caseload.ensure();
      return this.roots();
    }
    return node.kind === 'group' ? node.entries.map((entry) => ({ kind: 'athlete', entry })) : [];
  }

  getTreeItem(node: AthleteNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.by}:${node.group.key}`;
      const flagged = node.entries.filter((e) => e.summary.flags.length > 0).length;
      item.description = `${count(node.entries.length, 'athlete')}${flagged > 0 ? `, ${flagged} flagged` : ''}`;
      item.iconPath = iconFor(node.entries[0]?.summary.flags[0]);
      item.contextValue = 'athleteLog.athleteGroup';
      return item;
    }
    const { file: uri, summary } = node.entry;
    const words = athleteItemWords(summary);
    const item = new vscode.TreeItem(summary.athlete, vscode.TreeItemCollapsibleState.None);
    item.id = uri.toString();
    item.description = words.flags;
    item.tooltip = `${words.tooltip}\n${vscode.workspace.asRelativePath(uri)}`;
    item.iconPath = iconFor(summary.flags[0]);
    item.contextValue = 'athleteLog.athlete';
    item.command = { command: 'vscode.open', title: 'Open Log', arguments: [uri] };
    item.accessibilityInformation = { label: `${summary.athlete}: ${words.flags}` };
    return item;
  }

  private updateMessage(): void {
    const p = this.caseload.progress;
    const parts: string[] = [];
    if (p.building) {
      parts.push(`Reading logs: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} files.`);
    } else if (p.stopped) {
      parts.push('Stopped before every log was read: Refresh to read the rest.');
    }
    if (p.tooLarge > 0) {
      parts.push(`${count(p.tooLarge, 'Markdown file')} larger than athleteLog.maxFileSize not read.`);
    }
    this.#view.message = parts.join(' ');
    const flagged = this.caseload.entries().filter((e) => e.summary.flags.length > 0).length;
    this.#view.badge = flagged > 0 ? { value: flagged, tooltip: `${count(flagged, 'athlete')} flagged` } : undefined;
  }

  dispose(): void {
    this.#onDidChangeTreeData.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}

/** Group Athletes By...: none, condition or coach (saved in the workspace's settings). */
export async function pickGrouping(): Promise<CaseloadGrouping | undefined> {
  const now = groupBy();
  const choices: (vscode.QuickPickItem & { value: CaseloadGrouping })[] = [
    { label: 'No groups', description: 'one list in attention order', value: 'none' },
    { label: 'Condition', description: 'a group per condition', value: 'condition' },
    { label: 'Coach', description: 'a group per coach', value: 'coach' },
  ];
  const pick = await vscode.window.showQuickPick(choices.map((c) => ({ ...c, picked: c.value === now })), { title: 'Group Athletes By' });
  if (!pick) {
    return undefined;
  }
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update(GROUP_BY_SETTING, pick.value, target);
  return pick.value;
}
