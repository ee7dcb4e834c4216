import { RefObject, useEffect, useRef } from "react";

/**
 * A ref whose element is scrolled into view when it appears: a message below the buttons of a
 * long tab would otherwise stay out of sight in Excel's narrow pane, and the click seem to do
 * nothing. (Optional call: jsdom has no scrolling.)
 */
export function useScrolledIntoView<T extends HTMLElement>(): RefObject<T> {
  const ref = useRef<T>(null);
  useEffect(() => {
    // A statement, not the arrow's value: newer Chromium returns a Promise here, which React
    // would take for a clean-up function.
    void ref.current?.scrollIntoView?.({ block: "nearest" });
  }, []);
  return ref;
}
