"""qala.api: the HTTP API and the web UI's pages over the knowledge base (`create_app` in `qala.api.app`)."""
