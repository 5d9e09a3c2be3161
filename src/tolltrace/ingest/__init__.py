"""Ingest: a raw folder's files, manifest and settings, read as they are (never edited)."""
