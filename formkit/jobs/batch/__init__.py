"""formkit batch: read an inbox, validate, cross-check dossiers, write the review outputs."""
