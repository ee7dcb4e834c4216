/**
 * Set-up for the React tests in jsdom (loaded for every test file; does nothing in node).
 * - React's act() needs to know it runs in a test.
 * - jsdom has no layout, hence no ResizeObserver (Fluent's MessageBar watches its width with one).
 */
if (typeof window !== "undefined") {
  (globalThis as unknown as { IS_REACT_ACT_ENVIRONMENT: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;
}
