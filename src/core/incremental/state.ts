/**
 * The state the accelerator keeps per document: its blocks, their layout in the model's lists, and what
 * an update changed.
 */
import type { Block } from '../markdown/blocks.js';
import type { AthleteLog, Finding } from '../model.js';
import type { ReadState } from '../read/assemble.js';
import type { Fragment, LIST_KINDS } from '../read/assemble.js';
import type { LogAspect } from '../rules/rule.js';
import type { LineIndex } from '../text.js';
import type { BlockPart } from './timeline.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type ListKind = (typeof LIST_KINDS)[number];

/** A block of the current text with what was worked out from it (its parse tree is not kept). */
export interface BlockState {
  readonly text: string;
  readonly kind: Block['kind'];
  /** The sections open before and after the block. */
  readonly stackIn: ReadState;
  readonly stackOut: ReadState;
  readonly fragment: Fragment;
  /** Findings of the `block` rules, anchored to the block, and the key they were found under. */
  found?: { readonly key: string; readonly findings: readonly Finding[] };
  /** What `log` rules read from the block, by aspect, positions aside (worked out when needed). */
  signatures?: Partial<Record<LogAspect, string>>;
  /** What `log` rules worked out from the block alone, by summary number (document.ts, `summaryOf`). */
  summaries?: unknown[];
  /** The block's sessions in the timeline's terms, made with the `block` findings. */
  part?: BlockPart;
}

/** Where each block's items start in the model's lists, and the blocks' anchors, in block order. */
export interface Layout {
  readonly ids: Int32Array;
  readonly prefix: Readonly<Record<ListKind, Int32Array>>;
}

/** One checked state of the document: its text, line index, model and blocks. */
export interface Snapshot {
  readonly text: string;
  readonly index: LineIndex;
  readonly log: AthleteLog;
  readonly generation: number;
  /** @internal */
  readonly blocks: readonly BlockState[];
  /** @internal */
  readonly layout: Layout;
}

/** What an update changed: blocks `[head, head + added)` of the new state replaced `[head, tail)` of the old. */
export interface Change {
  readonly from: number;
  readonly to: number;
  readonly head: number;
  readonly added: number;
  readonly tail: number;
  readonly replaced: readonly BlockState[];
  /** The old text's range the replaced blocks covered, and how far what follows moved. */
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly offset: number;
  readonly line: number;
  /** Whether the edit touched a carriage return (line ending style is something `log` rules read). */
  readonly cr: boolean;
  /**
   * The old text's characters `[from, to)` the edit replaced (inside the replaced blocks), and the line
   * they stand on when neither they nor what replaced them holds a line break (else undefined).
   */
  readonly edit: { readonly from: number; readonly to: number; readonly line: number | undefined };
}
