"""The extractor: spec + Document → Record, layout-tolerant.

``recognise(doc, specs)`` names the form a document fills, by its content; ``extract(doc,
spec)`` reads it: fields with raw text, normalised value and place, indicator rows, the
plan's sections, the layout found, and findings for values that do not read.
"""

from formkit.extract.extractor import extract
from formkit.extract.recognise import recognise

__all__ = ["extract", "recognise"]
