"""Tests of formkit.readers (one module per reader)."""
