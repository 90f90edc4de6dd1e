"""Quotation detection and speaker attribution."""
