"""Readers: files, directories, JSON Lines, standard input → Documents (bad input → error records)."""
