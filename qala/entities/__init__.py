"""In-document entity clustering and linking to canonical identities (Latin form, Wikidata QID)."""
