// Types of the thin JS layer: one line per module.
export {};
