/** Name of the performance mark set when the pane is first rendered and usable (read by `npm run bench`). */
export const PANE_INTERACTIVE_MARK = "qm-planer:pane-interactive";
