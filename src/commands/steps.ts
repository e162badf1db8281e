// Titles for the palette's flows of several questions: each says where it is ("Add Appointment
// (2/3): time"), as the check-in does, so the user and a screen reader know how many are left.
// No vscode import: the caller passes vscode.l10n.t, and the unit tests an English stand-in.

export type Translate = (message: string, ...args: (string | number)[]) => string;

/** "Flow (step/total): name"; a flow of one question keeps its plain title. */
export function stepTitle(t: Translate, flow: string, step: number, total: number, name: string): string {
  return total > 1 ? t('{0} ({1}/{2}): {3}', flow, step, total, name) : flow;
}

/** Numbers a flow's questions as they are asked; `total` may change once an answer decides what else is asked. */
export class FlowSteps {
  private asked = 0;

  constructor(
    private readonly t: Translate,
    private readonly flow: string,
    public total: number
  ) {}

  /** The title of the next question. */
  next(name: string): string {
    this.asked++;
    return stepTitle(this.t, this.flow, this.asked, Math.max(this.total, this.asked), name);
  }
}
