"""The expert panel (``formkit panel``): scoring workbooks out, returned workbooks in.

- :mod:`formkit.jobs.panel.batch` — the zones and their figures, from a ``formkit batch`` output
  folder's registry, and the panel's own entries there (the signing key, the sheets issued);
- :mod:`formkit.jobs.panel.experts` — the expert list (CSV, UTF-8 or GBK) and who scores what;
- :mod:`formkit.jobs.panel.ident` — the signed id tying a workbook to its expert and round;
- :mod:`formkit.jobs.panel.sheets` — one scoring workbook per expert;
- :mod:`formkit.jobs.panel.collect` — reading and checking the returned workbooks;
- :mod:`formkit.jobs.panel.aggregate` — per-zone statistics and the rankings;
- :mod:`formkit.jobs.panel.outputs` — 专家评审汇总表.xlsx, the 审核意见 with 专家意见,
  publicity.yaml.

DESIGN.md's target puts this under ``jobs/``; it moves there with the batch.
"""
