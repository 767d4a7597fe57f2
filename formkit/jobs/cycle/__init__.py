"""The rest of the yearly cycle after the approved list: fund allocation (``allocate``),
progress monitoring (``monitor``) and the final performance evaluation (``evaluate``).

Each step is a library function returning a result object (with findings as data) and a
writer that turns the result into the bureau's workbook and the notice data file.
"""
