"""``python -m formkit`` runs the command line."""

from formkit.cli import main

main()
