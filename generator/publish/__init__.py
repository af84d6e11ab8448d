"""Build: generated pages handed to MkDocs, the site built aside and swapped in on success."""
