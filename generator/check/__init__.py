"""Check: the built site, looked at as a reader's browser would."""
