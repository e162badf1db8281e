// Typed requests to the extension host. Each request carries an id and gets exactly one answer:
// the result (validated against its schema in src/webviews/protocol.ts), an error, or a timeout.
import { hostMessageSchema, methods, rejectionReason, type HostEvent, type Method, type Params, type Result, type WebviewMessage } from '../../src/webviews/protocol';
import { vscodeApi } from './vscodeApi';

export const REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  method: Method;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export interface ChannelHandlers {
  /** `testMode`: the host runs the extension's tests, and wants to hear what the panel drew. */
  onInit(l10n: Record<string, string> | null, testMode: boolean): void;
  onEvent(event: HostEvent): void;
}

export class Channel {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly handlers: ChannelHandlers,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS
  ) {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
  }

  ready(): void {
    this.send({ type: 'ready' });
  }

  send(message: WebviewMessage): void {
    vscodeApi().postMessage(message);
  }

  request<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`No answer to "${method}" after ${this.timeoutMs / 1000} s.`));
      }, this.timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.send({ type: 'request', id, method, params } as WebviewMessage);
    });
  }

  private receive(raw: unknown): void {
    const parsed = hostMessageSchema.safeParse(raw);
    if (!parsed.success) return this.reject(rejectionReason(parsed.error));
    const msg = parsed.data;
    switch (msg.type) {
      case 'init':
        return this.handlers.onInit(msg.l10n, msg.testMode);
      case 'event':
        return this.handlers.onEvent(msg.event);
      case 'response':
      case 'error': {
        const p = this.pending.get(msg.id);
        if (!p) return this.reject(`no request is waiting for id ${msg.id}`);
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.type === 'error') return p.reject(new Error(msg.message));
        const result = methods[p.method].result.safeParse(msg.result);
        if (!result.success) return p.reject(new Error(`The answer to "${p.method}" was not valid: ${rejectionReason(result.error)}`));
        return p.resolve(result.data);
      }
    }
  }

  private reject(reason: string): void {
    // The reason only: the message itself is health data, and consoles can be saved or shared.
    console.warn(`[mood-dose] rejected a message from the host: ${reason}`);
  }
}
