"""Scorers behind `qala eval`: quotations and speakers (`quotes`), with shared matching helpers."""
