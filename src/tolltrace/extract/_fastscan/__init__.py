"""The speed layer: where a rule can match, found with one pass over an article. No rule
lives here: every result equals what the plain pattern scan would give."""
