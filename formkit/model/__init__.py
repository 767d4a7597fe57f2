"""The shared vocabulary, bottom layer: the code catalogue (zh + en), findings and their
places, the neutral Document, Record, the error tree, dates and where the shipped data
lives. Imports nothing else of formkit (import-linter holds it)."""
