// A small external store: state you can test without rendering; a component reads it with useSyncExternalStore.
export class Store<S> {
  private readonly listeners = new Set<(s: S) => void>();

  constructor(protected state: S) {}

  getState = (): S => this.state;

  subscribe = (listener: (s: S) => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  protected unsubscribeAll(): void {
    this.listeners.clear();
  }
}
