"""qala.web: the web UI's templates, static files (vendored JS and fonts) and text highlighting."""
