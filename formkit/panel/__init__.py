"""The expert panel (``formkit panel``): scoring workbooks out, returned workbooks in.

- :mod:`formkit.panel.batch` — the zones and their figures, from a ``formkit batch`` output
  folder's registry, and the panel's own entries there (the signing key, the sheets issued);
- :mod:`formkit.panel.experts` — the expert list (CSV, UTF-8 or GBK) and who scores what;
- :mod:`formkit.panel.ident` — the signed id tying a workbook to its expert and round;
- :mod:`formkit.panel.sheets` — one scoring workbook per expert;
- :mod:`formkit.panel.collect` — reading and checking the returned workbooks;
- :mod:`formkit.panel.aggregate` — per-zone statistics and the rankings;
- :mod:`formkit.panel.outputs` — 专家评审汇总表.xlsx, the 审核意见 with 专家意见, publicity.yaml.

DESIGN.md's target puts this under ``jobs/``; it moves there with the batch.
"""
