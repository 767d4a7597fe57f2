"""Work over many files: batch review (registry, dossier checks, rounds), the expert
panel, and the cycle after approval (allocate, monitor, evaluate)."""
