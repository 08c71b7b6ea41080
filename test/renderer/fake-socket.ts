/** A stand-in for the browser's WebSocket that the test drives by hand. */
export class FakeSocket {
  readonly sent: unknown[] = [];
  private readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }

  /** Fires an event as the browser would. */
  emit(type: 'open' | 'close' | 'message', data?: unknown): void {
    const event = type === 'message' ? { data: JSON.stringify(data) } : {};
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }
}
