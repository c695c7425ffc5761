// The thin JS layer: one line per module, so each feature adds a line.
export {};
