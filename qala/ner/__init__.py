"""Named-entity recognition: PER / LOC / ORG / MISC mentions."""
