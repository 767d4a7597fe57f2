"""Validation internals: the run context (paths → labels, places, order) and the
cross-field / form-level rules. The entry point is :func:`formkit.validate.validate`."""
